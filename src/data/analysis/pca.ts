// Principal components of every digit, for the map (the first two) and the look-alike
// neighbourhoods (the first fifty), computed exactly enough to equal numpy's `np.linalg.eigh` of
// `np.cov(X, rowvar=False)` to ~1e-13.
//
// Two steps, each the cheap way for MNIST's shape:
// - the scatter matrix Σ x xᵀ from sparse outer products: a digit inks about one pixel in five,
//   so its products are ~11,000 instead of 307,000; summed as integers (uint32 per flush,
//   float64 after), so the sums are exact and do not depend on the order digits arrive in;
// - the top eigenvectors of the 784 × 784 covariance by Lanczos with full reorthogonalisation
//   (a Krylov space of 120–160 vectors holds the top 50 to machine precision for image data),
//   the small tridiagonal problem solved by ml-matrix's symmetric eigen solver. A full
//   decomposition of the 784 × 784 matrix takes ~5 s in JavaScript; this takes ~0.5 s.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

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

/** A fixed start vector, so the components (and the map drawn from them) are the same on every machine. */
function startVector(size: number): Float64Array {
  const v = new Float64Array(size);
  let state = 20_240_607;
  let norm = 0;
  for (let p = 0; p < size; p++) {
    state = (state * 16_807) % 2_147_483_647;
    v[p] = state / 2_147_483_647 - 0.5;
    norm += v[p]! * v[p]!;
  }
  norm = Math.sqrt(norm);
  for (let p = 0; p < size; p++) v[p]! /= norm;
  return v;
}

/** The eigenpairs of a symmetric matrix, largest first, `want` of them. */
function eigenpairsOf(matrix: Matrix, want: number): { values: number[]; vectors: number[][] } {
  const decomposition = new EigenvalueDecomposition(matrix, { assumeSymmetric: true });
  const values = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((x, y) => values[y]! - values[x]! || x - y).slice(0, want);
  return { values: order.map((i) => values[i]!), vectors: order.map((i) => vectors.getColumn(i)) };
}

/** How far from an eigenpair a Lanczos answer may be (relative to the largest eigenvalue) before the whole matrix is decomposed instead. */
const RESIDUAL_TOLERANCE = 1e-9;

type Eigenpairs = { values: Float64Array<ArrayBuffer>; vectors: Float64Array<ArrayBuffer> };

/**
 * The `want` leading eigenpairs of the symmetric `size × size` matrix `a` (row-major), largest
 * first. Through a Lanczos basis when every pair it finds checks out (|Av − λv| small); else —
 * a flat spectrum, as random noise has — by decomposing the whole matrix.
 */
export function leadingEigenpairs(a: Float64Array, size: number, want: number): Eigenpairs {
  want = Math.min(want, size);
  const steps = Math.max(120, 2 * want + 40);
  if (steps < size) {
    const pairs = lanczosEigenpairs(a, size, want, steps);
    if (pairs && worstResidual(a, size, pairs) <= RESIDUAL_TOLERANCE * Math.max(Math.abs(pairs.values[0] ?? 0), 1e-300)) return pairs;
  }
  const whole = new Matrix(size, size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) whole.set(r, c, a[r * size + c]!);
  return pairsFrom(eigenpairsOf(whole, want), null, size, want);
}

function worstResidual(a: Float64Array, size: number, { values, vectors }: Eigenpairs): number {
  let worst = 0;
  for (let r = 0; r < values.length; r++) {
    let squares = 0;
    for (let i = 0; i < size; i++) {
      let sum = 0;
      for (let c = 0, at = i * size; c < size; c++, at++) sum += a[at]! * vectors[r * size + c]!;
      squares += (sum - values[r]! * vectors[r * size + i]!) ** 2;
    }
    worst = Math.max(worst, Math.sqrt(squares));
  }
  return worst;
}

