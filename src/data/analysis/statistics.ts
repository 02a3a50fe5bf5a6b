// What is in the data as a whole: class balance, the mean and spread of each pixel per label
// (the class averages), the histogram of pixel values, and for every item its ink and its
// distance to the mean image of its label. Pure: runs in the analysis worker and in Node tests.
//
// Exactness: every sum here is of integers (pixel values 0–255) and stays below 2^53, so it is
// held exactly in a float64; a mean is then one division, as numpy's float64 mean of the same
// integers. Nothing is accumulated in float32.
import { pixelCount, type Dataset, type SplitData } from '../dataset/dataset';
import type { Split } from '../dataset/fileSlots';

export const PIXEL_VALUES = 256;

/**
 * Index of "every item of the split" after the labels, in per-label arrays: the number of label
 * slots (10 for MNIST: rows 0–9, then all).
 */
export function allRowOf(stats: DatasetStatistics | SplitStatistics): number {
  return 'train' in stats ? stats.train.labelCounts.length : stats.labelCounts.length;
}

export interface SplitStatistics {
  readonly split: Split;
  readonly count: number;
  /** Pixels per image (784 for MNIST): the length of one row of the per-label pixel arrays. */
  readonly pixels: number;
  /**
   * Items per label slot (0–9 for MNIST; one per value up to the dataset's largest class); a
   * label that is no class counts only in `otherLabels` and in all.
   */
  readonly labelCounts: readonly number[];
  readonly otherLabels: number;
  /** Per label row (0–9, then all), the sum of each of the 784 pixels: LABEL_ROWS × 784. */
  readonly pixelSums: Float64Array<ArrayBuffer>;
  /** The same for the squares of the pixel values (for the spread). */
  readonly pixelSquareSums: Float64Array<ArrayBuffer>;
  /**
   * Per label row (0–9, then all), how many of its pixels have each value 0–255:
   * LABEL_ROWS × 256 (a label outside 0–9 counts in the "all" row only).
   */
  readonly pixelHistogram: Float64Array<ArrayBuffer>;
  /** Per digit, in file order: the sum of its 784 pixel values ("ink"). */
  readonly ink: Uint32Array<ArrayBuffer>;
  /**
   * Per digit: the Euclidean distance (over the 784 pixel values) to the mean image of its label
   * in this split; NaN for a label outside 0–9.
   */
  readonly distance: Float64Array<ArrayBuffer>;
}

export type DatasetStatistics = Record<Split, SplitStatistics>;

export function computeStatistics(dataset: Dataset): DatasetStatistics {
  const pixels = pixelCount(dataset);
  const isClass = dataset.info.classNames.map((name) => name !== null);
  return { train: splitStatistics(dataset.train, pixels, isClass), test: splitStatistics(dataset.test, pixels, isClass) };
}

/** `isClass[label]`: whether a label value is a class (gets its own row); its length is the number of label slots. */
export function splitStatistics(data: SplitData, PIXELS_PER_IMAGE: number, isClass: readonly boolean[]): SplitStatistics {
  const LABEL_COUNT = isClass.length;
  const ALL_LABELS = LABEL_COUNT;
  const LABEL_ROWS = LABEL_COUNT + 1;
  const inClass = new Uint8Array(256);
  isClass.forEach((yes, label) => (inClass[label] = yes ? 1 : 0));
  const { count, images, labels } = data;
  const labelCounts = new Array<number>(LABEL_COUNT).fill(0);
  let otherLabels = 0;
  const pixelSums = new Float64Array(LABEL_ROWS * PIXELS_PER_IMAGE);
  const pixelSquareSums = new Float64Array(LABEL_ROWS * PIXELS_PER_IMAGE);
  const pixelHistogram = new Float64Array(LABEL_ROWS * PIXEL_VALUES);
  /** Non-zero pixels per label row, to count the zeros (skipped in the pass) at the end. */
  const nonZero = new Float64Array(LABEL_ROWS);
  const ink = new Uint32Array(count);
  /** Per digit, the sum of its squared pixels (≤ 784 × 255², exact). */
  const squares = new Float64Array(count);

  // One pass over the pixels: sums per label, squares, the value histogram and each digit's ink.
  // A zero pixel adds nothing to any sum, and four in five MNIST pixels are zero: the pixels are
  // read four at a time as one 32-bit word and a zero word is skipped whole (zeros are counted
  // at the end, as what is left): most of the pass is then skipped.
  // Four pixels to a word only when every image starts on a word (pixels a multiple of 4).
  const words = PIXELS_PER_IMAGE % 4 === 0 ? wordsOf(images) : null;
  const WORDS_PER_IMAGE = Math.ceil(PIXELS_PER_IMAGE / 4);
  for (let i = 0; i < count; i++) {
    const label = labels[i]!;
    const inRange = inClass[label] === 1;
    if (inRange) labelCounts[label]!++;
    else otherLabels++;
    const base = i * PIXELS_PER_IMAGE;
    // Digits with other labels are summed into no label row here (see addOtherLabels).
    const sums = inRange ? pixelSums : null;
    const row = label * PIXELS_PER_IMAGE;
    const histogramRow = (inRange ? label : ALL_LABELS) * PIXEL_VALUES;
    const wordBase = base / 4;
    let sum = 0;
    let inked = 0;
    let square = 0;
    for (let w = 0; w < WORDS_PER_IMAGE; w++) {
      if (words && words[wordBase + w] === 0) continue;
      for (let p = w * 4, end = Math.min(p + 4, PIXELS_PER_IMAGE); p < end; p++) {
        const v = images[base + p]!;
        if (v === 0) continue;
        inked++;
        sum += v;
        square += v * v;
        pixelHistogram[histogramRow + v]!++;
        if (sums) {
          sums[row + p]! += v;
          pixelSquareSums[row + p]! += v * v;
        }
      }
    }
    ink[i] = sum;
    squares[i] = square;
    nonZero[inRange ? label : ALL_LABELS]! += inked;
  }
  // "All" = the ten labels plus any others, summed per pixel (others were not added per label).
  const all = ALL_LABELS * PIXELS_PER_IMAGE;
  if (otherLabels > 0) addOtherLabels(data, pixelSums, pixelSquareSums, PIXELS_PER_IMAGE, inClass, ALL_LABELS);
  pixelHistogram[ALL_LABELS * PIXEL_VALUES] = otherLabels * PIXELS_PER_IMAGE - nonZero[ALL_LABELS]!;
  for (let label = 0; label < LABEL_COUNT; label++) {
    const row = label * PIXELS_PER_IMAGE;
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) {
      pixelSums[all + p]! += pixelSums[row + p]!;
      pixelSquareSums[all + p]! += pixelSquareSums[row + p]!;
    }
    const histogramRow = label * PIXEL_VALUES;
    pixelHistogram[histogramRow] = labelCounts[label]! * PIXELS_PER_IMAGE - nonZero[label]!;
    for (let v = 0; v < PIXEL_VALUES; v++) pixelHistogram[ALL_LABELS * PIXEL_VALUES + v]! += pixelHistogram[histogramRow + v]!;
  }

  const distance = distances(data, words, labelCounts, pixelSums, squares, PIXELS_PER_IMAGE, inClass);
  return { split: data.split, count, pixels: PIXELS_PER_IMAGE, labelCounts, otherLabels, pixelSums, pixelSquareSums, pixelHistogram, ink, distance };
}

