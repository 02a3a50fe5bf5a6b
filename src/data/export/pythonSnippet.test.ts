// The snippets run in real Python with numpy on the original files, and select exactly the digits
import { MNIST_INFO } from '../dataset/catalog';
// they name: checked against labels and pixels read here with Node's own zlib (not the app's
// decoder) and against each other.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED_MNIST, notebookPrelude, PYTHON_WITH_NUMPY, runPython, SHARED_MNIST_DIR } from '../../testing/numpy';
import { locateDigit, pixelsOf, type Dataset, type DigitRef } from '../dataset/dataset';
import { ALL_DIGITS, selectIds, type SplitFilter } from '../dataset/labelIndex';
import { samplePython, selectionPython } from './pythonSnippet';
import { sortIds } from '../dataset/sortOrder';
import { computeStatistics } from '../analysis/statistics';
import { computeDigitMap, type DigitMap } from '../analysis/digitMap';
import { idsInRegion, lassoRegion, normaliseMapRegion } from '../analysis/mapRegion';
import { coordinatesCsv } from './mapCoordinates';
import { datasetFromDir, writeGeneratedMnist } from '../../testing/mnistDir';
import { nearestNeighbourTable } from '../analysis/knn';
import { PIXELS_PER_IMAGE } from '../dataset/mnist';
import { principalComponents, project } from '../analysis/pca';
import { idsInRankedOrder } from '../dataset/sortOrder';
import { mergedRanking, suspectScores, SUSPECT_COMPONENTS, SUSPECT_NEIGHBOURS } from '../analysis/suspects';

const canRun = PYTHON_WITH_NUMPY !== null && HAVE_SHARED_MNIST;
const python = PYTHON_WITH_NUMPY ?? 'python3';

function readIdx(name: string, headerBytes: number): Uint8Array {
  return gunzipSync(readFileSync(join(SHARED_MNIST_DIR, name))).subarray(headerBytes);
}

const files = canRun
  ? {
      train: { images: readIdx('train-images-idx3-ubyte.gz', 16), labels: readIdx('train-labels-idx1-ubyte.gz', 8) },
      test: { images: readIdx('t10k-images-idx3-ubyte.gz', 16), labels: readIdx('t10k-labels-idx1-ubyte.gz', 8) },
    }
  : null;

/** Label and pixel sum of each selected digit, as Python prints them. */
const REPORT =
  'print(len(y_{0})); print(" ".join(map(str, y_{0}.tolist()))); print(" ".join(map(str, X_{0}.astype(np.int64).sum(axis=1).tolist())))\n' +
  // A fingerprint that tells apart digits of equal label and ink: each pixel weighted by its place.
  'print(" ".join(map(str, (X_{0}.astype(np.int64) @ np.arange(1, 785)).tolist())))';

function runSnippet(snippet: string, name: 'sample' | 'sel') {
  const out = runPython(python, `${notebookPrelude(SHARED_MNIST_DIR)}${snippet}${REPORT.replaceAll('{0}', name)}\n`).trim().split('\n');
  const numbers = (line: string | undefined) => (line ?? '').split(' ').filter(Boolean).map(Number);
  return { count: Number(out[0]), labels: numbers(out[1]), sums: numbers(out[2]), fingerprints: numbers(out[3]) };
}

function expected(refs: readonly DigitRef[]) {
  return {
    count: refs.length,
    labels: refs.map((r) => files![r.split].labels[r.index]!),
    sums: refs.map((r) => files![r.split].images.subarray(r.index * 784, (r.index + 1) * 784).reduce((a, b) => a + b, 0)),
    fingerprints: refs.map((r) => files![r.split].images.subarray(r.index * 784, (r.index + 1) * 784).reduce((a, b, p) => a + b * (p + 1), 0)),
  };
}

function selection(split: SplitFilter, digits: readonly number[]): DigitRef[] {
  const refs: DigitRef[] = [];
  for (const s of split === 'all' ? (['train', 'test'] as const) : [split]) {
    files![s].labels.forEach((label, index) => {
      if (digits.length === 0 || digits.includes(label)) refs.push({ split: s, index });
    });
  }
  return refs;
}

