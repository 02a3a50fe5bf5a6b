// The orders the grid can show a selection in (link `sort=`). File order needs nothing; the others
// rank by a per-digit key from the statistics: ink (the sum of a digit's pixel values) or its
// distance to the mean image of its label in its split. Ties, and digits without a key (a label
// outside 0–9 has no class mean), keep file order: train before test, then by index — which is
// global id order, since the ids number the training digits first.
import type { SplitStatistics } from './statistics';

export const SORT_ORDERS = ['file', 'ink', '-ink', 'typical', 'atypical'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_NAMES: Record<SortOrder, string> = {
  file: 'File order',
  ink: 'Least ink first',
  '-ink': 'Most ink first',
  typical: 'Most typical first',
  atypical: 'Most atypical first',
};

/** What a sort needs of the statistics: each split's ink and distances, by index in the split. */
export interface SortKeys {
  readonly trainCount: number;
  readonly train: Pick<SplitStatistics, 'ink' | 'distance'>;
  readonly test: Pick<SplitStatistics, 'ink' | 'distance'>;
}

/**
 * `ids` (global ids in file order) in the given order; the same array for `file`. A stable sort:
 * equal keys keep the order they came in. Digits whose key is NaN go last, in file order.
 */
export function sortIds(ids: Uint32Array, order: SortOrder, keys: SortKeys): Uint32Array {
  if (order === 'file') return ids;
  const byInk = order === 'ink' || order === '-ink';
  const descending = order === '-ink' || order === 'atypical';
  const { trainCount } = keys;
  const value = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const [split, index] = id < trainCount ? [keys.train, id] : [keys.test, id - trainCount];
    const v = byInk ? split.ink[index]! : split.distance[index]!;
    value[i] = descending ? -v : v;
  }
  // Sorting positions, then reading the ids through them: one comparator over two typed arrays.
  const positions = new Uint32Array(ids.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  positions.sort((a, b) => {
    const va = value[a]!;
    const vb = value[b]!;
    if (va === vb) return a - b;
    if (Number.isNaN(va)) return Number.isNaN(vb) ? a - b : 1;
    if (Number.isNaN(vb)) return -1;
    return va < vb ? -1 : 1;
  });
  const sorted = new Uint32Array(ids.length);
  for (let i = 0; i < sorted.length; i++) sorted[i] = ids[positions[i]!]!;
  return sorted;
}
