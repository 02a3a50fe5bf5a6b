import { describe, expect, it } from 'vitest';
import { GREYS_RGBA, greysLevel } from './greys';

describe('Greys colormap', () => {
  it('maps 0 to white paper and 255 to black ink, darker as values rise', () => {
    expect(greysLevel(0)).toBe(255);
    expect(greysLevel(255)).toBe(0);
    for (let v = 1; v < 256; v++) expect(greysLevel(v)).toBeLessThanOrEqual(greysLevel(v - 1));
  });

  it('matches matplotlib Greys at its ColorBrewer stops', () => {
    expect(greysLevel(255 / 2)).toBe(0x96);
    expect(greysLevel((255 * 2) / 8)).toBe(0xd9);
  });

  it('packs opaque RGBA words in memory order', () => {
    const bytes = new Uint8Array(GREYS_RGBA.buffer);
    expect(Array.from(bytes.subarray(255 * 4, 256 * 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  });
});
