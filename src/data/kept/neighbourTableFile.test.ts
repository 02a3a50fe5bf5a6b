// The kept neighbour table: read back whole, refused for other data or any damage, never throwing.
import { describe, expect, it } from 'vitest';
import type { NeighbourTable } from '../analysis/knn';
import { decodeNeighbourTable, encodeNeighbourTable } from './neighbourTableFile';

// Digits 4 and 5 of a dataset of 8, k = 3.
const table: NeighbourTable = { k: 3, from: 4, to: 6, ids: Uint32Array.of(5, 0, 7, 4, 1, 2), distances: Float64Array.of(0, 1.5, 2, 0, 3, 3) };
const expected = { key: 'a:b:c:d', k: 3, from: 4, to: 6, total: 8 };

describe('neighbour table file', () => {
  it('round-trips', async () => {
    const bytes = await encodeNeighbourTable(table, 'a:b:c:d', 8, 1234);
    const read = await decodeNeighbourTable(bytes, expected);
    if ('problem' in read) throw new Error(read.problem);
    expect(Array.from(read.table.ids)).toEqual(Array.from(table.ids));
    expect(Array.from(read.table.distances)).toEqual(Array.from(table.distances));
    expect(read.ms).toBe(1234);
  });

  it('refuses other data, another range, a flipped bit anywhere, a cut file, and never throws', async () => {
    const bytes = await encodeNeighbourTable(table, 'a:b:c:d', 8, 1);
    expect(await decodeNeighbourTable(bytes, { ...expected, key: 'x' })).toEqual({ problem: 'kept for other data' });
    expect(await decodeNeighbourTable(bytes, { ...expected, to: 7 })).toEqual({ problem: 'kept for another range or k' });
    for (let at = 0; at < bytes.length; at += 3) {
      const damaged = bytes.slice();
      damaged[at]! ^= 0x10;
      expect('problem' in (await decodeNeighbourTable(damaged, expected))).toBe(true);
    }
    for (const length of [0, 5, 12, bytes.length - 1]) expect('problem' in (await decodeNeighbourTable(bytes.subarray(0, length), expected))).toBe(true);
  });

  it('refuses a well-formed file whose rows are not neighbour rows', async () => {
    const cases: NeighbourTable[] = [
      { ...table, ids: Uint32Array.of(4, 0, 7, 4, 1, 2) }, // digit 4 its own neighbour
      { ...table, ids: Uint32Array.of(5, 0, 8, 4, 1, 2) }, // no digit 8
      { ...table, ids: Uint32Array.of(5, 0, 0, 4, 1, 2) }, // twice
      { ...table, distances: Float64Array.of(0, 2, 1.5, 0, 3, 3) }, // unsorted
      { ...table, distances: Float64Array.of(0, 1.5, NaN, 0, 3, 3) },
    ];
    for (const bad of cases) expect('problem' in (await decodeNeighbourTable(await encodeNeighbourTable(bad, 'a:b:c:d', 8, 1), expected))).toBe(true);
  });
});
