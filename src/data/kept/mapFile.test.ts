// The kept map: read back whole, refused for other data or any damage, never throwing.
import { describe, expect, it } from 'vitest';
import type { DigitMap } from '../analysis/digitMap';
import { decodeDigitMap, encodeDigitMap } from './mapFile';

const map: DigitMap = {
  coordinates: Float64Array.of(1.5, -2, 0, 0, 1e3, 7.25),
  variances: Float64Array.of(10, 4, 1),
  totalVariance: 20,
  timings: { scatter: 1, eigen: 2, project: 3 },
};

describe('map file', () => {
  it('round-trips', async () => {
    const read = await decodeDigitMap(await encodeDigitMap(map, 'k', 42), 'k', 3);
    if ('problem' in read) throw new Error(read.problem);
    expect(Array.from(read.map.coordinates)).toEqual(Array.from(map.coordinates));
    expect(Array.from(read.map.variances)).toEqual([10, 4, 1]);
    expect(read.map.totalVariance).toBe(20);
    expect(read.ms).toBe(42);
  });

  it('refuses other data, another count, any flipped bit, a cut file, and never throws', async () => {
    const bytes = await encodeDigitMap(map, 'k', 42);
    expect(await decodeDigitMap(bytes, 'other', 3)).toEqual({ problem: 'kept for other data' });
    expect('problem' in (await decodeDigitMap(bytes, 'k', 4))).toBe(true);
    for (let at = 0; at < bytes.length; at++) {
      const damaged = bytes.slice();
      damaged[at]! ^= 0x04;
      expect('problem' in (await decodeDigitMap(damaged, 'k', 3))).toBe(true);
    }
    for (const length of [0, 7, 20, bytes.length - 8]) expect('problem' in (await decodeDigitMap(bytes.subarray(0, length), 'k', 3))).toBe(true);
  });

  it('refuses well-formed files with numbers no map has', async () => {
    const bad: DigitMap[] = [
      { ...map, coordinates: Float64Array.of(1.5, NaN, 0, 0, 1e3, 7.25) },
      { ...map, variances: Float64Array.of(4, 10, 1) },
      { ...map, totalVariance: 14 },
    ];
    for (const m of bad) expect('problem' in (await decodeDigitMap(await encodeDigitMap(m, 'k', 1), 'k', 3))).toBe(true);
  });
});
