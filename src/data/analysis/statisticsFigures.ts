// The numbers behind the statistics view's figures, for the split and digit filter on screen:
// class balance, class averages (mean, spread, train − test), the pixel-value histogram and the
// ink histograms. Pure, from the per-split sums in `statistics.ts`; with split "all" the two
// splits are combined from their exact integer sums, so a mean over both is numpy's mean over
// the concatenated arrays, to the last bit.
import type { SplitFilter } from '../dataset/labelIndex';
import { SPLITS, type Split } from '../dataset/fileSlots';
import { allRowOf, PIXEL_VALUES, type DatasetStatistics } from './statistics';
import { classLabels, type DatasetInfo } from '../dataset/catalog';
import { showsLabel } from '../dataset/labelIndex';

function splitsOf(split: SplitFilter): readonly Split[] {
  return split === 'all' ? SPLITS : [split];
}

export interface ClassBalanceRow {
  readonly label: number;
  readonly train: number;
  readonly test: number;
  /** The count in the split filter's split(s). */
  readonly count: number;
  /** Whether the digit filter shows this label. */
  readonly selected: boolean;
}

export function classBalance(stats: DatasetStatistics, split: SplitFilter, digits: readonly number[], info: DatasetInfo): ClassBalanceRow[] {
  return classLabels(info).map((label) => {
    const train = stats.train.labelCounts[label]!;
    const test = stats.test.labelCounts[label]!;
    const count = split === 'all' ? train + test : split === 'train' ? train : test;
    return { label, train, test, count, selected: showsLabel(digits, label) };
  });
}

/** How many digits a label row (0–9, or ALL_LABELS) has in the split filter's split(s). */
export function rowCount(stats: DatasetStatistics, split: SplitFilter, row: number): number {
  return splitsOf(split).reduce((n, s) => n + (row === allRowOf(stats) ? stats[s].count : stats[s].labelCounts[row]!), 0);
}

/** Per pixel, the sum over the split(s) of a label row's `pixelSums` or `pixelSquareSums`. */
function rowSums(stats: DatasetStatistics, split: SplitFilter, row: number, field: 'pixelSums' | 'pixelSquareSums'): Float64Array {
  const out = new Float64Array(stats.train.pixels);
  for (const s of splitsOf(split)) {
    const sums = stats[s][field];
    for (let p = 0; p < stats.train.pixels; p++) out[p]! += sums[row * stats.train.pixels + p]!;
  }
  return out;
}

/** The mean image of a label row over the split(s); null when the row has no digits there. */
export function classMean(stats: DatasetStatistics, split: SplitFilter, row: number): Float64Array | null {
  const n = rowCount(stats, split, row);
  if (n === 0) return null;
  const sums = rowSums(stats, split, row, 'pixelSums');
  for (let p = 0; p < stats.train.pixels; p++) sums[p] = sums[p]! / n;
  return sums;
}

/** The per-pixel population standard deviation (numpy's `std`) of a label row over the split(s). */
export function classSpread(stats: DatasetStatistics, split: SplitFilter, row: number): Float64Array | null {
  const n = rowCount(stats, split, row);
  if (n === 0) return null;
  const sums = rowSums(stats, split, row, 'pixelSums');
  const squares = rowSums(stats, split, row, 'pixelSquareSums');
  const out = new Float64Array(stats.train.pixels);
  // n Σx² − (Σx)² is an integer below 2^53: exact; only the division and root round.
  for (let p = 0; p < stats.train.pixels; p++) out[p] = Math.sqrt(Math.max(0, n * squares[p]! - sums[p]! * sums[p]!)) / n;
  return out;
}

/** The train mean minus the test mean of a label row; null when either split lacks the row. */
export function splitShift(stats: DatasetStatistics, row: number): Float64Array | null {
  const train = classMean(stats, 'train', row);
  const test = classMean(stats, 'test', row);
  if (!train || !test) return null;
  for (let p = 0; p < stats.train.pixels; p++) train[p] = train[p]! - test[p]!;
  return train;
}

/** The mean pixel value of a label row over the split(s) (all its pixels over digits × 784); NaN when empty. */
export function rowMeanPixelValue(stats: DatasetStatistics, split: SplitFilter, row: number): number {
  const n = rowCount(stats, split, row);
  if (n === 0) return NaN;
  let total = 0;
  for (const s of splitsOf(split)) {
    const sums = stats[s].pixelSums;
    for (let p = 0; p < stats.train.pixels; p++) total += sums[row * stats.train.pixels + p]!;
  }
  return total / (n * stats.train.pixels);
}

/** How many pixels of the selected digits (split(s) × labels in the filter) have each value 0–255. */
export function selectedPixelHistogram(stats: DatasetStatistics, split: SplitFilter, digits: readonly number[]): Float64Array {
  const out = new Float64Array(PIXEL_VALUES);
  for (const s of splitsOf(split)) {
    const histogram = stats[s].pixelHistogram;
    for (const label of digits) for (let v = 0; v < PIXEL_VALUES; v++) out[v]! += histogram[label * PIXEL_VALUES + v]!;
  }
  return out;
}

/** Ink histograms bin the mean pixel value (ink ÷ 784) in steps of this many grey levels. */
export const INK_BIN_WIDTH = 4;
export const INK_BINS = PIXEL_VALUES / INK_BIN_WIDTH;

export interface InkHistogram {
  readonly label: number;
  /** Digits per bin: bin b holds mean pixel values in [b × INK_BIN_WIDTH, (b + 1) × INK_BIN_WIDTH). */
  readonly bins: Uint32Array;
  readonly count: number;
}

/**
 * Per label in the filter, the histogram of its digits' mean pixel values over the split(s). The
 * bin is found in integers (ink ÷ (784 × width), floored), so a digit on a bin edge is never
 * put in the wrong bin by rounding.
 */
export function inkHistograms(
  stats: DatasetStatistics,
  labelsOf: Record<Split, ArrayLike<number>>,
  split: SplitFilter,
  digits: readonly number[],
): InkHistogram[] {
  const bins = new Map(digits.map((label) => [label, new Uint32Array(INK_BINS)]));
  const perBin = stats.train.pixels * INK_BIN_WIDTH;
  for (const s of splitsOf(split)) {
    const { ink, count } = stats[s];
    const labels = labelsOf[s];
    for (let i = 0; i < count; i++) {
      const histogram = bins.get(labels[i]!);
      if (histogram) histogram[Math.floor(ink[i]! / perBin)]!++;
    }
  }
  return digits.map((label) => {
    const histogram = bins.get(label)!;
    return { label, bins: histogram, count: histogram.reduce((a, b) => a + b, 0) };
  });
}
