// The neighbour search's hot loop in WebAssembly SIMD: for one query, which candidates' partial
// squared distance over the leading coordinates is at most a limit. Two-lane float64 SIMD without
// bounds checks beats the plain JavaScript loop (docs/benchmark.md has the figures). The module
// is written below opcode by opcode (no compiler in the build), and checked against the plain
// loop in tests.
//
// The sum's order differs from a sequential one (two lanes, then added), so a caller that needs
// exact distances recomputes them for the candidates returned, and passes a limit a hair above
// its threshold so rounding never drops a candidate.

/** Coordinates per point the kernel reads (32 float64 = 256 bytes = 16 SIMD loads), 8 at a time. */
export const SCAN_WIDTH = 32;
const POINT_BYTES = SCAN_WIDTH * 8;

const uleb = (value: number): number[] => {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
};
/** Signed LEB128, as i32.const reads its immediate (64 would read as −64 unsigned-encoded). */
const sleb = (value: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
// Instructions used (core and SIMD opcodes from the WebAssembly 2.0 spec).
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  tee: (local: number) => [0x22, ...uleb(local)],
  i32Store: [0x36, 0x02, 0x00],
  i32Const: (value: number) => [0x41, ...sleb(value)],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Shl: [0x74],
  i32Mul: [0x6c],
  f64Gt: [0x64],
  f64Add: [0xa0],
  v128Load: (offset: number) => [0xfd, 0x00, 0x04, ...uleb(offset)],
  f64x2ExtractLane: (lane: number) => [0xfd, 0x21, lane],
  f64x2Add: [0xfd, 0xf0, 0x01],
  f64x2Sub: [0xfd, 0xf1, 0x01],
  f64x2Mul: [0xfd, 0xf2, 0x01],
};

// scan(query, points, from, to, limit, out, stride) → how many ids were written to out.
// Points are stored stage-major: the first 8 coordinates of every point, then the next 8 of
// every point, … (`stride` bytes apart), so the first stage — the only one most candidates
// reach — streams through a quarter of the memory.
const [QUERY, POINTS, FROM, TO, LIMIT, OUT, STRIDE] = [0, 1, 2, 3, 4, 5, 6];
const [C, P, N, STAGE_OFFSET] = [7, 8, 9, 10];
const STAGES = SCAN_WIDTH / 8;
const Q0 = STAGE_OFFSET + STAGES;
const T = Q0 + SCAN_WIDTH / 2;
const S = T + 1;
const STAGE_BYTES = 64;

function scanBody(): number[] {
  const code: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((part) => code.push(...part));
  const vectors = SCAN_WIDTH / 2;
  for (let i = 0; i < vectors; i++) emit(op.get(QUERY), op.v128Load(16 * i), op.set(Q0 + i));
  for (let k = 0; k < STAGES; k++) emit(op.get(STRIDE), op.i32Const(k), op.i32Mul, op.set(STAGE_OFFSET + k));
  emit(op.get(POINTS), op.get(FROM), op.i32Const(STAGE_BYTES), op.i32Mul, op.i32Add, op.set(P));
  emit(op.get(FROM), op.set(C));
  emit(op.block, op.loop);
  emit(op.get(C), op.get(TO), op.i32GeU, op.brIf(1));
  // One candidate: stage by stage, leaving (br_if 0 out of this block) once past the limit.
  emit(op.block);
  for (let k = 0; k < STAGES; k++) {
    for (let j = 0; j < 4; j++) {
      const i = k * 4 + j;
      emit(op.get(Q0 + i), op.get(P), op.get(STAGE_OFFSET + k), op.i32Add, op.v128Load(16 * j), op.f64x2Sub, op.tee(T), op.get(T), op.f64x2Mul);
      if (j > 0) emit(op.f64x2Add);
      else if (k > 0) emit(op.get(S), op.f64x2Add);
    }
    emit(op.tee(S), op.f64x2ExtractLane(0), op.get(S), op.f64x2ExtractLane(1), op.f64Add, op.get(LIMIT), op.f64Gt, op.brIf(0));
  }
  emit(op.get(OUT), op.get(N), op.i32Const(2), op.i32Shl, op.i32Add, op.get(C), op.i32Store);
  emit(op.get(N), op.i32Const(1), op.i32Add, op.set(N));
  emit(op.end);
  emit(op.get(P), op.i32Const(STAGE_BYTES), op.i32Add, op.set(P));
  emit(op.get(C), op.i32Const(1), op.i32Add, op.set(C), op.br(0));
  emit(op.end, op.end, op.get(N), op.end);
  const locals = vec([[3 + STAGES, I32], [vectors + 2, V128]]);
  return [...locals, ...code];
}

/** The module's bytes. */
export function headScanModuleBytes(): Uint8Array<ArrayBuffer> {
  const body = scanBody();
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(0x01, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [F64], [I32], [I32]]), ...vec([[I32]])]])),
    ...section(0x03, vec([[0]])),
    ...section(0x05, vec([[0x00, 1]])),
    ...section(0x07, vec([[...name('scan'), 0x00, 0], [...name('memory'), 0x02, 0]])),
    ...section(0x0a, vec([[...uleb(body.length), ...body]])),
  ]);
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

/**
 * Holds `count` points' first 8 coordinates in WebAssembly memory and scans them for one query
 * at a time. `scan` returns a view of the ids found (valid until the next call).
 */
export class HeadScanner {
  private readonly scanExport: (query: number, points: number, from: number, to: number, limit: number, out: number, stride: number) => number;
  private readonly memory: WebAssembly.Memory;
  private readonly queryAt: number;
  private readonly pointsAt: number;
  private readonly outAt: number;
  readonly count: number;
  readonly block: number;

  /** `heads`: `count × 8` coordinates, point-major. `block`: the most candidates one scan covers. */
  constructor(heads: Float64Array, block: number) {
    this.block = block;
    this.count = heads.length / SCAN_WIDTH;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(headScanModuleBytes()));
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.scanExport = instance.exports.scan as HeadScanner['scanExport'];
    this.queryAt = 0;
    this.pointsAt = POINT_BYTES;
    this.outAt = this.pointsAt + heads.byteLength;
    const needed = this.outAt + block * 4;
    const pages = Math.ceil(needed / 65_536) - this.memory.buffer.byteLength / 65_536;
    if (pages > 0) this.memory.grow(pages);
    // Stage-major: coordinates 8k … 8k + 7 of every point together.
    const stored = new Float64Array(this.memory.buffer, this.pointsAt, heads.length);
    for (let k = 0, at = 0; k < STAGES; k++) {
      for (let c = 0; c < this.count; c++, at += 8) stored.set(heads.subarray(c * SCAN_WIDTH + k * 8, c * SCAN_WIDTH + k * 8 + 8), at);
    }
  }

  /** Ids in `from` … `to − 1` (at most `block` of them) whose 8-coordinate squared distance to `query` is ≤ `limit`. */
  scan(query: ArrayLike<number>, from: number, to: number, limit: number): Int32Array {
    const q = new Float64Array(this.memory.buffer, this.queryAt, SCAN_WIDTH);
    for (let d = 0; d < SCAN_WIDTH; d++) q[d] = query[d]!;
    const found = this.scanExport(this.queryAt, this.pointsAt, from, Math.min(to, from + this.block, this.count), limit, this.outAt, this.count * STAGE_BYTES);
    return new Int32Array(this.memory.buffer, this.outAt, found);
  }
}
