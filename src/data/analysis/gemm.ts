// A float32 matrix product in WebAssembly SIMD, C += A · B (row-major), for training a classifier
// on the page's own cores: four rows of A at a time against eight columns of B (two four-lane
// vectors), so each load of B serves four rows and each broadcast of A two vectors; eight
// accumulators stay in registers over the whole inner dimension. Each product is added in the
// order of the inner dimension, one rounding per multiply and one per add (no fused
// multiply-add), so the result equals a plain float32 loop's to the bit (gemm.test.ts).
import { I32, op, singleFunctionModule, V128, vec } from './wasmModule';

/** Rows of A per block, and columns of B (two vectors of four). */
export const GEMM_ROWS = 4;
export const GEMM_COLUMNS = 8;

// gemm(a, b, c, m, n, k): byte addresses of A (m × k), B (k × n), C (m × n); m a multiple of 4,
// n of 8. Returns 0.
const [A, B, C, M, N, K] = [0, 1, 2, 3, 4, 5];
const [ROW, COL, KB, NB, PLEFT, BP] = [6, 7, 8, 9, 10, 11];
const CROW = 12; // 4 locals: the block's rows of C
const AROW = 16; // 4 locals: the block's rows of A at the current inner index
const ACC = 20; // 8 v128 locals: acc[r * 2 + v]
const [B0, B1, S] = [28, 29, 30];

function gemmBody(): number[] {
  const code: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((part) => code.push(...part));
  emit(op.get(K), op.i32Const(4), op.i32Mul, op.set(KB));
  emit(op.get(N), op.i32Const(4), op.i32Mul, op.set(NB));
  emit(op.i32Const(0), op.set(ROW));
  emit(op.block, op.loop);
  emit(op.get(ROW), op.get(M), op.i32GeU, op.brIf(1));
  emit(op.i32Const(0), op.set(COL));
  emit(op.block, op.loop);
  emit(op.get(COL), op.get(N), op.i32GeU, op.brIf(1));
  // The block's rows of C: c + (row · n + col) · 4, then one row (n · 4 bytes) apart.
  emit(op.get(C), op.get(ROW), op.get(NB), op.i32Mul, op.i32Add, op.get(COL), op.i32Const(4), op.i32Mul, op.i32Add, op.set(CROW));
  for (let r = 1; r < 4; r++) emit(op.get(CROW + r - 1), op.get(NB), op.i32Add, op.set(CROW + r));
  for (let r = 0; r < 4; r++) for (let v = 0; v < 2; v++) emit(op.get(CROW + r), op.v128Load(16 * v), op.set(ACC + r * 2 + v));
  // A's rows from their first column; B from row 0 at this block's column.
  emit(op.get(A), op.get(ROW), op.get(KB), op.i32Mul, op.i32Add, op.set(AROW));
  for (let r = 1; r < 4; r++) emit(op.get(AROW + r - 1), op.get(KB), op.i32Add, op.set(AROW + r));
  emit(op.get(B), op.get(COL), op.i32Const(4), op.i32Mul, op.i32Add, op.set(BP));
  emit(op.get(K), op.set(PLEFT));
  emit(op.block, op.loop);
  emit(op.get(PLEFT), op.i32Eqz, op.brIf(1));
  emit(op.get(BP), op.v128Load(0), op.set(B0), op.get(BP), op.v128Load(16), op.set(B1));
  for (let r = 0; r < 4; r++) {
    emit(op.get(AROW + r), op.v128Load32Splat(0), op.set(S));
    emit(op.get(ACC + r * 2), op.get(S), op.get(B0), op.f32x4Mul, op.f32x4Add, op.set(ACC + r * 2));
    emit(op.get(ACC + r * 2 + 1), op.get(S), op.get(B1), op.f32x4Mul, op.f32x4Add, op.set(ACC + r * 2 + 1));
    emit(op.get(AROW + r), op.i32Const(4), op.i32Add, op.set(AROW + r));
  }
  emit(op.get(BP), op.get(NB), op.i32Add, op.set(BP));
  emit(op.get(PLEFT), op.i32Const(1), op.i32Sub, op.set(PLEFT), op.br(0));
  emit(op.end, op.end);
  for (let r = 0; r < 4; r++) for (let v = 0; v < 2; v++) emit(op.get(CROW + r), op.get(ACC + r * 2 + v), op.v128Store(16 * v));
  emit(op.get(COL), op.i32Const(GEMM_COLUMNS), op.i32Add, op.set(COL), op.br(0));
  emit(op.end, op.end);
  emit(op.get(ROW), op.i32Const(GEMM_ROWS), op.i32Add, op.set(ROW), op.br(0));
  emit(op.end, op.end, op.i32Const(0), op.end);
  return [...vec([[ACC - 6, I32], [11, V128]]), ...code];
}

export function gemmModuleBytes(): Uint8Array<ArrayBuffer> {
  return singleFunctionModule('gemm', 6, gemmBody());
}

/**
 * Matrices in one WebAssembly memory: `allocate` places a float32 matrix and returns its view;
 * `multiplyAdd` computes C += A · B on matrices it placed.
 */
export class GemmMemory {
  private readonly gemm: (a: number, b: number, c: number, m: number, n: number, k: number) => number;
  private readonly memory: WebAssembly.Memory;
  private used = 0;

  constructor(bytes: number) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModuleBytes()));
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.gemm = instance.exports.gemm as GemmMemory['gemm'];
    const pages = Math.ceil(bytes / 65_536) - this.memory.buffer.byteLength / 65_536;
    if (pages > 0) this.memory.grow(pages);
  }

  /** A `rows × columns` float32 matrix of zeros (16-byte aligned); its view stays valid (the memory never grows after construction). */
  allocate(rows: number, columns: number): Float32Array {
    const at = this.used;
    const bytes = Math.ceil((rows * columns * 4) / 16) * 16;
    if (at + bytes > this.memory.buffer.byteLength) throw new RangeError(`the matrix memory is full: ${rows} × ${columns} does not fit`);
    this.used += bytes;
    return new Float32Array(this.memory.buffer, at, rows * columns);
  }

  /** C (m × n) += A (m × k) · B (k × n); m a multiple of 4, n of 8. */
  multiplyAdd(a: Float32Array, b: Float32Array, c: Float32Array, m: number, n: number, k: number): void {
    if (m % GEMM_ROWS !== 0 || n % GEMM_COLUMNS !== 0) throw new RangeError(`${m} × ${n}: rows must be a multiple of ${GEMM_ROWS}, columns of ${GEMM_COLUMNS}`);
    if (a.length < m * k || b.length < k * n || c.length < m * n) throw new RangeError(`matrices too small for ${m} × ${k} · ${k} × ${n}`);
    for (const x of [a, b, c]) if (x.buffer !== this.memory.buffer) throw new RangeError('a matrix not placed by this memory');
    this.gemm(a.byteOffset, b.byteOffset, c.byteOffset, m, n, k);
  }
}
