// Folders of four MNIST-named files for Node tests: generated ones written here, and the dataset
// the app decodes from any such folder (the originals in ../shared/mnist included).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleDataset, type Dataset } from '../data/dataset/dataset';
import { decodeMnistFile } from '../data/decode/fileDecoder';
import { IMAGE_SIDE, MNIST_FILES, PIXELS_PER_IMAGE } from '../data/dataset/mnist';
import { gzipBytes, makeIdx, patternBytes } from './idxFiles';

export interface GeneratedSplit {
  readonly count: number;
  /** Labels to pick from, in a stride (so a label outside 0–9, or a missing one, can be had). */
  readonly labels: readonly number[];
  readonly seed: number;
}

/** Writes gzip'd IDX files of generated digits to a new temporary folder and returns it. */
export function writeGeneratedMnist(prefix: string, splits: { train: GeneratedSplit; test: GeneratedSplit }): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = [splits.train, splits.test].flatMap(({ count, labels, seed }) => [
    makeIdx({ dims: [count, IMAGE_SIDE, IMAGE_SIDE], data: patternBytes(count * PIXELS_PER_IMAGE, seed) }),
    makeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => labels[(i * 7 + seed) % labels.length]!) }),
  ]);
  MNIST_FILES.forEach((f, i) => writeFileSync(join(dir, f.name), gzipBytes(files[i]!)));
  return dir;
}

/** The dataset the app decodes from the four MNIST-named files in `dir`. */
export function datasetFromDir(dir: string): Dataset {
  const [trainImages, trainLabels, testImages, testLabels] = MNIST_FILES.map((f) => decodeMnistFile(readFileSync(join(dir, f.name))));
  return assembleDataset({ train: { images: trainImages!, labels: trainLabels! }, test: { images: testImages!, labels: testLabels! } });
}
