// The neighbour search's hot loop in WebAssembly SIMD: for four queries at once, which
// candidates' partial squared distance over the first 32 coordinates may be within each query's
// limit. Four-lane float32 SIMD, each candidate's coordinates read once for the four queries,
// without bounds checks: docs/benchmark.md has the figures against the plain loop. The module is
// written below opcode by opcode (no compiler in the build), and checked against the plain loop
// and a brute force in tests.
//
// float32 rounds: the coordinates, their differences, the squares and their sum each lose a
// little. `setLimit` widens a float64 limit by a bound on all of that together (from the largest
// coordinate), so a candidate within the limit is never dropped; the caller measures the few
// returned in float64, exactly.

import { I32, op, singleFunctionModule, V128, vec } from './wasmModule';

/** Coordinates per point the kernel reads (fewer are padded with zeros), 8 at a time. */
export const SCAN_WIDTH = 32;
/** Queries one scan serves: the lanes of a float32 vector. */
export const SCAN_LANES = 4;
const STAGES = SCAN_WIDTH / 8;
/** Bytes of one point's stage (8 float32). */
const STAGE_BYTES = 32;

// scan(queries, points, from, to, limits, out, stride) → how many entries were written to out.
// `queries`: for each of the 32 coordinates, the four queries' values (one vector per coordinate).
// `limits`: the four queries' limits. Points are stored stage-major: coordinates 0–7 of every
// point, then 8–15 of every point, … (`stride` bytes apart), so the first stage — the only one
// most candidates reach — streams through a quarter of the memory. An entry is `id << 4 | lanes`,
// the lanes (bit l: query l) whose sum stayed within the limit over all 32 coordinates.
const [QUERIES, POINTS, FROM, TO, LIMITS, OUT, STRIDE] = [0, 1, 2, 3, 4, 5, 6];
const [C, P, N, MASK, STAGE_OFFSET] = [7, 8, 9, 10, 11];
const Q0 = STAGE_OFFSET + STAGES;
const [LIMIT, ACC, T] = [Q0 + 8, Q0 + 9, Q0 + 10];

function scanBody(): number[] {
  const code: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((part) => code.push(...part));
  // The first stage's query vectors live in locals; the later stages' are read when reached.
  for (let i = 0; i < 8; i++) emit(op.get(QUERIES), op.v128Load(16 * i), op.set(Q0 + i));
  emit(op.get(LIMITS), op.v128Load(0), op.set(LIMIT));
  for (let k = 0; k < STAGES; k++) emit(op.get(STRIDE), op.i32Const(k), op.i32Mul, op.set(STAGE_OFFSET + k));
  emit(op.get(POINTS), op.get(FROM), op.i32Const(STAGE_BYTES), op.i32Mul, op.i32Add, op.set(P));
  emit(op.get(FROM), op.set(C));
  emit(op.block, op.loop);
  emit(op.get(C), op.get(TO), op.i32GeU, op.brIf(1));
  // One candidate: stage by stage, leaving (br_if 0 out of this block) once every lane is past its limit.
  emit(op.block);
  const square = (k: number, j: number) => {
    const i = k * 8 + j;
    emit(k === 0 ? op.get(Q0 + j) : [...op.get(QUERIES), ...op.v128Load(16 * i)]);
    emit(op.get(P), op.get(STAGE_OFFSET + k), op.i32Add, op.v128Load32Splat(4 * j));
    emit(op.f32x4Sub, op.tee(T), op.get(T), op.f32x4Mul);
  };
  for (let k = 0; k < STAGES; k++) {
    // Summed as a tree (((0+1)+(2+3))+((4+5)+(6+7))): short dependency chains.
    for (const half of [0, 4]) {
      square(k, half);
      square(k, half + 1);
      emit(op.f32x4Add);
      square(k, half + 2);
      square(k, half + 3);
      emit(op.f32x4Add, op.f32x4Add);
    }
    emit(op.f32x4Add);
    if (k > 0) emit(op.get(ACC), op.f32x4Add);
    emit(op.tee(ACC), op.get(LIMIT), op.f32x4Le, op.i32x4Bitmask, op.tee(MASK), op.i32Eqz, op.brIf(0));
  }
  emit(op.get(OUT), op.get(N), op.i32Const(2), op.i32Shl, op.i32Add, op.get(C), op.i32Const(4), op.i32Shl, op.get(MASK), op.i32Or, op.i32Store);
  emit(op.get(N), op.i32Const(1), op.i32Add, op.set(N));
  emit(op.end);
  emit(op.get(P), op.i32Const(STAGE_BYTES), op.i32Add, op.set(P));
  emit(op.get(C), op.i32Const(1), op.i32Add, op.set(C), op.br(0));
  emit(op.end, op.end, op.get(N), op.end);
  const locals = vec([[4 + STAGES, I32], [11, V128]]);
  return [...locals, ...code];
}