describe.skipIf(!canRun)('Copy as Python, run with numpy on the original files', () => {
  it('a sample from one split selects those digits in the sample order', () => {
    const refs: DigitRef[] = [7, 0, 59999, 123, 40000].map((index) => ({ split: 'train', index }));
    const snippet = samplePython(refs, { seed: 1, split: 'train', digits: ALL_DIGITS });
    expect(runSnippet(snippet, 'sample')).toEqual(expected(refs));
  });

  it('a sample across both splits keeps the mixed order', () => {
    const refs: DigitRef[] = [
      { split: 'test', index: 9999 },
      { split: 'train', index: 5 },
      { split: 'test', index: 0 },
      ...Array.from({ length: 40 }, (_, i): DigitRef => ({ split: i % 2 ? 'train' : 'test', index: i * 97 })),
    ];
    const snippet = samplePython(refs, { seed: 2, split: 'all', digits: [3, 8] });
    expect(snippet.split('\n').every((line) => line.length <= 110)).toBe(true);
    expect(runSnippet(snippet, 'sample')).toEqual(expected(refs));
  });

  it.each([
    ['all', ALL_DIGITS],
    ['train', [3, 8]],
    ['test', [0]],
    ['all', [1, 7, 9]],
  ] as const)('the selection %s / %j is the grid’s digits in file order', (split, digits) => {
    const got = runSnippet(selectionPython(split, digits), 'sel');
    const want = expected(selection(split, digits));
    expect(got.count).toBe(want.count);
    expect(got.labels).toEqual(want.labels);
    expect(got.sums).toEqual(want.sums);
  });

  it.each([
    ['test', ALL_DIGITS, '-ink'],
    ['all', [1, 7], 'ink'],
    ['test', ALL_DIGITS, 'atypical'],
    ['all', [4, 9], 'typical'],
  ] as const)('the selection %s / %j sorted %s is the grid’s order, ties included', (split, digits, sort) => {
    const dataset = datasetOfFiles();
    const stats = computeStatistics(dataset);
    const ids = sortIds(selectIds(dataset, split, digits), sort, { trainCount: dataset.train.count, train: stats.train, test: stats.test });
    const refs = Array.from(ids, (id) => locateDigit(dataset, id));
    const got = runSnippet(selectionPython(split, digits, sort), 'sel');
    const want = expected(refs);
    expect(got.count).toBe(want.count);
    expect(got.labels).toEqual(want.labels);
    expect(got.sums).toEqual(want.sums);
    expect(got.fingerprints).toEqual(want.fingerprints);
  });

  it('a selection with a map region is the grid’s digits (the app’s own PCA against numpy’s)', { timeout: 60_000 }, () => {
    const dataset = datasetOfFiles();
    const region = normaliseMapRegion({ x: -400, y: -250.5 }, { x: 300.2, y: 350 });
    const ids = sortIds(idsInRegion(selectIds(dataset, 'all', [2, 6]), mapOfFiles().coordinates, region), '-ink', { trainCount: dataset.train.count, ...computeStatistics(dataset) });
    const got = runSnippet(selectionPython('all', [2, 6], '-ink', region), 'sel');
    const want = expected(Array.from(ids, (id) => locateDigit(dataset, id)));
    expect(want.count).toBeGreaterThan(100);
    expect(got.count).toBe(want.count);
    expect(got.labels).toEqual(want.labels);
    expect(got.fingerprints).toEqual(want.fingerprints);
  });

  it('a lasso on a saved layout is the grid’s digits (the CSV Save coordinates writes, read by numpy)', { timeout: 60_000 }, () => {
    const dataset = datasetOfFiles();
    // Any float32 layout will do: the principal components at a UMAP-like scale.
    const points = Float32Array.from(mapOfFiles().coordinates, (v) => v / 97);
    const file = join(mkdtempSync(join(tmpdir(), 'mnist-coords-')), 'mnist-umap-coordinates.csv');
    writeFileSync(file, coordinatesCsv(dataset, points));
    // A wobbly lasso round the middle of the map, crossing itself once.
    const path = Array.from({ length: 240 }, (_, i) => {
      const a = (2 * Math.PI * i) / 200;
      return [Math.cos(a) * (3 + Math.sin(5 * a)), Math.sin(a) * (2 + Math.cos(3 * a))];
    }).flat();
    const region = lassoRegion(path, 0.01)!;
    expect(region.shape).toBe('lasso');
    const ids = idsInRegion(selectIds(dataset, 'test', ALL_DIGITS), points, region);
    const got = runSnippet(selectionPython('test', ALL_DIGITS, 'file', region, { layout: 'umap', coordinatesFile: file }), 'sel');
    const want = expected(Array.from(ids, (id) => locateDigit(dataset, id)));
    expect(want.count).toBeGreaterThan(100);
    expect(want.count).toBeLessThan(dataset.test.count);
    expect(got.count).toBe(want.count);
    expect(got.fingerprints).toEqual(want.fingerprints);
  });
});

let filesMap: DigitMap | null = null;
/** The principal-components map of the files, computed once for the tests that need it. */
function mapOfFiles(): DigitMap {
  return (filesMap ??= computeDigitMap(datasetOfFiles()));
}

/** The files read above as the app's Dataset (for the app's own order of a sorted selection). */
function datasetOfFiles(): Dataset {
  const split = (name: 'train' | 'test') => ({ split: name, count: files![name].labels.length, images: files![name].images, labels: files![name].labels });
  return { train: split('train'), test: split('test'), rows: 28, cols: 28, info: MNIST_INFO, warnings: [] };
}


describe.skipIf(!PYTHON_WITH_NUMPY)('Selection as Python, sorted by suspect label', () => {
  it('orders the selection as the app does (its suspect scores in numpy), on generated files', { timeout: 60_000 }, () => {
    const dir = writeGeneratedMnist('mnist-snippet-suspects-', { train: { count: 240, labels: [0, 1, 2, 3], seed: 11 }, test: { count: 90, labels: [1, 2, 3], seed: 12 } });
    const dataset = datasetFromDir(dir);
    const blocks = [dataset.train, dataset.test];
    const points = project(blocks, principalComponents(blocks, PIXELS_PER_IMAGE, SUSPECT_COMPONENTS), SUSPECT_COMPONENTS);
    const total = dataset.train.count + dataset.test.count;
    const labels = new Uint8Array(total);
    labels.set(dataset.train.labels);
    labels.set(dataset.test.labels, dataset.train.count);
    const parts = [0, dataset.train.count].map((from, i) => suspectScores(nearestNeighbourTable(points, SUSPECT_COMPONENTS, SUSPECT_NEIGHBOURS, from, i === 0 ? dataset.train.count : total), labels));
    const ids = idsInRankedOrder(selectIds(dataset, 'all', [1, 3]), mergedRanking(parts), total);
    const out = runPython(python, `${notebookPrelude(dir)}${selectionPython('all', [1, 3], 'suspect')}print(" ".join(map(str, (X_sel.astype(np.int64) @ np.arange(1, 785)).tolist())))\n`);
    const fingerprint = (id: number) => Array.from(pixelsOf(dataset, id)).reduce((a, b, p) => a + b * (p + 1), 0);
    expect(out.trim().split(' ').map(Number)).toEqual(Array.from(ids, fingerprint));
  });
});
