// A region from a link or a drag: ordered, rounded, bounded; and the selection inside it.
import { describe, expect, it } from 'vitest';
import { formatMapRegion, idsInRegion, normaliseMapRegion, parseMapRegion, type DigitMap } from './digitMap';

describe('map region', () => {
  it('orders corners and rounds to a tenth, as the link writes it', () => {
    expect(normaliseMapRegion({ x: 10.26, y: -3 }, { x: -5.04, y: 8.95 })).toEqual({ x0: -5, y0: -3, x1: 10.3, y1: 9 });
    expect(parseMapRegion('10,9,-5,-3')).toEqual({ x0: -5, y0: -3, x1: 10, y1: 9 });
    expect(formatMapRegion({ x0: -0, y0: 1.5, x1: 2, y1: 3 })).toBe('0,1.5,2,3');
    expect(parseMapRegion(formatMapRegion({ x0: -120.5, y0: 0, x1: 2048.3, y1: 7 }))).toEqual({ x0: -120.5, y0: 0, x1: 2048.3, y1: 7 });
  });

  it.each(['', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '1e3,0,1,1', 'Infinity,0,1,1', '0x10,0,1,1', '200000,0,1,1', ' 1,2,3,4'])('refuses %j', (text) => {
    expect(parseMapRegion(text)).toBeUndefined();
  });

  it('keeps the ids inside (edges included), in their order', () => {
    // Five digits at (0,0) (1,1) (2,2) (1,5) (−1,1).
    const map = { coordinates: Float64Array.of(0, 0, 1, 1, 2, 2, 1, 5, -1, 1) } as DigitMap;
    const ids = Uint32Array.of(4, 3, 2, 1, 0);
    expect(Array.from(idsInRegion(ids, map, { x0: 0, y0: 0, x1: 1, y1: 5 }))).toEqual([3, 1, 0]);
    expect(Array.from(idsInRegion(ids, map, { x0: 5, y0: 5, x1: 6, y1: 6 }))).toEqual([]);
  });
});
