// The SIMD matrix product against a plain float32 loop summing in the same order: equal to the bit.
import { describe, expect, it } from 'vitest';
import { GemmMemory } from './gemm';

function plain(a: Float32Array, b: Float32Array, c: Float32Array, m: number, n: number, k: number): Float32Array {
  const out = Float32Array.from(c);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = out[i * n + j]!;
      for (let p = 0; p < k; p++) s = Math.fround(s + Math.fround(a[i * k + p]! * b[p * n + j]!));
      out[i * n + j] = s;
    }
  }
  return out;
}

describe('GemmMemory', () => {
  it.each([
    { m: 4, n: 8, k: 1 },
    { m: 12, n: 24, k: 37 },
    { m: 128, n: 256, k: 512 },
  ])('multiplies $m × $k by $k × $n and adds to C, as a float32 loop does to the bit', ({ m, n, k }) => {
    let state = m * 31 + n;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647 - 0.5;
    const memory = new GemmMemory((m * k + k * n + m * n) * 4 + 64);
    const [a, b, c] = [memory.allocate(m, k), memory.allocate(k, n), memory.allocate(m, n)];
    a.forEach((_, i) => (a[i] = random()));
    b.forEach((_, i) => (b[i] = random() * 3));
    c.forEach((_, i) => (c[i] = random()));
    const want = plain(a, b, c, m, n, k);
    memory.multiplyAdd(a, b, c, m, n, k);
    expect(Array.from(c)).toEqual(Array.from(want));
  });

  it('refuses shapes off its blocks and matrices it did not place', () => {
    const memory = new GemmMemory(4096);
    const [a, b, c] = [memory.allocate(4, 4), memory.allocate(4, 8), memory.allocate(4, 8)];
    expect(() => memory.multiplyAdd(a, b, c, 3, 8, 4)).toThrow('rows must be a multiple of 4');
    expect(() => memory.multiplyAdd(a, b, new Float32Array(32), 4, 8, 4)).toThrow('not placed by this memory');
    expect(() => memory.allocate(1000, 1000)).toThrow('the matrix memory is full');
  });
});
