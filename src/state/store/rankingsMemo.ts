// Every digit ranked in each sort order, per statistics object, in memory: handed over by the
// analysis worker (or the kept copy) with the statistics, or computed here on first use. No
// React here: the statistics job, which the boot module loads before React, hands rankings over.
import { KEYED_ORDERS, rankAll, type KeyedOrder, type Rankings, type SortKeys } from '../../data/dataset/sortOrder';
import type { DatasetStatistics } from '../../data/analysis/statistics';

const rankingsMemo = new WeakMap<DatasetStatistics, Map<KeyedOrder, Uint32Array>>();

function memoOf(statistics: DatasetStatistics): Map<KeyedOrder, Uint32Array> {
  let byOrder = rankingsMemo.get(statistics);
  if (!byOrder) {
    byOrder = new Map();
    rankingsMemo.set(statistics, byOrder);
  }
  return byOrder;
}

/** Hands over rankings computed elsewhere for these statistics. */
export function provideRankings(statistics: DatasetStatistics, rankings: Rankings): void {
  const byOrder = memoOf(statistics);
  for (const [order, ranked] of Object.entries(rankings) as [KeyedOrder, Uint32Array][]) byOrder.set(order, ranked);
}

/** All digits in `order`: as handed over, else computed once. */
export function rankingFor(statistics: DatasetStatistics, order: KeyedOrder, keys: SortKeys): Uint32Array {
  const byOrder = memoOf(statistics);
  let ranked = byOrder.get(order);
  if (!ranked) {
    ranked = rankAll(order, keys);
    byOrder.set(order, ranked);
  }
  return ranked;
}

/** Every order's ranking of these statistics, when all were handed over (for keeping them). */
export function rankingsOf(statistics: DatasetStatistics): Rankings | null {
  const byOrder = rankingsMemo.get(statistics);
  if (!byOrder || KEYED_ORDERS.some((order) => !byOrder.has(order))) return null;
  return Object.fromEntries(KEYED_ORDERS.map((order) => [order, byOrder.get(order)!])) as unknown as Rankings;
}
