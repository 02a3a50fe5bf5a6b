// A small dataset with planted near-duplicates, made from the bundled digits: the first 2,000
// training and 500 test digits, where test #0–#4 are exact copies of training digits and test
// #5–#9 copies with a few pixels changed. The fault server serves it (/planted/<file>); the
// near-duplicate test measures every pair of it itself.
import { makeIdx } from '../../src/testing/idxFiles';
import { bundledPayload } from './bundled';

export const PLANTED = { train: 2000, test: 500 } as const;
const PIXELS = 784;

export interface PlantedData {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

let made: PlantedData | null = null;
/** Images and labels of all planted digits, train first (global ids as the app numbers them). */
export function plantedData(): PlantedData {
  if (made) return made;
  const trainImages = bundledPayload('train-images-idx3-ubyte.gz', 16);
  const testImages = bundledPayload('t10k-images-idx3-ubyte.gz', 16);
  const trainLabels = bundledPayload('train-labels-idx1-ubyte.gz', 8);
  const testLabels = bundledPayload('t10k-labels-idx1-ubyte.gz', 8);
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