/** Adds the items whose label is no class to the "all" row. */
function addOtherLabels(data: SplitData, pixelSums: Float64Array, pixelSquareSums: Float64Array, PIXELS_PER_IMAGE: number, inClass: Uint8Array, ALL_LABELS: number): void {
  const all = ALL_LABELS * PIXELS_PER_IMAGE;
  for (let i = 0; i < data.count; i++) {
    if (inClass[data.labels[i]!] === 1) continue;
    const base = i * PIXELS_PER_IMAGE;
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) {
      const v = data.images[base + p]!;
      pixelSums[all + p]! += v;
      pixelSquareSums[all + p]! += v * v;
    }
  }
}

/**
 * The distance of each digit x to its class mean m = s / n (s: the class's pixel sums, n: its
 * count): |x − m|² = Σx² − 2 Σx·s / n + Σm². Σx² and Σx·s are integers below 2^53 (exact), and
 * Σm² is one number per class, so two digits of a class with the same image — or the same
 * integer terms — get exactly the same distance, whatever order the pixels were added in.
 */
function distances(
  data: SplitData,
  words: Uint32Array | null,
  labelCounts: readonly number[],
  pixelSums: Float64Array,
  squares: Float64Array,
  PIXELS_PER_IMAGE: number,
  inClass: Uint8Array,
): Float64Array<ArrayBuffer> {
  const WORDS_PER_IMAGE = Math.ceil(PIXELS_PER_IMAGE / 4);
  const meanSquares = labelCounts.map((n, label) => {
    let total = 0;
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) {
      const mean = n > 0 ? pixelSums[label * PIXELS_PER_IMAGE + p]! / n : 0;
      total += mean * mean;
    }
    return total;
  });
  const distance = new Float64Array(data.count);
  const { images } = data;
  for (let i = 0; i < data.count; i++) {
    const label = data.labels[i]!;
    if (inClass[label] !== 1) {
      distance[i] = NaN;
      continue;
    }
    const base = i * PIXELS_PER_IMAGE;
    const row = label * PIXELS_PER_IMAGE;
    const wordBase = base / 4;
    let dot = 0;
    for (let w = 0; w < WORDS_PER_IMAGE; w++) {
      if (words && words[wordBase + w] === 0) continue;
      for (let p = w * 4, end = Math.min(p + 4, PIXELS_PER_IMAGE); p < end; p++) dot += images[base + p]! * pixelSums[row + p]!;
    }
    const n = labelCounts[label]!;
    // Rounding can leave a hair below zero for a digit equal to its class mean.
    distance[i] = Math.sqrt(Math.max(0, squares[i]! - (2 * dot) / n + meanSquares[label]!));
  }
  return distance;
}

/**
 * The pixels as 32-bit words (four pixels each), to skip runs of zeros four at a time. The
 * decoders allocate each buffer afresh, so it is aligned; a view that is not gets an aligned copy.
 */
function wordsOf(images: Uint8Array): Uint32Array {
  const aligned = images.byteOffset % 4 === 0 ? images : images.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.length / 4));
}
