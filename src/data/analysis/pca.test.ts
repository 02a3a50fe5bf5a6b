// Principal components against numpy's own: `np.cov` + `np.linalg.eigh` of the concatenated
// digits (signs fixed the scikit-learn way in numpy too), on the originals and on generated files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromDir, writeGeneratedMnist } from '../../testing/mnistDir';
import { HAVE_SHARED_MNIST, notebookPrelude, PYTHON_WITH_NUMPY, runPython, SHARED_MNIST_DIR } from '../../testing/numpy';
import type { Dataset } from '../dataset/dataset';
import { PIXELS_PER_IMAGE } from '../dataset/mnist';
import { principalComponents, project, scatterOf, type ImageBlock } from './pca';
import { leadingEigenpairs } from './eigenpairs';

interface NumpyPca {
  readonly components: Float64Array;
  readonly variances: Float64Array;
  readonly totalVariance: number;
  readonly mean: Float64Array;
  readonly coordinates: Float64Array;
}

/** numpy's components of all digits in `dir`, and the coordinates of `rows` on the first `dims`. */
function numpyPca(dir: string, want: number, rows: readonly number[], dims: number): NumpyPca {
  const out = mkdtempSync(join(tmpdir(), 'mnist-pca-'));
  const printed = runPython(
    PYTHON_WITH_NUMPY!,
    `${notebookPrelude(dir)}
X = np.concatenate([X_train, X_test]).astype(np.float64)
C = np.cov(X, rowvar=False)
w, V = np.linalg.eigh(C)
order = np.argsort(-w, kind="stable")[:${want}]
w, V = w[order], V[:, order]
V = V * np.where(V[np.abs(V).argmax(axis=0), np.arange(V.shape[1])] < 0, -1.0, 1.0)
mean = X.mean(axis=0)
V.T.copy().tofile(${JSON.stringify(join(out, 'components'))})
w.tofile(${JSON.stringify(join(out, 'variances'))})
mean.tofile(${JSON.stringify(join(out, 'mean'))})
((X[${JSON.stringify(rows)}] - mean) @ V[:, :${dims}]).tofile(${JSON.stringify(join(out, 'coordinates'))})
print(np.trace(C))
`,
  );
  const read = (name: string) => {
    // A small file's Buffer is a view into Node's shared pool: copy out exactly its bytes.
    const bytes = readFileSync(join(out, name));
    return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  return {
    components: read('components'),
    variances: read('variances'),
    mean: read('mean'),
    coordinates: read('coordinates'),
    totalVariance: Number(printed.trim()),
  };
}

const blocksOf = (dataset: Dataset): ImageBlock[] => [dataset.train, dataset.test];

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('scatter', () => {
  it('sums products exactly past what a uint32 holds (it flushes before wrapping)', () => {
    const count = 70_000;
    const images = new Uint8Array(count * 3);
    for (let i = 0; i < count; i++) images.set([255, i % 2 === 0 ? 255 : 0, 1], i * 3);
    const { sums, products } = scatterOf([{ images, count }], 3);
    expect(Array.from(sums)).toEqual([255 * count, 255 * (count / 2), count]);
    // Upper triangle, row-major: [0,0] [0,1] [0,2] / [1,1] [1,2] / [2,2].
    expect([products[0], products[1], products[2], products[4], products[5], products[8]]).toEqual([
      255 * 255 * count, 255 * 255 * (count / 2), 255 * count, 255 * 255 * (count / 2), 255 * (count / 2), count,
    ]);
    expect(255 * 255 * count).toBeGreaterThan(2 ** 32);
  });
});

describe('leading eigenpairs', () => {
  // Sizes: decomposed whole (5); through Lanczos (300, fast-falling spectrum); and a spectrum so
  // even that Lanczos' answer fails its residual check and the whole matrix is decomposed.
  it.each([
    { size: 5, spectrum: (i: number) => 1000 / (i + 1) ** 2 },
    { size: 300, spectrum: (i: number) => 1000 / (i + 1) ** 2 },
    { size: 300, spectrum: (i: number) => 1000 - i },
  ])('of a matrix with known ones, largest first, signs fixed ($size)', ({ size, spectrum }) => {
    {
      // A = Σ λ_i e_i e_iᵀ in a rotated basis: Householder H = I − 2uuᵀ/|u|², columns orthonormal.
      const u = Float64Array.from({ length: size }, (_, i) => Math.sin(i + 1));
      const uu = u.reduce((s, v) => s + v * v, 0);
      const h = (r: number, c: number) => (r === c ? 1 : 0) - (2 * u[r]! * u[c]!) / uu;
      const lambda = Array.from({ length: size }, (_, i) => spectrum(i));
      const a = new Float64Array(size * size);
      for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) a[r * size + c] = lambda.reduce((s, l, i) => s + l * h(r, i) * h(c, i), 0);
      const want = Math.min(size, 8);
      const { values, vectors } = leadingEigenpairs(a, size, want);
      for (let i = 0; i < want; i++) {
        expect(values[i]).toBeCloseTo(lambda[i]!, 9);
        const column = Array.from({ length: size }, (_, r) => h(r, i));
        const largest = column.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
        const oriented = column.map((v) => (largest < 0 ? -v : v));
        expect(maxAbsDifference(vectors.subarray(i * size, (i + 1) * size), oriented)).toBeLessThan(1e-9);
      }
    }
  });
});

function checkAgainstNumpy(dir: string, want: number, rows: readonly number[]): void {
  const dataset = datasetFromDir(dir);
  const ours = principalComponents(blocksOf(dataset), PIXELS_PER_IMAGE, want);
  const numpy = numpyPca(dir, want, rows, 2);
  expect(maxAbsDifference(ours.mean, numpy.mean)).toBeLessThan(1e-12);
  expect(Math.abs(ours.totalVariance - numpy.totalVariance) / numpy.totalVariance).toBeLessThan(1e-12);
  const largest = numpy.variances[0]!;
  expect(maxAbsDifference(ours.variances, numpy.variances) / largest).toBeLessThan(1e-10);
  expect(maxAbsDifference(ours.components, numpy.components)).toBeLessThan(1e-8);
  const coordinates = project(blocksOf(dataset), ours, 2);
  const picked = rows.flatMap((r) => [coordinates[r * 2]!, coordinates[r * 2 + 1]!]);
  expect(maxAbsDifference(picked, numpy.coordinates)).toBeLessThan(1e-8 * Math.sqrt(largest));
}

describe('principal components', () => {
  it.skipIf(!PYTHON_WITH_NUMPY)('equal numpy’s on generated files', { timeout: 60_000 }, () => {
    const dir = writeGeneratedMnist('mnist-pca-', { train: { count: 300, labels: [0, 1, 2], seed: 3 }, test: { count: 100, labels: [4], seed: 4 } });
    checkAgainstNumpy(dir, 10, [0, 1, 299, 300, 399]);
  });

  it.skipIf(!PYTHON_WITH_NUMPY || !HAVE_SHARED_MNIST)('equal numpy’s on all 70,000 original digits (50 components)', { timeout: 60_000 }, () => {
    checkAgainstNumpy(SHARED_MNIST_DIR, 50, [0, 1, 59_999, 60_000, 69_999]);
  });
});
