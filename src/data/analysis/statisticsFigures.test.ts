// The figures' numbers for a split and digit filter, against numpy on the same bytes (the
// splits concatenated in numpy, not combined from sums as the code under test does).
import { describe, expect, it } from 'vitest';
import { datasetFromDir, writeGeneratedMnist } from '../../testing/mnistDir';
import { HAVE_SHARED_MNIST, notebookPrelude, PYTHON_WITH_NUMPY, runPython, SHARED_MNIST_DIR } from '../../testing/numpy';
import type { Dataset } from '../dataset/dataset';
import type { SplitFilter } from '../dataset/labelIndex';
import { LABEL_COUNT } from '../dataset/mnist';
import { allRowOf, computeStatistics } from './statistics';
import { classBalance, classMean, classSpread, INK_BIN_WIDTH, inkHistograms, rowMeanPixelValue, selectedPixelHistogram, splitShift } from './statisticsFigures';

const FILTERS: readonly { split: SplitFilter; digits: number[] }[] = [
  { split: 'all', digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
  { split: 'train', digits: [3, 7] },
  { split: 'test', digits: [1, 4, 9] },
  { split: 'all', digits: [7] },
];

interface NumpyFigures {
  counts: Record<'train' | 'test', number[]>;
  /** Per filter: per label row 0–10 over its split(s). */
  means: (number[] | null)[][];
  stds: (number[] | null)[][];
  meanPixel: (number | null)[][];
  shift: (number[] | null)[];
  pixelHist: number[][];
  ink: number[][][];
}

function numpyFigures(dir: string): NumpyFigures {
  const code = `${notebookPrelude(dir)}
import json
filters = ${JSON.stringify(FILTERS)}
def pick(split):
    if split == "train": return X_train, y_train
    if split == "test": return X_test, y_test
    return np.concatenate([X_train, X_test]), np.concatenate([y_train, y_test])
def rows(X, y):
    return [X[y == d] for d in range(10)] + [X]
out = dict(counts=dict(train=[int((y_train == d).sum()) for d in range(10)], test=[int((y_test == d).sum()) for d in range(10)]),
           means=[], stds=[], meanPixel=[], pixelHist=[], ink=[])
for f in filters:
    X, y = pick(f["split"])
    rs = rows(X, y)
    out["means"].append([r.mean(axis=0).tolist() if len(r) else None for r in rs])
    out["stds"].append([r.std(axis=0).tolist() if len(r) else None for r in rs])
    out["meanPixel"].append([float(r.mean()) if len(r) else None for r in rs])
    sel = np.isin(y, f["digits"])
    out["pixelHist"].append(np.bincount(X[sel].ravel(), minlength=256).tolist())
    ink = X.sum(axis=1, dtype=np.int64)
    out["ink"].append([np.bincount(ink[y == d] // (784 * ${INK_BIN_WIDTH}), minlength=${256 / INK_BIN_WIDTH}).tolist() for d in f["digits"]])
tr, te = rows(X_train, y_train), rows(X_test, y_test)
out["shift"] = [(a.mean(axis=0) - b.mean(axis=0)).tolist() if len(a) and len(b) else None for a, b in zip(tr, te)]
print(json.dumps(out))
`;
  return JSON.parse(runPython(PYTHON_WITH_NUMPY!, code)) as NumpyFigures;
}

const same = (a: ArrayLike<number> | null, b: readonly number[] | null) => (a === null || b === null ? a === b : Array.from(a).every((v, i) => Object.is(v, b[i])) && a.length === b.length);
const close = (a: ArrayLike<number> | null, b: readonly number[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && Array.from(a).every((v, i) => Math.abs(v - b[i]!) <= 1e-9 * Math.max(1, Math.abs(b[i]!)));

function expectFigures(dataset: Dataset, numpy: NumpyFigures): void {
  const stats = computeStatistics(dataset);
  FILTERS.forEach(({ split, digits }, f) => {
    const balance = classBalance(stats, split, digits, dataset.info);
    expect(balance.map((r) => [r.train, r.test])).toEqual(numpy.counts.train.map((n, d) => [n, numpy.counts.test[d]]));
    expect(balance.filter((r) => r.selected).map((r) => r.label)).toEqual(digits);
    for (let row = 0; row <= allRowOf(stats); row++) {
      // Means from exact integer sums: numpy's float64, to the last bit, splits combined or not.
      expect(same(classMean(stats, split, row), numpy.means[f]![row]!), `mean of row ${row}, filter ${f}`).toBe(true);
      expect(close(classSpread(stats, split, row), numpy.stds[f]![row]!), `spread of row ${row}, filter ${f}`).toBe(true);
      const meanPixel = rowMeanPixelValue(stats, split, row);
      if (numpy.meanPixel[f]![row] === null) expect(meanPixel).toBeNaN();
      else expect(meanPixel).toBe(numpy.meanPixel[f]![row]);
    }
    expect(Array.from(selectedPixelHistogram(stats, split, digits))).toEqual(numpy.pixelHist[f]);
    const ink = inkHistograms(stats, { train: dataset.train.labels, test: dataset.test.labels }, split, digits);
    expect(ink.map((h) => h.label)).toEqual(digits);
    expect(ink.map((h) => Array.from(h.bins))).toEqual(numpy.ink[f]);
  });
  for (let row = 0; row <= allRowOf(stats); row++) expect(same(splitShift(stats, row), numpy.shift[row]!), `shift of row ${row}`).toBe(true);
}

describe.skipIf(!PYTHON_WITH_NUMPY)('statistics figures, against numpy', () => {
  it('on small generated files, a class missing from the test split', () => {
    const dir = writeGeneratedMnist('mnist-figures-', { train: { count: 61, labels: Array.from({ length: LABEL_COUNT }, (_, d) => d), seed: 11 }, test: { count: 23, labels: [1, 3, 4, 7, 9], seed: 4 } });
    const dataset = datasetFromDir(dir);
    expectFigures(dataset, numpyFigures(dir));
    expect(splitShift(computeStatistics(dataset), 0)).toBeNull();
  });

  it.skipIf(!HAVE_SHARED_MNIST)('on the original MNIST files', { timeout: 60_000 }, () => {
    expectFigures(datasetFromDir(SHARED_MNIST_DIR), numpyFigures(SHARED_MNIST_DIR));
  });
});
