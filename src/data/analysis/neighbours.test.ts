// Look-alikes against brute force computed independently: numpy on the original files (and on
// generated ones), and a plain Σ(x − q)² here for a set built with exact duplicates and ties.
import { describe, expect, it } from 'vitest';
import { datasetFromDir, writeGeneratedMnist } from '../../testing/mnistDir';
import { HAVE_SHARED_MNIST, notebookPrelude, PYTHON_WITH_NUMPY, runPython, SHARED_MNIST_DIR } from '../../testing/numpy';
import type { Dataset, SplitData } from '../dataset/dataset';
import { MNIST_INFO } from '../dataset/catalog';
import { PIXELS_PER_IMAGE } from '../dataset/mnist';
import { nearestNeighbours, squaredNorms } from './neighbours';

function numpyNeighbours(dir: string, queries: readonly number[], k: number): { id: number; distance: number }[][] {
  const code = `${notebookPrelude(dir)}
import json
X = np.concatenate([X_train, X_test]).astype(np.int64)
out = []
for q in ${JSON.stringify(queries)}:
    d2 = ((X - X[q]) ** 2).sum(axis=1)
    ids = np.arange(len(X))
    keep = ids != q
    order = np.lexsort((ids[keep], d2[keep]))[:${k}]
    out.append([dict(id=int(ids[keep][i]), distance=float(np.sqrt(d2[keep][i]))) for i in order])
print(json.dumps(out))
`;
  return JSON.parse(runPython(PYTHON_WITH_NUMPY!, code)) as { id: number; distance: number }[][];
}

describe('nearest neighbours', () => {
  it('ties go to the smaller id, duplicates are at distance 0, the query is left out', () => {
    // Six digits: 0, 2 and 4 the same image; 1 and 3 another; 5 a third.
    const image = (fill: number) => new Uint8Array(PIXELS_PER_IMAGE).map((_, p) => (p % 7 === 0 ? fill : 0));
    const images = [image(10), image(200), image(10), image(200), image(10), image(90)];
    const split = (split: 'train' | 'test', list: Uint8Array[]): SplitData =>
      ({ split, count: list.length, images: new Uint8Array(list.flatMap((a) => Array.from(a))), labels: new Uint8Array(list.length) });
    const dataset = { train: split('train', images.slice(0, 4)), test: split('test', images.slice(4)), rows: 28, cols: 28, info: MNIST_INFO, warnings: [] } as Dataset;
    const norms = squaredNorms(dataset);
    const brute = (q: number) =>
      images
        .map((x, id) => ({ id, distance: Math.sqrt(x.reduce((s, v, p) => s + (v - images[q]![p]!) ** 2, 0)) }))
        .filter((n) => n.id !== q)
        .sort((a, b) => a.distance - b.distance || a.id - b.id);
    for (let q = 0; q < images.length; q++) expect(nearestNeighbours(dataset, norms, q, 3)).toEqual(brute(q).slice(0, 3));
    expect(nearestNeighbours(dataset, norms, 2, 10)).toHaveLength(5);
    expect(nearestNeighbours(dataset, norms, 2, 2)).toEqual([{ id: 0, distance: 0 }, { id: 4, distance: 0 }]);
    expect(nearestNeighbours(dataset, norms, 99, 3)).toEqual([]);
  });

  it.skipIf(!PYTHON_WITH_NUMPY)('equal numpy’s brute force on generated files', () => {
    const dir = writeGeneratedMnist('mnist-neighbours-', { train: { count: 90, labels: [0, 1, 2, 3], seed: 5 }, test: { count: 30, labels: [1, 2], seed: 6 } });
    const dataset = datasetFromDir(dir);
    const queries = [0, 45, 89, 90, 119];
    const ours = queries.map((q) => nearestNeighbours(dataset, squaredNorms(dataset), q, 12));
    expect(ours).toEqual(numpyNeighbours(dir, queries, 12));
  });

  it.skipIf(!PYTHON_WITH_NUMPY || !HAVE_SHARED_MNIST)('equal numpy’s brute force over all 70,000 original digits', { timeout: 60_000 }, () => {
    const dataset = datasetFromDir(SHARED_MNIST_DIR);
    const norms = squaredNorms(dataset);
    const queries = [0, 7, 59_999, 60_000, 60_247, 69_999];
    const ours = queries.map((q) => nearestNeighbours(dataset, norms, q, 10));
    expect(ours).toEqual(numpyNeighbours(SHARED_MNIST_DIR, queries, 10));
  });
});
