// A small dataset with planted near-duplicates, made from the bundled digits: the first 2,000
// training and 500 test digits, where test #0–#4 are exact copies of training digits and test
// #5–#9 copies with a few pixels changed. The fault server serves it (/planted/<file>); the
// near-duplicate test measures every pair of it itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeIdx } from '../../src/testing/idxFiles';
import { bundledPayloadStart } from './bundled';

export const PLANTED = { train: 2000, test: 500 } as const;
/** All planted digits, as the status line counts them. */
export const PLANTED_TOTAL = PLANTED.train + PLANTED.test;
const PIXELS = 784;

export interface PlantedData {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

let made: PlantedData | null = null;
/** Images and labels of all planted digits, train first (global ids as the app numbers them). */
export function plantedData(): PlantedData {
  if (made) return made;
  const trainImages = bundledPayloadStart('train-images-idx3-ubyte.gz', 16, PLANTED.train * PIXELS);
  const testImages = bundledPayloadStart('t10k-images-idx3-ubyte.gz', 16, PLANTED.test * PIXELS);
  const trainLabels = bundledPayloadStart('train-labels-idx1-ubyte.gz', 8, PLANTED.train);
  const testLabels = bundledPayloadStart('t10k-labels-idx1-ubyte.gz', 8, PLANTED.test);
  const images = new Uint8Array((PLANTED.train + PLANTED.test) * PIXELS);
  images.set(trainImages.subarray(0, PLANTED.train * PIXELS));
  images.set(testImages.subarray(0, PLANTED.test * PIXELS), PLANTED.train * PIXELS);
  const labels = new Uint8Array(PLANTED.train + PLANTED.test);
  labels.set(trainLabels.subarray(0, PLANTED.train));
  labels.set(testLabels.subarray(0, PLANTED.test), PLANTED.train);
  for (let t = 0; t < 10; t++) {
    const source = 100 + 37 * t;
    const target = PLANTED.train + t;
    images.copyWithin(target * PIXELS, source * PIXELS, (source + 1) * PIXELS);
    labels[target] = labels[source]!;
    // test #5–#9: t − 4 pixels in the middle moved by 60.
    for (let p = 0; p < Math.max(0, t - 4); p++) {
      const at = target * PIXELS + 14 * 28 + 10 + p;
      images[at] = (images[at]! + 60) % 256;
    }
  }
  made = { images, labels };
  return made;
}

/** The planted dataset's four files as raw IDX, by MNIST name (the server gzips them). */
export function plantedFiles(): Record<string, Uint8Array> {
  const { images, labels } = plantedData();
  const split = (from: number, count: number) => ({
    images: makeIdx({ dims: [count, 28, 28], data: images.subarray(from * PIXELS, (from + count) * PIXELS) }),
    labels: makeIdx({ dims: [count], data: labels.subarray(from, from + count) }),
  });
  const train = split(0, PLANTED.train);
  const test = split(PLANTED.train, PLANTED.test);
  return {
    'train-images-idx3-ubyte.gz': train.images,
    'train-labels-idx1-ubyte.gz': train.labels,
    't10k-images-idx3-ubyte.gz': test.images,
    't10k-labels-idx1-ubyte.gz': test.labels,
  };
}

let dir: string | null = null;
/** The planted set's four files gzip'd in a folder (made once per test worker), for numpy's load_data. */
export function plantedDir(): string {
  if (dir) return dir;
  const made = mkdtempSync(join(tmpdir(), 'mnist-planted-'));
  for (const [name, bytes] of Object.entries(plantedFiles())) writeFileSync(join(made, name), gzipSync(bytes));
  dir = made;
  return dir;
}

/** A planted digit's name as the grid's cells say it (global id: train first). */
export function plantedName(id: number): string {
  const { labels } = plantedData();
  return (id < PLANTED.train ? `train #${id}` : `test #${id - PLANTED.train}`) + `, label ${labels[id]}`;
}
