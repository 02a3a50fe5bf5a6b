import { DecodeError } from './decodeError';
import type { DecodedIdx } from './idx';
import { IMAGE_SIDE, LABEL_COUNT, PIXELS_PER_IMAGE, SPLITS, mnistFileFor, type Split } from './mnist';

/** One split: `count` images of 28×28 bytes laid end to end, and one label byte per image. */
export interface SplitData {
  readonly split: Split;
  readonly count: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/**
 * All of MNIST. Digits are addressed by a global id: train 0…59,999 come first, then test, so
 * the "All" view is one range and a sorted id list keeps the file order.
 */
export interface Dataset {
  readonly train: SplitData;
  readonly test: SplitData;
  /** Labels outside 0–9, counted rather than refused so a slightly odd file can still be seen. */
  readonly warnings: readonly string[];
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

export function locateDigit(dataset: Dataset, id: number): DigitRef {
  return id < dataset.train.count ? { split: 'train', index: id } : { split: 'test', index: id - dataset.train.count };
}

export function labelOf(dataset: Dataset, id: number): number {
  const { split, index } = locateDigit(dataset, id);
  return dataset[split].labels[index] ?? 0;
}

/** How a digit is named everywhere a person or a test reads it: `train #0, label 5`. */
export function describeDigit(dataset: Dataset, id: number): string {
  const { split, index } = locateDigit(dataset, id);
  return `${split} #${index}, label ${labelOf(dataset, id)}`;
}

/** The 784 pixel bytes of one digit: a view, not a copy. */
export function pixelsOf(dataset: Dataset, id: number): Uint8Array {
  const { split, index } = locateDigit(dataset, id);
  return dataset[split].images.subarray(index * PIXELS_PER_IMAGE, (index + 1) * PIXELS_PER_IMAGE);
}

export type DecodedFiles = Record<Split, { images: DecodedIdx; labels: DecodedIdx }>;

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
 * Checks that four decoded IDX files really form MNIST (images are N×28×28, labels are N, the
 * counts agree) and names the data. Throws DatasetFileError naming the offending file.
 */
export function assembleDataset(files: DecodedFiles): Dataset {
  const warnings: string[] = [];
  const [train, test] = SPLITS.map((split) => assembleSplit(split, files[split], warnings));
  if (!train || !test) throw new Error('unreachable: two splits');
  return { train, test, warnings };
}

function assembleSplit(split: Split, decoded: DecodedFiles[Split], warnings: string[]): SplitData {
  const imagesName = mnistFileFor(split, 'images').name;
  const labelsName = mnistFileFor(split, 'labels').name;
  const imageDims = decoded.images.header.dims;
  if (imageDims.length !== 3 || imageDims[1] !== IMAGE_SIDE || imageDims[2] !== IMAGE_SIDE) {
    throw new DatasetFileError(
      imagesName,
      `holds ${imageDims.map(count).join(' × ')} values, not N × ${IMAGE_SIDE} × ${IMAGE_SIDE} images`,
    );
  }
  const labelDims = decoded.labels.header.dims;
  if (labelDims.length !== 1) {
    throw new DatasetFileError(labelsName, `holds ${labelDims.map(count).join(' × ')} values, not a list of labels`);
  }
  const imageCount = imageDims[0] ?? 0;
  if (labelDims[0] !== imageCount) {
    throw new DatasetFileError(
      labelsName,
      `has ${count(labelDims[0] ?? 0)} labels but ${imagesName} has ${count(imageCount)} images; the counts must agree`,
    );
  }
  const labels = decoded.labels.data;
  let outOfRange = 0;
  for (let i = 0; i < imageCount; i++) if ((labels[i] ?? 0) >= LABEL_COUNT) outOfRange++;
  if (outOfRange > 0) {
    warnings.push(`${labelsName}: ${count(outOfRange)} label${outOfRange === 1 ? '' : 's'} outside 0–9, shown under no digit filter`);
  }
  return { split, count: imageCount, images: decoded.images.data.subarray(0, imageCount * PIXELS_PER_IMAGE), labels };
}