function lanczosEigenpairs(a: Float64Array, size: number, want: number, steps: number): Eigenpairs | null {
  const basis = new Float64Array(steps * size);
  basis.set(startVector(size));
  const alpha = new Float64Array(steps);
  const beta = new Float64Array(steps);
  const w = new Float64Array(size);
  let used = steps;
  let scale = 0;
  for (let j = 0; j < steps; j++) {
    const q = j * size;
    for (let r = 0; r < size; r++) {
      let sum = 0;
      for (let c = 0, at = r * size; c < size; c++, at++) sum += a[at]! * basis[q + c]!;
      w[r] = sum;
    }
    let dot = 0;
    for (let p = 0; p < size; p++) dot += w[p]! * basis[q + p]!;
    alpha[j] = dot;
    scale = Math.max(scale, Math.abs(dot));
    // Twice against every earlier vector: once is not enough to keep the basis orthogonal in
    // floating point, and a basis that drifts reports the same eigenvalue twice.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i <= j; i++) {
        const qi = i * size;
        let d = 0;
        for (let p = 0; p < size; p++) d += w[p]! * basis[qi + p]!;
        for (let p = 0; p < size; p++) w[p]! -= d * basis[qi + p]!;
      }
    }
    let norm = 0;
    for (let p = 0; p < size; p++) norm += w[p]! * w[p]!;
    norm = Math.sqrt(norm);
    if (j + 1 === steps) break;
    if (norm <= 1e-12 * Math.max(scale, 1e-300)) {
      // The Krylov space is exhausted: the start vector reaches fewer dimensions than wanted.
      used = j + 1;
      break;
    }
    beta[j] = norm;
    for (let p = 0; p < size; p++) basis[(j + 1) * size + p] = w[p]! / norm;
  }
  if (used < want) return null;
  const tridiagonal = new Matrix(used, used);
  for (let j = 0; j < used; j++) {
    tridiagonal.set(j, j, alpha[j]!);
    if (j + 1 < used) {
      tridiagonal.set(j, j + 1, beta[j]!);
      tridiagonal.set(j + 1, j, beta[j]!);
    }
  }
  return pairsFrom(eigenpairsOf(tridiagonal, want), basis.subarray(0, used * size), size, want);
}

/** Eigenpairs in the basis's coordinates (or the matrix's own, for null) → unit vectors of `size`, oriented. */
function pairsFrom(pairs: { values: number[]; vectors: number[][] }, basis: Float64Array | null, size: number, want: number): Eigenpairs {
  const values = new Float64Array(want);
  const vectors = new Float64Array(want * size);
  for (let r = 0; r < pairs.values.length; r++) {
    values[r] = pairs.values[r]!;
    const s = pairs.vectors[r]!;
    const out = r * size;
    if (basis) {
      for (let j = 0; j < s.length; j++) {
        const weight = s[j]!;
        if (weight === 0) continue;
        for (let p = 0, at = j * size; p < size; p++, at++) vectors[out + p]! += weight * basis[at]!;
      }
    } else {
      for (let p = 0; p < size; p++) vectors[out + p] = s[p]!;
    }
    orientAndNormalise(vectors, out, size);
  }
  return { values, vectors };
}

/**
 * An eigenvector's sign is arbitrary; fix it so its largest entry (the first, on a tie) is
 * positive, as scikit-learn's `svd_flip` does, so every machine draws the same map.
 */
function orientAndNormalise(vectors: Float64Array, start: number, size: number): void {
  let norm = 0;
  let largest = 0;
  let at = start;
  for (let p = start; p < start + size; p++) {
    norm += vectors[p]! * vectors[p]!;
    if (Math.abs(vectors[p]!) > Math.abs(largest)) {
      largest = vectors[p]!;
      at = p;
    }
  }
  const factor = (vectors[at]! < 0 ? -1 : 1) / (Math.sqrt(norm) || 1);
  for (let p = start; p < start + size; p++) vectors[p]! *= factor;
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
