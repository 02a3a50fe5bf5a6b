import { describe, expect, it } from 'vitest';
import { makeIdx, patternBytes } from '../../testing/idxFiles';
import { assembleDataset, DatasetFileError, globalId, labelOf, locateDigit, pixelsOf, storedFromUpright, uprightIndex, type DecodedFiles } from './dataset';
import { decodeIdx } from '../decode/idx';

function files(trainCount: number, trainLabels: number, testCount = 3, labels?: Uint8Array): DecodedFiles {
  return {
    train: {
      images: decodeIdx(makeIdx({ dims: [trainCount, 28, 28] })),
      labels: decodeIdx(makeIdx({ dims: [trainLabels], data: labels ?? new Uint8Array(trainLabels).fill(7) })),
    },
    test: {
      images: decodeIdx(makeIdx({ dims: [testCount, 28, 28], data: patternBytes(testCount * 784, 9) })),
      labels: decodeIdx(makeIdx({ dims: [testCount], data: Uint8Array.from({ length: testCount }, (_, i) => i) })),
    },
  };
}

describe('assembleDataset', () => {
  it('addresses train first, then test, with views into the decoded buffers', () => {
    const decoded = files(5, 5);
    const dataset = assembleDataset(decoded);
    expect(dataset.train.count).toBe(5);
    expect(locateDigit(dataset, 6)).toEqual({ split: 'test', index: 1 });
    expect(globalId(dataset, { split: 'test', index: 1 })).toBe(6);
    expect(labelOf(dataset, 7)).toBe(2);
    expect(pixelsOf(dataset, 6)).toEqual(decoded.test!.images.data.subarray(784, 1568));
    expect(pixelsOf(dataset, 6).buffer).toBe(decoded.test!.images.data.buffer);
  });

  it('refuses label and image counts that differ, naming the labels file', () => {
    expect(() => assembleDataset(files(5, 4))).toThrow(DatasetFileError);
    expect(() => assembleDataset(files(5, 4))).toThrow(/has 4 labels but train-images-idx3-ubyte.gz has 5 images/);
  });

  it('refuses images that are not 28×28', () => {
    const bad = files(2, 2);
    const wrong = { ...bad, test: { ...bad.test!, images: decodeIdx(makeIdx({ dims: [3, 32, 32] })) } };
    expect(() => assembleDataset(wrong)).toThrow(/t10k-images-idx3-ubyte.gz|32 × 32/);
  });

  it('refuses labels that are not one-dimensional', () => {
    const bad = files(2, 2);
    const wrong = { ...bad, train: { ...bad.train!, labels: decodeIdx(makeIdx({ dims: [2, 1] })) } };
    expect(() => assembleDataset(wrong)).toThrow(/not a list of labels/);
  });

  it('warns about labels outside 0–9 instead of refusing them', () => {
    const dataset = assembleDataset(files(3, 3, 3, Uint8Array.of(1, 10, 255)));
    expect(dataset.warnings).toEqual(['train-labels-idx1-ubyte.gz: 2 labels outside 0–9, shown under no digit filter']);
  });
});

describe('storedFromUpright', () => {
  const upright = patternBytes(784, 4);
  it('keeps an upright dataset’s image as it is', () => {
    expect(storedFromUpright(upright, { rows: 28, cols: 28, transposed: false })).toEqual(upright);
  });

  it('lays an image out column by column for EMNIST: upright pixel (y, x) is stored byte x · 28 + y', () => {
    const stored = storedFromUpright(upright, { rows: 28, cols: 28, transposed: true });
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) expect(stored[x * 28 + y]).toBe(upright[y * 28 + x]);
    // And drawn upright again, as the grid draws stored images, it is the image it was.
    const { source } = uprightIndex({ rows: 28, cols: 28, transposed: true });
    expect(Uint8Array.from(source, (s) => stored[s]!)).toEqual(upright);
  });

  it('refuses an image of another size', () => {
    expect(() => storedFromUpright(new Uint8Array(10), { rows: 28, cols: 28, transposed: true })).toThrow(RangeError);
  });
});
