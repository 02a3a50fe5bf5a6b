// Writing a WebAssembly module by hand (no compiler in the build): LEB128 numbers, vectors,
// sections, and the instructions the project's kernels use, by their opcodes in the WebAssembly
// 2.0 spec (core and SIMD). The kernels (headScan.ts, gemm.ts) are tested against plain loops.

export const uleb = (value: number): number[] => {
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
export const sleb = (value: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
};
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
export const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

export const I32 = 0x7f;
export const V128 = 0x7b;
/** Instructions, as byte sequences (immediates as arguments). */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  tee: (local: number) => [0x22, ...uleb(local)],
  i32Store: [0x36, 0x02, 0x00],
  i32Const: (value: number) => [0x41, ...sleb(value)],
  i32Eqz: [0x45],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Or: [0x72],
  i32Shl: [0x74],
  v128Load: (offset: number) => [0xfd, 0x00, 0x04, ...uleb(offset)],
  v128Load32Splat: (offset: number) => [0xfd, 0x09, 0x02, ...uleb(offset)],
  f32x4Le: [0xfd, 0x45],
  i32x4Bitmask: [0xfd, 0xa4, 0x01],
  f32x4Add: [0xfd, 0xe4, 0x01],
  f32x4Sub: [0xfd, 0xe5, 0x01],
  f32x4Mul: [0xfd, 0xe6, 0x01],
  i32Sub: [0x6b],
  v128Store: (offset: number) => [0xfd, 0x0b, 0x04, ...uleb(offset)],
};

/** The bytes of a module with one exported function (`params` i32 in, one i32 out) and one exported memory named `memory`. */
export function singleFunctionModule(exportName: string, params: number, body: number[]): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(0x01, vec([[0x60, ...vec(Array.from({ length: params }, () => [I32])), ...vec([[I32]])]])),
    ...section(0x03, vec([[0]])),
    ...section(0x05, vec([[0x00, 1]])),
    ...section(0x07, vec([[...name(exportName), 0x00, 0], [...name('memory'), 0x02, 0]])),
    ...section(0x0a, vec([[...uleb(body.length), ...body]])),
  ]);
}

