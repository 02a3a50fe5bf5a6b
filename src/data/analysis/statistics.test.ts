// Every statistic against numpy on the same bytes: an independent computation, never the code
// under test. On small generated files (always, odd labels included) and on the original MNIST
// files in ../shared/mnist (when there).
import { describe, expect, it } from 'vitest';
import { datasetFromDir, writeGeneratedMnist } from '../../testing/mnistDir';
import { HAVE_SHARED_MNIST, notebookPrelude, PYTHON_WITH_NUMPY, runPython, SHARED_MNIST_DIR } from '../../testing/numpy';
import { LABEL_COUNT } from '../dataset/mnist';
import type { Split } from '../dataset/fileSlots';
import { allRowOf, computeStatistics, PIXEL_VALUES, type DatasetStatistics } from './statistics';
import { classMean, classSpread, rowMeanPixelValue } from './statisticsFigures';
import { assembleDataset } from '../dataset/dataset';
import { CATALOG } from '../dataset/catalog';
import { decodeIdx } from '../decode/idx';
import { makeIdx } from '../../testing/idxFiles';

interface NumpySplit {
  counts: number[];
  other: number;
  means: number[][];
  stds: number[][];
  meanPixel: (number | null)[];
  hist: number[][];
  ink: number[];
  distance: (number | null)[];
}

/** numpy's answers for the four files in `dir` (the notebook's load_data, then plain numpy). */
function numpyStatistics(dir: string): Record<'train' | 'test', NumpySplit> {
  const code = `${notebookPrelude(dir)}
import json
out = {}
for name, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
    rows = [X[y == d] for d in range(10)] + [X]
    M = np.stack([X[y == d].mean(axis=0) if (y == d).any() else np.zeros(784) for d in range(10)])
    known = y < 10
    dist = np.full(len(y), np.nan)
    dist[known] = np.linalg.norm(X[known].astype(np.float64) - M[y[known]], axis=1)
    out[name] = dict(
        counts=[int((y == d).sum()) for d in range(10)],
        other=int((~known).sum()),
        means=[(r.mean(axis=0) if len(r) else np.zeros(784)).tolist() for r in rows],
        stds=[(r.std(axis=0) if len(r) else np.zeros(784)).tolist() for r in rows],
        meanPixel=[float(r.mean()) if len(r) else None for r in rows],
        hist=[np.bincount(r.ravel(), minlength=256).tolist() for r in rows],
        ink=X.sum(axis=1, dtype=np.int64).tolist(),
        distance=[None if np.isnan(v) else float(v) for v in dist],
    )
print(json.dumps(out))
`;
  return JSON.parse(runPython(PYTHON_WITH_NUMPY!, code)) as Record<'train' | 'test', NumpySplit>;
}

/** The first index where two equally long sequences differ (-1: none), for one cheap expect on 70,000 values. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** The largest difference relative to max(1, |numpy's value|); NaN where only one side is NaN/null. */
function worstRelative(ours: ArrayLike<number>, numpy: readonly (number | null)[]): number {
  let worst = 0;
  for (let i = 0; i < numpy.length; i++) {
    const v = numpy[i];
    if (v === null || v === undefined) {
      if (!Number.isNaN(ours[i])) return NaN;
      continue;
    }
    worst = Math.max(worst, Math.abs(ours[i]! - v) / Math.max(1, Math.abs(v)));
  }
  return worst;
}

function expectSame(stats: DatasetStatistics, split: Split, numpy: NumpySplit): void {
  const ours = stats[split];
  // numpy's answer for a label with no digits is 784 zeros; ours is none.
  const orZeros = (image: Float64Array | null) => image ?? new Float64Array(784);
  expect(ours.labelCounts).toEqual(numpy.counts);
  expect(ours.otherLabels).toBe(numpy.other);
  for (let row = 0; row <= allRowOf(stats); row++) {
    expect(firstDifference(ours.pixelHistogram.subarray(row * PIXEL_VALUES, (row + 1) * PIXEL_VALUES), numpy.hist[row]!)).toBe(-1);
  }
  expect(firstDifference(ours.ink, numpy.ink)).toBe(-1);
  for (let row = 0; row <= allRowOf(stats); row++) {
    // Means: exact sums of integers, one division — the same float64 as numpy's, to the last bit.
    expect(firstDifference(orZeros(classMean(stats, split, row)), numpy.means[row]!)).toBe(-1);
    const mean = rowMeanPixelValue(stats, split, row);
    if (numpy.meanPixel[row] === null) expect(mean).toBeNaN();
    else expect(mean).toBe(numpy.meanPixel[row]);
    // Spread: numpy subtracts the mean first; the two roundings differ in the last bits only.
    expect(worstRelative(orZeros(classSpread(stats, split, row)), numpy.stds[row]!)).toBeLessThan(1e-9);
  }
  expect(ours.distance).toHaveLength(numpy.distance.length);
  expect(worstRelative(ours.distance, numpy.distance)).toBeLessThan(1e-9);
}

