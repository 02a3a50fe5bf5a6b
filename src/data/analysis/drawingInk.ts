// The drawing pad's ink, as prepareDrawnDigit takes it. The pad paints opaque strokes on a
// transparent canvas, so how much ink a pixel holds is its alpha alone (the antialiased edges
// partly inked); the strokes' colour is the page's look (black on white, like the grid's Greys),
// not the ink's, and a dark theme or another colour changes nothing here.

/** Ink 0–1 of each pixel of `width × height` RGBA bytes (as `getImageData` gives them), row-major. */
export function inkFromRgba(rgba: ArrayLike<number>, width: number, height: number): Float64Array<ArrayBuffer> {
  const pixels = width * height;
  if (rgba.length !== pixels * 4) throw new RangeError(`${rgba.length} RGBA bytes are not ${width} × ${height} pixels`);
  const ink = new Float64Array(pixels);
  for (let p = 0; p < pixels; p++) ink[p] = rgba[p * 4 + 3]! / 255;
  return ink;
}
