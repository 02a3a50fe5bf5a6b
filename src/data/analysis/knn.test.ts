// The exact neighbour table against a brute force written here (every pair measured, sorted by
// distance then id), on generated points with duplicates and ties.
import { describe, expect, it } from 'vitest';
import { headScanSupported } from './headScan';
import { nearbyOrder, nearestNeighbourTable } from './knn';

function points(count: number, dims: number, seed: number): Float64Array {
  let state = seed;
  const random = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647);
  const out = new Float64Array(count * dims);
  // Falling variance along the dimensions, as principal components have; every 7th point a copy
  // of the one before (distance 0), and integer coordinates so equal distances happen.
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dims; d++) out[i * dims + d] = i % 7 === 6 ? out[(i - 1) * dims + d]! : Math.round((random() - 0.5) * 40 / (1 + d / 4));
  }
  return out;
}

function bruteForce(p: Float64Array, dims: number, k: number, q: number): { ids: number[]; distances: number[] } {
  const count = p.length / dims;
  const all: { id: number; square: number }[] = [];
  for (let c = 0; c < count; c++) {
    if (c === q) continue;
    let s = 0;
    for (let d = 0; d < dims; d++) s += (p[q * dims + d]! - p[c * dims + d]!) ** 2;
    all.push({ id: c, square: s });
  }
  all.sort((a, b) => a.square - b.square || a.id - b.id);
  const top = all.slice(0, k);
  return { ids: top.map((t) => t.id), distances: top.map((t) => Math.sqrt(t.square)) };
}

describe.each([
  { path: 'WebAssembly SIMD scan', simd: true },
  { path: 'plain loops', simd: false },
])('nearestNeighbourTable ($path)', ({ simd }) => {
  it.each([
    { count: 600, dims: 50, k: 10 },
    { count: 400, dims: 5, k: 7 },
    { count: 300, dims: 12, k: 20 },
  ])('equals a brute force ($count points, $dims dims, k $k), ties to the smaller id', ({ count, dims, k }) => {
    const p = points(count, dims, 17 + dims);
    const table = nearestNeighbourTable(p, dims, k, 0, count, { simd });
    for (let q = 0; q < count; q++) {
      const want = bruteForce(p, dims, k, q);
      expect(Array.from(table.ids.subarray(q * k, (q + 1) * k))).toEqual(want.ids);
      expect(Array.from(table.distances.subarray(q * k, (q + 1) * k))).toEqual(want.distances);
    }
  });

  it.each([
    { name: 'a 5 × 5 × 5 lattice', dims: 3, p: Float64Array.from({ length: 125 * 3 }, (_, i) => Math.floor((Math.floor(i / 3)) / 5 ** (i % 3)) % 5) },
    { name: '0/1 coordinates in 12 dims', dims: 12, p: points(300, 12, 5).map((v) => (v > 0 ? 1 : 0)) },
    { name: '0/1 coordinates in 40 dims (the SIMD scan’s width and more)', dims: 40, p: points(300, 40, 9).map((v) => (v > 2 ? 1 : 0)) },
  ])('breaks the many ties of $name by id, as the brute force does', ({ dims, p }) => {
    const count = p.length / dims;
    const k = 8;
    const table = nearestNeighbourTable(p, dims, k, 0, count, { simd });
    for (let q = 0; q < count; q++) expect(Array.from(table.ids.subarray(q * k, (q + 1) * k))).toEqual(bruteForce(p, dims, k, q).ids);
  });

  it('answers a range of queries against all points, and reports progress', () => {
    const p = points(500, 20, 3);
    const seen: number[] = [];
    const table = nearestNeighbourTable(p, 20, 5, 120, 260, { progress: (done) => seen.push(done), progressEvery: 50, simd });
    expect(table.ids).toHaveLength(140 * 5);
    for (let q = 120; q < 260; q++) expect(Array.from(table.ids.subarray((q - 120) * 5, (q - 119) * 5))).toEqual(bruteForce(p, 20, 5, q).ids);
    // Queries go in groups (four lanes of the SIMD scan): a report each time a multiple of 50 is passed, then the total.
    expect(seen).toHaveLength(3);
    seen.slice(0, 2).forEach((done, i) => expect(done - 50 * (i + 1)).toBeGreaterThanOrEqual(0));
    seen.slice(0, 2).forEach((done, i) => expect(done - 50 * (i + 1)).toBeLessThan(4));
    expect(seen[2]).toBe(140);
  });

  it('has WebAssembly SIMD to test here', () => {
    expect(headScanSupported()).toBe(true);
  });

  it('stays exact where float32 cannot tell the candidates apart (coordinates near 10⁶, differences of hundredths)', () => {
    const dims = 36;
    const base = points(200, dims, 41);
    // float32 keeps 1/16 of a unit at 10⁶: the SIMD scan's sums are coarse, the float64 measure is not.
    const p = base.map((v, i) => (i % dims < 12 ? 1e6 + 0.031 : -1e6) + v / 300);
    const table = nearestNeighbourTable(p, dims, 6, 0, 200, { simd });
    for (let q = 0; q < 200; q++) {
      const want = bruteForce(p, dims, 6, q);
      expect(Array.from(table.ids.subarray(q * 6, (q + 1) * 6))).toEqual(want.ids);
      expect(Array.from(table.distances.subarray(q * 6, (q + 1) * 6))).toEqual(want.distances);
    }
  });

  it('answers a number of queries that is no multiple of the SIMD lanes', () => {
    const p = points(90, 33, 8);
    const table = nearestNeighbourTable(p, 33, 4, 3, 10, { simd });
    for (let q = 3; q < 10; q++) expect(Array.from(table.ids.subarray((q - 3) * 4, (q - 2) * 4))).toEqual(bruteForce(p, 33, 4, q).ids);
  });

  it('copes with fewer points than k', () => {
    const table = nearestNeighbourTable(Float64Array.of(0, 0, 3, 4), 2, 10, 0, 2, { simd });
    expect(table.k).toBe(1);
    expect(Array.from(table.ids)).toEqual([1, 0]);
    expect(Array.from(table.distances)).toEqual([5, 5]);
  });
});

describe('nearbyOrder', () => {
  it('orders every digit of the range once, near ones together', () => {
    // Two far clusters interleaved by id: the order takes one cluster whole, then the other.
    const p = Float64Array.from({ length: 64 * 2 }, (_, i) => (Math.floor(i / 2) % 2 === 0 ? 0 : 1000) + (i % 2) * (Math.floor(i / 4) % 5));
    const order = Array.from(nearbyOrder(p, 2, 0, 64));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
    const cluster = order.map((id) => id % 2);
    expect(cluster.slice(0, 32).every((c) => c === cluster[0])).toBe(true);
    expect(Array.from(nearbyOrder(p, 2, 10, 20)).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 10 + i));
  });
});
