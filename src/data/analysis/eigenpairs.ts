// The leading eigenpairs of a symmetric matrix (the pixels' covariance): by Lanczos with full
// reorthogonalisation (a Krylov space a few times the pairs wanted holds the top ones to machine
// precision for image data), the small tridiagonal problem solved by ml-matrix's symmetric eigen
// solver; every pair is checked (|Av − λv|), and a flat spectrum, which Lanczos cannot resolve,
// falls back to decomposing the whole matrix.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

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

export type Eigenpairs = { values: Float64Array<ArrayBuffer>; vectors: Float64Array<ArrayBuffer> };

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
