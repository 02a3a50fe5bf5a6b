// The pad's ink is its alpha: a pixel's colour says nothing about how much ink it holds.
import { describe, expect, it } from 'vitest';
import { inkFromRgba } from './drawingInk';

describe('inkFromRgba', () => {
  it('reads each pixel’s alpha as its ink, whatever its colour', () => {
    // 3 × 2 pixels: untouched (transparent black), full ink, an antialiased edge, a coloured edge,
    // full ink in white, untouched white.
    const rgba = Uint8ClampedArray.from([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128, 200, 10, 10, 51, 255, 255, 255, 255, 255, 255, 255, 0]);
    expect(Array.from(inkFromRgba(rgba, 3, 2))).toEqual([0, 1, 128 / 255, 0.2, 1, 0]);
  });

  it('refuses bytes that are not width × height pixels', () => {
    expect(() => inkFromRgba(new Uint8Array(15), 2, 2)).toThrow(RangeError);
  });
});