describe.skipIf(!PYTHON_WITH_NUMPY)('statistics, against numpy', () => {
  it('on small generated files: counts, means, spreads, histogram, ink and distances, odd labels included', () => {
    // The test split lacks most labels and has a label outside 0–9 (12): empty classes and "other".
    const dir = writeGeneratedMnist('mnist-stats-', { train: { count: 53, labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], seed: 3 }, test: { count: 17, labels: [3, 7, 12], seed: 5 } });
    const numpy = numpyStatistics(dir);
    const stats = computeStatistics(datasetFromDir(dir));
    expectSame(stats, 'train', numpy.train);
    expectSame(stats, 'test', numpy.test);
    expect(stats.test.otherLabels).toBeGreaterThan(0);
    expect(stats.test.labelCounts.filter((n) => n === 0)).toHaveLength(LABEL_COUNT - 2);
  });

  it.skipIf(!HAVE_SHARED_MNIST)('on the original MNIST files', { timeout: 60_000 }, () => {
    const numpy = numpyStatistics(SHARED_MNIST_DIR);
    const stats = computeStatistics(datasetFromDir(SHARED_MNIST_DIR));
    expectSame(stats, 'train', numpy.train);
    expectSame(stats, 'test', numpy.test);
    // Facts anyone can check in the notebook: the class balance and the mean pixel value.
    expect(stats.train.labelCounts).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(rowMeanPixelValue(stats, 'train', allRowOf(stats))).toBeCloseTo(33.318421, 6);
  });
});

describe('statistics of other shapes and classes', () => {
  it('5 × 5 images (pixels not a multiple of 4) with labels from 1: sums, counts, ink and distances as counted plainly', () => {
    const count = 9;
    const images = Uint8Array.from({ length: count * 25 }, (_, i) => (i * 37) % 7 === 0 ? 0 : (i * 53) % 256);
    const labels = Uint8Array.from({ length: count }, (_, i) => [1, 2, 0, 2, 1, 26, 2, 1, 3][i]!);
    const dataset = assembleDataset(
      { train: { images: decodeIdx(makeIdx({ dims: [count, 5, 5], data: images })), labels: decodeIdx(makeIdx({ dims: [count], data: labels })) }, test: null },
      // EMNIST Letters' classes on a smaller shape.
      { ...CATALOG['emnist-letters'], shape: null },
    );
    const stats = computeStatistics(dataset).train;
    expect(stats.pixels).toBe(25);
    expect(stats.labelCounts).toHaveLength(27);
    expect(stats.labelCounts[2]).toBe(3);
    expect(stats.otherLabels).toBe(1); // label 0 is no class of EMNIST Letters
    for (let i = 0; i < count; i++) {
      const pixels = Array.from(images.subarray(i * 25, (i + 1) * 25));
      expect(stats.ink[i]).toBe(pixels.reduce((a, b) => a + b, 0));
      const label = labels[i]!;
      if (label === 0) {
        expect(stats.distance[i]).toBeNaN();
        continue;
      }
      const members = Array.from({ length: count }, (_, j) => j).filter((j) => labels[j] === label);
      const mean = Array.from({ length: 25 }, (_, p) => members.reduce((s, j) => s + images[j * 25 + p]!, 0) / members.length);
      expect(stats.distance[i]).toBeCloseTo(Math.sqrt(pixels.reduce((s, v, p) => s + (v - mean[p]!) ** 2, 0)), 9);
    }
    const all = allRowOf(stats);
    for (let p = 0; p < 25; p++) expect(stats.pixelSums[all * 25 + p]).toBe(Array.from({ length: count }, (_, j) => images[j * 25 + p]!).reduce((a, b) => a + b, 0));
  });
});
