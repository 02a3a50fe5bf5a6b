import { datasetSize, type Dataset } from './dataset';
import { LABEL_COUNT, type Split } from './mnist';

export type SplitFilter = Split | 'all';
export const SPLIT_FILTERS: readonly SplitFilter[] = ['train', 'test', 'all'];
/** The digit filter with nothing filtered out. */
export const ALL_DIGITS: readonly number[] = Array.from({ length: LABEL_COUNT }, (_, d) => d);

/**
 * For each split and each digit 0–9, the global ids carrying that label, ascending. Built once per
 * dataset (one pass over 70,000 labels) so that any filter is a merge of ready lists.
 */
export interface LabelIndex {
  readonly byLabel: Record<Split, readonly Uint32Array[]>;
  readonly counts: Record<Split, readonly number[]>;
  readonly size: number;
  readonly trainCount: number;
}

export function buildLabelIndex(dataset: Dataset): LabelIndex {
  const build = (split: Split, offset: number) => {
    const { labels, count } = dataset[split];
    const counts = new Array<number>(LABEL_COUNT).fill(0);
    for (let i = 0; i < count; i++) {
      const label = labels[i] ?? 0;
      if (label < LABEL_COUNT) counts[label] = (counts[label] ?? 0) + 1;
    }
    const lists = counts.map((n) => new Uint32Array(n));
    const filled = new Array<number>(LABEL_COUNT).fill(0);
    for (let i = 0; i < count; i++) {
      const label = labels[i] ?? 0;
      const list = lists[label];
      if (!list) continue;
      list[filled[label]!++] = offset + i;
    }
    return { lists, counts };
  };
  const train = build('train', 0);
  const test = build('test', dataset.train.count);
  return {
    byLabel: { train: train.lists, test: test.lists },
    counts: { train: train.counts, test: test.counts },
    size: datasetSize(dataset),
    trainCount: dataset.train.count,
  };
}

/** The ids shown for a split and a set of digits (all ten = no digit filter), in file order. */
export function selectIds(index: LabelIndex, split: SplitFilter, digits: readonly number[]): Uint32Array {
  const [start, end] = split === 'train' ? [0, index.trainCount] : split === 'test' ? [index.trainCount, index.size] : [0, index.size];
  if (digits.length === LABEL_COUNT) return range(start, end);
  const splits: Split[] = split === 'all' ? ['train', 'test'] : [split];
  const lists = splits.flatMap((s) => digits.map((d) => index.byLabel[s][d]).filter((l): l is Uint32Array => !!l));
  return mergeSorted(lists);
}

/** How many ids `selectIds` would return, without building the list. */
export function countSelected(index: LabelIndex, split: SplitFilter, digits: readonly number[]): number {
  if (digits.length === LABEL_COUNT) {
    return split === 'train' ? index.trainCount : split === 'test' ? index.size - index.trainCount : index.size;
  }
  const splits: Split[] = split === 'all' ? ['train', 'test'] : [split];
  return splits.reduce((sum, s) => sum + digits.reduce((n, d) => n + (index.counts[s][d] ?? 0), 0), 0);
}

function range(start: number, end: number): Uint32Array {
  const ids = new Uint32Array(end - start);
  for (let i = 0; i < ids.length; i++) ids[i] = start + i;
  return ids;
}

/**
 * K-way merge of ascending lists. With at most 20 lists a linear scan for the smallest head beats
 * a heap, and 70,000 ids merge in about a millisecond.
 */
export function mergeSorted(lists: readonly Uint32Array[]): Uint32Array {
  const total = lists.reduce((n, l) => n + l.length, 0);
  const out = new Uint32Array(total);
  const heads = lists.map(() => 0);
  for (let o = 0; o < total; o++) {
    let best = -1;
    let bestValue = Infinity;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k]!;
      const head = heads[k]!;
      if (head < list.length && list[head]! < bestValue) {
        bestValue = list[head]!;
        best = k;
      }
    }
    out[o] = bestValue;
    heads[best]!++;
  }
  return out;
}

/** Where `id` stands in an ascending id list, or -1. */
export function positionOf(ids: Uint32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = ids[mid]!;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
