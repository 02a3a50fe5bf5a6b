import { DecodeError } from '../decode/decodeError';
import type { DecodedIdx } from '../decode/idx';
import { CATALOG, infoFor, labelText, isClassLabel, type DatasetEntry, type DatasetInfo } from './catalog';
import { SPLITS, type Split } from './fileSlots';
import { MAX_IMAGE_SIDE, MAX_LABEL } from '../limits';

/** One split: `count` images of rows × cols bytes laid end to end, and one label byte per image. */
export interface SplitData {
  readonly split: Split;
  readonly count: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/**
 * A loaded dataset (MNIST or any other). Items are addressed by a global id: train 0…59,999 come
 * first, then test, so the "All" view is one range and a sorted id list keeps the file order. A
 * dataset with one split has the other empty (count 0).
 */
export interface Dataset {
  readonly train: SplitData;
  readonly test: SplitData;
  /** Image height and width in pixels (28 × 28 for MNIST); every image of both splits has it. */
  readonly rows: number;
  readonly cols: number;
  /** What the data is: its name, its words, its class names. */
  readonly info: DatasetInfo;
  /** Labels that are no class, counted rather than refused so a slightly odd file can still be seen. */
  readonly warnings: readonly string[];
}

/** How an image's bytes are laid out and drawn: stored rows × cols, transposed when drawn (EMNIST). */
export interface ImageGeometry {
  readonly rows: number;
  readonly cols: number;
  readonly transposed: boolean;
}

/** One object per dataset (so it can be a React dependency). */
export function geometryOf(dataset: Pick<Dataset, 'rows' | 'cols' | 'info'>): ImageGeometry {
  let geometry = geometries.get(dataset);
  if (!geometry) {
    geometry = { rows: dataset.rows, cols: dataset.cols, transposed: dataset.info.transposed };
    geometries.set(dataset, geometry);
  }
  return geometry;
}
const geometries = new WeakMap<object, ImageGeometry>();

/** MNIST's: 28 × 28, upright. */
export const MNIST_GEOMETRY: ImageGeometry = { rows: 28, cols: 28, transposed: false };

/**
 * For each drawn pixel (upright, row-major over `height` × `width`), the index of the stored byte
 * it shows: the identity, or the transpose for data stored column by column.
 */
export function uprightIndex(geometry: ImageGeometry): { width: number; height: number; source: Uint32Array } {
  const { rows, cols, transposed } = geometry;
  const height = transposed ? cols : rows;
  const width = transposed ? rows : cols;
  const source = new Uint32Array(rows * cols);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) source[y * width + x] = transposed ? x * cols + y : y * cols + x;
  return { width, height, source };
}

/**
 * An upright image (row-major, as drawn) laid out as `geometry`'s data stores its images: the
 * same bytes, or the transpose for data stored column by column (EMNIST), so an image made on the
 * page (the drawing pad's) meets the dataset's digits and its models pixel for pixel.
 */
export function storedFromUpright(upright: Uint8Array, geometry: ImageGeometry): Uint8Array<ArrayBuffer> {
  const { source } = uprightIndex(geometry);
  if (upright.length !== source.length) throw new RangeError(`${upright.length} pixels are not ${geometry.rows} × ${geometry.cols}`);
  const stored = new Uint8Array(source.length);
  for (let i = 0; i < source.length; i++) stored[source[i]!] = upright[i]!;
  return stored;
}

/** Bytes per image: rows × cols. */
export function pixelCount(dataset: Pick<Dataset, 'rows' | 'cols'>): number {
  return dataset.rows * dataset.cols;
}

export interface DigitRef {
  readonly split: Split;
  readonly index: number;
}

export function datasetSize(dataset: Dataset): number {
  return dataset.train.count + dataset.test.count;
}

export function globalId(dataset: Dataset, ref: DigitRef): number {
  return ref.split === 'train' ? ref.index : dataset.train.count + ref.index;
}

/** Every digit's label by global id (train first, then test). */
export function labelsByGlobalId(dataset: Dataset): Uint8Array {
  const labels = new Uint8Array(dataset.train.count + dataset.test.count);
  labels.set(dataset.train.labels.subarray(0, dataset.train.count));
  labels.set(dataset.test.labels.subarray(0, dataset.test.count), dataset.train.count);
  return labels;
}

export function locateDigit(dataset: Dataset, id: number): DigitRef {
  return id < dataset.train.count ? { split: 'train', index: id } : { split: 'test', index: id - dataset.train.count };
}

export function labelOf(dataset: Dataset, id: number): number {
  const { split, index } = locateDigit(dataset, id);
  return dataset[split].labels[index] ?? 0;
}

/**
 * How an item is named everywhere a person or a test reads it: `train #0, label 5` for MNIST,
 * `train #0, label 9 (Ankle boot)` where classes have names.
 */
export function describeDigit(dataset: Dataset, id: number): string {
  const { split, index } = locateDigit(dataset, id);
  return `${split} #${index}, label ${labelText(dataset.info, labelOf(dataset, id))}`;
}

