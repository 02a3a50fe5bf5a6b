// Principal components of every digit, for the map (the first two) and the neighbour search (the
// first fifty), computed closely enough to equal numpy's `np.linalg.eigh` of
// `np.cov(X, rowvar=False)` (pca.test.ts says how closely).
//
// Two steps, each the cheap way for MNIST's shape:
// - the scatter matrix Σ x xᵀ from sparse outer products: a digit inks about one pixel in five,
//   so it adds a twenty-fifth of the dense products; summed as integers (uint32 per flush,
//   float64 after), so the sums are exact and do not depend on the order digits arrive in;
// - the top eigenvectors of the covariance (eigenpairs.ts: Lanczos, checked, else the whole
//   matrix). docs/algorithms.md has the method, docs/benchmark.md the times.
import { leadingEigenpairs } from './eigenpairs';

/** Images laid end to end, `pixels` bytes each (a split's `images`, or part of one). */
export interface ImageBlock {
  readonly images: Uint8Array;
  readonly count: number;
}

export interface Scatter {
  readonly pixels: number;
  readonly count: number;
  /** Σ x, per pixel. */
  readonly sums: Float64Array<ArrayBuffer>;
  /** Σ x xᵀ, upper triangle (row ≤ column) filled, row-major `pixels × pixels`. */
  readonly products: Float64Array<ArrayBuffer>;
}

export interface PrincipalComponents {
  readonly pixels: number;
  readonly count: number;
  readonly mean: Float64Array<ArrayBuffer>;
  /** `components` unit vectors of `pixels` values, by decreasing variance. */
  readonly components: Float64Array<ArrayBuffer>;
  /** The variance along each component (the covariance's eigenvalues, divisor n − 1). */
  readonly variances: Float64Array<ArrayBuffer>;
  /** The sum of every pixel's variance: the share a component explains is variance / total. */
  readonly totalVariance: number;
}

/** A product of two bytes is at most 65,025: this many digits fit a uint32 sum without wrapping. */
const FLUSH_EVERY = Math.floor(0xffff_ffff / (255 * 255));

/** Σ x and Σ x xᵀ over every image of `blocks`, exact. */
export function scatterOf(blocks: readonly ImageBlock[], pixels: number): Scatter {
  const products = new Float64Array(pixels * pixels);
  const partial = new Uint32Array(pixels * pixels);
  const sums = new Float64Array(pixels);
  const inked = new Int32Array(pixels);
  const values = new Int32Array(pixels);
  let count = 0;
  let sinceFlush = 0;
  const flush = () => {
    for (let k = 0; k < partial.length; k++) {
      products[k]! += partial[k]!;
      partial[k] = 0;
    }
    sinceFlush = 0;
  };
  for (const { images, count: blockCount } of blocks) {
    for (let i = 0; i < blockCount; i++) {
      let m = 0;
      for (let p = 0, at = i * pixels; p < pixels; p++, at++) {
        const v = images[at]!;
        if (v !== 0) {
          inked[m] = p;
          values[m] = v;
          sums[p]! += v;
          m++;
        }
      }
      for (let a = 0; a < m; a++) {
        const row = inked[a]! * pixels;
        const va = values[a]!;
        for (let c = a; c < m; c++) {
          const k = row + inked[c]!;
          partial[k] = partial[k]! + va * values[c]!;
        }
      }
      count++;
      if (++sinceFlush === FLUSH_EVERY) flush();
    }
  }
  flush();
  return { pixels, count, sums, products };
}

/** The scatter of every image of two disjoint sets from theirs: the sums are integers, so exactly the scatter of both at once. */
export function addScatters(a: Scatter, b: Scatter): Scatter {
  if (a.pixels !== b.pixels) throw new RangeError(`scatters of ${a.pixels} and ${b.pixels} pixels cannot be added`);
  const sums = Float64Array.from(a.sums, (v, i) => v + b.sums[i]!);
  const products = Float64Array.from(a.products, (v, i) => v + b.products[i]!);
  return { pixels: a.pixels, count: a.count + b.count, sums, products };
}

/** The covariance (divisor n − 1, as `np.cov`), full and symmetric. */
export function covarianceOf(scatter: Scatter): Float64Array<ArrayBuffer> {
  const { pixels, count, sums, products } = scatter;
  const covariance = new Float64Array(pixels * pixels);
  if (count < 2) return covariance;
  for (let a = 0; a < pixels; a++) {
    for (let c = a; c < pixels; c++) {
      const value = (products[a * pixels + c]! - (sums[a]! * sums[c]!) / count) / (count - 1);
      covariance[a * pixels + c] = value;
      covariance[c * pixels + a] = value;
    }
  }
  return covariance;
}

/** The `want` leading principal components of the images in `blocks`. */
export function principalComponents(blocks: readonly ImageBlock[], pixels: number, want: number, scattered?: () => void): PrincipalComponents {
  const scatter = scatterOf(blocks, pixels);
  scattered?.();
  return componentsOfScatter(scatter, want);
}

export function componentsOfScatter(scatter: Scatter, want: number): PrincipalComponents {
  const { pixels, count } = scatter;
  const covariance = covarianceOf(scatter);
  let totalVariance = 0;
  for (let p = 0; p < pixels; p++) totalVariance += covariance[p * pixels + p]!;
  const { values, vectors } = leadingEigenpairs(covariance, pixels, want);
  const mean = new Float64Array(pixels);
  if (count > 0) for (let p = 0; p < pixels; p++) mean[p] = scatter.sums[p]! / count;
  return { pixels, count, mean, components: vectors, variances: values, totalVariance };
}

/**
 * Every image's coordinates on the first `dims` components, `(x − mean) · v`, image-major
 * (`dims` numbers per image), in the order of `blocks`.
 */
export function project(blocks: readonly ImageBlock[], pca: PrincipalComponents, dims: number): Float64Array<ArrayBuffer> {
  const { pixels, mean, components } = pca;
  dims = Math.min(dims, components.length / pixels);
  // (x − m)·v = x·v − m·v: the constant once per component, then only inked pixels count.
  const offsets = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    let sum = 0;
    for (let p = 0; p < pixels; p++) sum += mean[p]! * components[d * pixels + p]!;
    offsets[d] = sum;
  }
  // Pixel-major copy of the components, so one inked pixel reads its `dims` weights together.
  const weights = new Float64Array(pixels * dims);
  for (let d = 0; d < dims; d++) for (let p = 0; p < pixels; p++) weights[p * dims + d] = components[d * pixels + p]!;
  const total = blocks.reduce((n, b) => n + b.count, 0);
  const out = new Float64Array(total * dims);
  const acc = new Float64Array(dims);
  let row = 0;
  for (const { images, count } of blocks) {
    for (let i = 0; i < count; i++, row++) {
      acc.fill(0);
      for (let p = 0, at = i * pixels; p < pixels; p++, at++) {
        const v = images[at]!;
        if (v === 0) continue;
        for (let d = 0, w = p * dims; d < dims; d++, w++) acc[d]! += v * weights[w]!;
      }
      for (let d = 0; d < dims; d++) out[row * dims + d] = acc[d]! - offsets[d]!;
    }
  }
  return out;
}
