// The orders the grid can show a selection in (link `sort=`). File order needs nothing; the others
// rank by a per-digit key from the statistics: ink (the sum of a digit's pixel values) or its
// distance to the mean image of its label in its split. Ties, and digits without a key (a label
// outside 0–9 has no class mean), keep file order: train before test, then by index — which is
// global id order, since the ids number the training digits first.
import type { SplitStatistics } from '../analysis/statistics';

/** The orders ranked from the statistics' keys (and kept with them). */
export const KEYED_ORDERS = ['ink', '-ink', 'typical', 'atypical'] as const;
/**
 * Every order; `suspect` ranks by the suspect labels (confident learning on the classifier's
 * probabilities, the neighbours' vote until they exist), `neighbours` by the neighbours' vote
 * alone (the second opinion, no classifier), `hard` and `mistaken` by the
 * classifier's probabilities (modelReadout.ts), all computed apart.
 */
export const SORT_ORDERS = ['file', ...KEYED_ORDERS, 'suspect', 'neighbours', 'hard', 'mistaken'] as const;
/** The orders that need the classifier's probabilities. */
export const MODEL_ORDERS: readonly SortOrder[] = ['hard', 'mistaken'];
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_NAMES: Record<SortOrder, string> = {
  file: 'File order',
  ink: 'Least ink first',
  '-ink': 'Most ink first',
  typical: 'Most typical first',
  atypical: 'Most atypical first',
  suspect: 'Most suspect label first',
  neighbours: 'Most suspect by its neighbours first',
  hard: 'Hardest for the model first',
  mistaken: 'Most mistaken first',
};

/** What a sort needs of the statistics: each split's ink and distances, by index in the split. */
export interface SortKeys {
  readonly trainCount: number;
  readonly train: Pick<SplitStatistics, 'ink' | 'distance'>;
  readonly test: Pick<SplitStatistics, 'ink' | 'distance'>;
}

/** The orders that rank by a key of the statistics. */
export type KeyedOrder = (typeof KEYED_ORDERS)[number];

/**
 * Every global id (train first, then test) in the given order: a stable LSD radix sort on the
 * keys' float64 bit patterns, which order like the numbers for non-negative keys (ink and
 * distances are never negative). Descending orders sort the complemented bits, so ties still
 * keep file order; NaN (no key) sorts last both ways. Four passes of 16 bits over the ids, none
 * comparing: linear in the digits, where a comparison sort is n log n.
 */
export function rankAll(order: KeyedOrder, keys: SortKeys): Uint32Array<ArrayBuffer> {
  const byInk = order === 'ink' || order === '-ink';
  const descending = order === '-ink' || order === 'atypical';
  const { trainCount } = keys;
  const total = trainCount + keys.test.ink.length;
  const value = new Float64Array(total);
  const put = (split: SortKeys['train'], offset: number) => {
    const source = byInk ? split.ink : split.distance;
    for (let i = 0; i < source.length; i++) value[offset + i] = source[i]!;
  };
  put(keys.train, 0);
  put(keys.test, trainCount);
  // Little-endian: word 2i is the low half of value i, word 2i + 1 the high half (sign, exponent).
  const words = new Uint32Array(value.buffer);
  for (let i = 0; i < total; i++) {
    if (Number.isNaN(value[i]!)) {
      words[2 * i] = 0xffffffff;
      words[2 * i + 1] = 0xffffffff;
    } else if (descending) {
      words[2 * i] = ~words[2 * i]! >>> 0;
      // Below NaN's all-ones, whatever the value: the top bit stays clear.
      words[2 * i + 1] = ~words[2 * i + 1]! & 0x7fffffff;
    }
  }
  let from = new Uint32Array(total);
  for (let i = 0; i < total; i++) from[i] = i;
  let to = new Uint32Array(total);
  const counts = new Uint32Array(RADIX + 1);
  for (const { half, shift } of PASSES) {
    counts.fill(0);
    for (let i = 0; i < total; i++) counts[((words[2 * from[i]! + half]! >>> shift) & MASK) + 1]!++;
    // A pass where every id has the same digit (ink's high words are all zero) changes nothing.
    if (counts.some((n) => n === total)) continue;
    for (let d = 1; d <= RADIX; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < total; i++) {
      const id = from[i]!;
      to[counts[(words[2 * id + half]! >>> shift) & MASK]!++] = id;
    }
    [from, to] = [to, from];
  }
  return from;
}


/** Every keyed order's ranking of all digits (what the analysis worker hands the page). */
export type Rankings = Readonly<Record<KeyedOrder, Uint32Array<ArrayBuffer>>>;

export function rankAllOrders(keys: SortKeys): Rankings {
  return Object.fromEntries(KEYED_ORDERS.map((order) => [order, rankAll(order, keys)])) as unknown as Rankings;
}

const RADIX = 1 << 16;
const MASK = RADIX - 1;
const PASSES = [
  { half: 0, shift: 0 },
  { half: 0, shift: 16 },
  { half: 1, shift: 0 },
  { half: 1, shift: 16 },
] as const;

/**
 * `ids` (global ids in file order) in the given order; the same array for `file`. Equal keys keep
 * file order; digits whose key is NaN go last, in file order. `ranked` is `rankAll`'s answer for
 * the order (computed here when not given): the selection is read off it in one pass, O(all digits).
 */
export function sortIds(ids: Uint32Array, order: KeyedOrder | 'file', keys: SortKeys, ranked?: Uint32Array): Uint32Array {
  if (order === 'file') return ids;
  const all = ranked ?? rankAll(order, keys);
  return idsInRankedOrder(ids, all, keys.trainCount + keys.test.ink.length);
}

/**
 * `ids` in the order of `ranking` (global ids, of all `total` digits or of a part holding every
 * id of `ids`), read off it in one pass.
 */
export function idsInRankedOrder(ids: Uint32Array, ranking: Uint32Array, total: number): Uint32Array {
  if (ids.length === ranking.length && ranking.length === total) return ranking;
  const chosen = new Uint8Array(total);
  for (let i = 0; i < ids.length; i++) chosen[ids[i]!] = 1;
  const sorted = new Uint32Array(ids.length);
  let k = 0;
  for (let i = 0; i < ranking.length && k < sorted.length; i++) {
    const id = ranking[i]!;
    if (chosen[id]) sorted[k++] = id;
  }
  return sorted;
}