/** The pixel bytes of one item (rows × cols, as stored): a view, not a copy. */
export function pixelsOf(dataset: Dataset, id: number): Uint8Array {
  const { split, index } = locateDigit(dataset, id);
  const n = pixelCount(dataset);
  return dataset[split].images.subarray(index * n, (index + 1) * n);
}

/** The decoded files of each split; null for a split the dataset does not have. */
export type DecodedFiles = Record<Split, { images: DecodedIdx; labels: DecodedIdx } | null>;

/** Which file each role of each split is called, for refusals that name it. */
export type FileNames = Record<Split, { readonly images: string; readonly labels: string }>;

/** Counts in messages read as people write them: 60,000. */
const count = (n: number) => n.toLocaleString('en-US');

/** A file-level refusal: which file, and why. */
export class DatasetFileError extends DecodeError {
  readonly fileName: string;
  constructor(fileName: string, message: string) {
    super('dataset-mismatch', message);
    this.fileName = fileName;
  }
}

/**
 * Checks that decoded IDX files form a dataset of `entry`'s kind (images N × H × W of its shape,
 * or any up to 256 × 256; labels N; the counts agree; both splits the same shape) and names the
 * data. Throws DatasetFileError naming the offending file.
 */
export function assembleDataset(files: DecodedFiles, entry: DatasetEntry = CATALOG.mnist, names: FileNames = entry.files): Dataset {
  const warnings: string[] = [];
  const present = SPLITS.filter((split) => files[split] !== null);
  if (present.length === 0) throw new DatasetFileError(names.train.images, 'no split has both its images and its labels');
  let shape: { rows: number; cols: number } | null = entry.shape;
  for (const split of present) shape = checkImages(names[split].images, files[split]!.images, shape);
  const { rows, cols } = shape!;
  let largest = 0;
  for (const split of present) {
    const decoded = files[split]!;
    const labelsName = names[split].labels;
    const labelDims = decoded.labels.header.dims;
    if (labelDims.length !== 1) {
      throw new DatasetFileError(labelsName, `holds ${labelDims.map(count).join(' × ')} values, not a list of labels`);
    }
    const imageCount = decoded.images.header.dims[0] ?? 0;
    if (labelDims[0] !== imageCount) {
      throw new DatasetFileError(
        labelsName,
        `has ${count(labelDims[0] ?? 0)} labels but ${names[split].images} has ${count(imageCount)} images; the counts must agree`,
      );
    }
    const labels = decoded.labels.data;
    for (let i = 0; i < imageCount; i++) {
      const label = labels[i]!;
      if (label > largest && label <= MAX_LABEL) largest = label;
    }
  }
  const info = infoFor(entry, largest);
  const splitOf = (split: Split): SplitData => {
    const decoded = files[split];
    if (!decoded) return { split, count: 0, images: new Uint8Array(0), labels: new Uint8Array(0) };
    const imageCount = decoded.images.header.dims[0] ?? 0;
    const labels = decoded.labels.data;
    let outside = 0;
    for (let i = 0; i < imageCount; i++) if (!isClassLabel(info, labels[i]!)) outside++;
    if (outside > 0) {
      const what = info.classNames.length === 10 && info.classNames.every((n, d) => n === String(d)) ? 'outside 0–9' : `that ${outside === 1 ? 'is' : 'are'} no class of ${info.title}`;
      warnings.push(`${names[split].labels}: ${count(outside)} label${outside === 1 ? '' : 's'} ${what}, shown under no ${info.noun.filter.toLowerCase()}`);
    }
    return { split, count: imageCount, images: decoded.images.data.subarray(0, imageCount * rows * cols), labels };
  };
  return { train: splitOf('train'), test: splitOf('test'), rows, cols, info, warnings };
}

/** The image shape of one file, checked against the expected one (or the first split's). */
function checkImages(name: string, images: DecodedIdx, expected: { rows: number; cols: number } | null): { rows: number; cols: number } {
  const dims = images.header.dims;
  if (expected) {
    if (dims.length !== 3 || dims[1] !== expected.rows || dims[2] !== expected.cols) {
      throw new DatasetFileError(name, `holds ${dims.map(count).join(' × ')} values, not N × ${expected.rows} × ${expected.cols} images`);
    }
    return expected;
  }
  if (dims.length !== 3) throw new DatasetFileError(name, `holds ${dims.map(count).join(' × ')} values, not N × height × width images`);
  const rows = dims[1]!;
  const cols = dims[2]!;
  if (rows < 1 || cols < 1 || rows > MAX_IMAGE_SIDE || cols > MAX_IMAGE_SIDE) {
    throw new DatasetFileError(name, `holds images of ${count(rows)} × ${count(cols)} pixels; the explorer shows images from 1 × 1 up to ${MAX_IMAGE_SIDE} × ${MAX_IMAGE_SIDE}`);
  }
  return { rows, cols };
}
