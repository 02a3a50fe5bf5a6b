import { classLabels, isClassLabel, type DatasetInfo } from './catalog';
import { datasetSize, type Dataset } from './dataset';
import type { Split } from './fileSlots';

export type SplitFilter = Split | 'all';

/** The splits a split filter shows, the smaller (test) first: what is computed per split arrives sooner for it. */
export function splitsShown(split: SplitFilter): Split[] {
  return split === 'train' ? ['train'] : split === 'test' ? ['test'] : ['test', 'train'];
}
export const SPLIT_FILTERS: readonly SplitFilter[] = ['train', 'test', 'all'];
/**
 * The label filter with nothing filtered out: the empty list, whatever the dataset's classes (so
 * a filter read from a link before the data arrives means the same once it is there).
 */
export const ALL_DIGITS: readonly number[] = Object.freeze([]);

export function isEveryLabel(digits: readonly number[]): boolean {
  return digits.length === 0;
}

/** The labels a filter shows, ascending: every class for no filter. */
export function labelsShown(digits: readonly number[], info: DatasetInfo): readonly number[] {
  return digits.length === 0 ? classLabels(info) : digits;
}

/** Whether a filter shows items of this label. */
export function showsLabel(digits: readonly number[], label: number): boolean {
  return digits.length === 0 || digits.includes(label);
}

/**
 * A filter made to fit a dataset: labels that are no class of it dropped, and a list of every
 * class written as no filter (so `digits=0,…,9` and `all` are one state, and links stay short).
 */
export function normaliseLabels(digits: readonly number[], info: DatasetInfo): readonly number[] {
  const kept = [...new Set(digits)].filter((d) => isClassLabel(info, d)).sort((a, b) => a - b);
  return kept.length === 0 || kept.length === classLabels(info).length ? ALL_DIGITS : kept;
}

/** How many digits of each label each split has: one counting pass over the labels. */
export interface LabelIndex {
  readonly counts: Record<Split, readonly number[]>;
  readonly size: number;
  readonly trainCount: number;
}

export function buildLabelIndex(dataset: Dataset): LabelIndex {
  const slots = dataset.info.classNames.length;
  const count = (split: Split) => {
    const { labels, count } = dataset[split];
    // One count per label slot of the dataset (0–9 for MNIST); labels past them count in no slot.
    const counts = new Array<number>(slots).fill(0);
    for (let i = 0; i < count; i++) {
      const label = labels[i]!;
      if (label < slots) counts[label]!++;
    }
    return counts;
  };
  return {
    counts: { train: count('train'), test: count('test') },
    size: datasetSize(dataset),
    trainCount: dataset.train.count,
  };
}

/**
 * The ids shown for a split and a set of labels (none = no label filter), in file order. All
 * digits is a range; any other set is one pass over the split's labels with a 256-entry mask, so
 * the cost is the split's size whatever the number of digits (merging per-label lists cost size ×
 * digits). With the dataset's label index the size of the list is known from its counts; without
 * it, a counting pass comes first.
 */
export function selectIds(dataset: Dataset, split: SplitFilter, digits: readonly number[], index?: LabelIndex): Uint32Array {
  const trainCount = dataset.train.count;
  const size = trainCount + dataset.test.count;
  const [start, end] = split === 'train' ? [0, trainCount] : split === 'test' ? [trainCount, size] : [0, size];
  if (isEveryLabel(digits)) return range(start, end);
  const mask = new Uint8Array(256);
  for (const d of digits) mask[d] = 1;
  const splits: [Uint8Array, number][] = [];
  if (split !== 'test') splits.push([dataset.train.labels.subarray(0, trainCount), 0]);
  if (split !== 'train') splits.push([dataset.test.labels.subarray(0, dataset.test.count), trainCount]);
  const total = index && digits.every((d) => d < index.counts.train.length) ? countSelected(index, split, digits) : countMasked(splits, mask);
  // Branch-free: every id is written at the next place and the place moves on only for a selected
  // one (labels in file order are unpredictable to a branch), so the list has one slot to spare.
  const ids = new Uint32Array(new ArrayBuffer((total + 1) * 4), 0, total);
  const out = new Uint32Array(ids.buffer);
  let o = 0;
  for (const [labels, offset] of splits) o = fillMasked(labels, offset, mask, out, o);
  return ids;
}

function countMasked(splits: readonly [Uint8Array, number][], mask: Uint8Array): number {
  let total = 0;
  for (const [labels] of splits) for (let i = 0; i < labels.length; i++) total += mask[labels[i]!]!;
  return total;
}

function fillMasked(labels: Uint8Array, offset: number, mask: Uint8Array, out: Uint32Array, at: number): number {
  let o = at;
  for (let i = 0; i < labels.length; i++) {
    out[o] = offset + i;
    o += mask[labels[i]!]!;
  }
  return o;
}

/** How many ids `selectIds` would return, without building the list. */
export function countSelected(index: LabelIndex, split: SplitFilter, digits: readonly number[]): number {
  if (isEveryLabel(digits)) {
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
 * Where `id` is in `ids` (-1 if it is not): a binary search when the ids are in file order (a
 * selection), else through an inverse index built once per list (a sorted selection).
 */
export function positionOf(ids: Uint32Array, id: number): number {
  let lookup = positionLookups.get(ids);
  if (!lookup) {
    lookup = isAscending(ids) ? 'ascending' : inverseIndex(ids);
    positionLookups.set(ids, lookup);
  }
  if (lookup !== 'ascending') return id < lookup.length ? lookup[id]! : -1;
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

const positionLookups = new WeakMap<Uint32Array, 'ascending' | Int32Array>();

function isAscending(ids: Uint32Array): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

function inverseIndex(ids: Uint32Array): Int32Array {
  let max = -1;
  for (const id of ids) if (id > max) max = id;
  const inverse = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < ids.length; i++) inverse[ids[i]!] = i;
  return inverse;
}