/** The module's bytes. */
export function headScanModuleBytes(): Uint8Array<ArrayBuffer> {
  return singleFunctionModule('scan', 7, scanBody());
}

let supported: boolean | null = null;
/**
 * True where WebAssembly SIMD runs and may be compiled (every current browser, Node ≥ 16; not
 * under a Content-Security-Policy without 'wasm-unsafe-eval'): else the plain loops serve.
 */
export function headScanSupported(): boolean {
  if (supported === null) {
    try {
      supported = typeof WebAssembly === 'object' && new WebAssembly.Module(headScanModuleBytes()) instanceof WebAssembly.Module;
    } catch {
      supported = false;
    }
  }
  return supported;
}

/** float32's unit roundoff. */
const U = 2 ** -24;

/**
 * Holds `count` points' first 32 coordinates as float32 in WebAssembly memory and scans them for
 * four queries at a time: `setQueries`, `setLimits`, then `scan` ranges of them.
 */
export class HeadScanner {
  private readonly scanExport: (queries: number, points: number, from: number, to: number, limits: number, out: number, stride: number) => number;
  private readonly queries: Float32Array;
  private readonly limits: Float32Array;
  private readonly queriesAt = 0;
  private readonly limitsAt = SCAN_WIDTH * SCAN_LANES * 4;
  private readonly pointsAt = this.limitsAt + 16;
  private readonly outAt: number;
  /** The float32 error bound's per-coordinate part (5 u × the largest |coordinate|). */
  private readonly error: number;
  readonly count: number;
  readonly block: number;
  /** Where `scan` writes its entries (`id << 4 | lanes`); the memory never grows after construction, so the view stays valid. */
  readonly found: Int32Array;

  /** `points`: `count × dims` float64 coordinates, point-major. `block`: the most candidates one scan covers. */
  constructor(points: Float64Array, dims: number, block: number) {
    this.block = block;
    this.count = points.length / dims;
    if (this.count >= 2 ** 27) throw new RangeError(`${this.count} points do not fit the scan's 27-bit ids`);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(headScanModuleBytes()));
    const memory = instance.exports.memory as WebAssembly.Memory;
    this.scanExport = instance.exports.scan as HeadScanner['scanExport'];
    this.outAt = this.pointsAt + this.count * SCAN_WIDTH * 4;
    const needed = this.outAt + block * 4;
    const pages = Math.ceil(needed / 65_536) - memory.buffer.byteLength / 65_536;
    if (pages > 0) memory.grow(pages);
    this.queries = new Float32Array(memory.buffer, this.queriesAt, SCAN_WIDTH * SCAN_LANES);
    this.limits = new Float32Array(memory.buffer, this.limitsAt, SCAN_LANES);
    this.found = new Int32Array(memory.buffer, this.outAt, block);
    // Stage-major: coordinates 8k … 8k + 7 of every point together; past `dims`, zeros.
    const stored = new Float32Array(memory.buffer, this.pointsAt, this.count * SCAN_WIDTH);
    const width = Math.min(dims, SCAN_WIDTH);
    let largest = 0;
    for (let c = 0; c < this.count; c++) {
      for (let d = 0; d < width; d++) {
        const v = points[c * dims + d]!;
        stored[(d >> 3) * this.count * 8 + c * 8 + (d & 7)] = v;
        largest = Math.max(largest, Math.abs(v));
      }
    }
    this.error = 5 * U * largest;
  }

  /** The queries the following scans measure from (up to four points of the constructor's, by index); missing lanes never match. */
  setQueries(points: Float64Array, dims: number, ids: readonly number[]): void {
    this.queries.fill(0);
    const width = Math.min(dims, SCAN_WIDTH);
    ids.forEach((id, lane) => {
      for (let d = 0; d < width; d++) this.queries[d * SCAN_LANES + lane] = points[id * dims + d]!;
    });
    this.limits.fill(-1);
  }

  /**
   * Lane `lane`'s limit: every candidate whose float64 squared distance over the first 32
   * coordinates is ≤ `limit` passes (the float32 sum's error is added, rounded up).
   */
  setLimit(lane: number, limit: number): void {
    if (limit === Infinity) {
      this.limits[lane] = Infinity;
      return;
    }
    const e = this.error;
    const widened = (1 + 64 * U) * (limit + 2 * e * Math.sqrt(SCAN_WIDTH * limit) + SCAN_WIDTH * e * e);
    this.limits[lane] = Math.fround(widened * (1 + 2 ** -20));
  }

  /** How many entries the candidates `from` … `to − 1` (at most `block` of them) wrote to `found`. */
  scan(from: number, to: number): number {
    return this.scanExport(this.queriesAt, this.pointsAt, from, Math.min(to, from + this.block, this.count), this.limitsAt, this.outAt, this.count * STAGE_BYTES);
  }
}
