// A digit drawn on the page, prepared as MNIST's digits were (LeCun, Cortes & Burges): the ink's
// bounding box scaled to fit a 20 × 20 box, aspect ratio kept, anti-aliased (each new pixel the
// mean of the ink it covers), then placed in 28 × 28 so that its centre of mass falls on the
// centre (row and column 14, as the usual `scipy.ndimage.center_of_mass` recipe places it),
// shifted by whole pixels.

export const DRAWN_SIDE = 28;
const BOX = 20;

export interface PreparedDigit {
  /** 28 × 28 ink in 0–1, row-major. */
  readonly ink: Float64Array<ArrayBuffer>;
  /** The same as MNIST's bytes (0 background, 255 full ink), rounded. */
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/**
 * `ink`: the drawing, `width × height` values in 0–1 (0 = no ink), row-major. Null when nothing
 * is drawn.
 */
export function prepareDrawnDigit(ink: ArrayLike<number>, width: number, height: number): PreparedDigit | null {
  let [top, left, bottom, right] = [height, width, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > 0) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return null;
  const [boxWidth, boxHeight] = [right - left + 1, bottom - top + 1];
  const scale = BOX / Math.max(boxWidth, boxHeight);
  const [outWidth, outHeight] = [Math.max(1, Math.round(boxWidth * scale)), Math.max(1, Math.round(boxHeight * scale))];
  // Area resampling: output pixel (i, j) covers source rows [i/sy, (i+1)/sy) and columns alike.
  const [sy, sx] = [outHeight / boxHeight, outWidth / boxWidth];
  const scaled = new Float64Array(outWidth * outHeight);
  for (let i = 0; i < outHeight; i++) {
    const [y0, y1] = [i / sy, (i + 1) / sy];
    for (let j = 0; j < outWidth; j++) {
      const [x0, x1] = [j / sx, (j + 1) / sx];
      let sum = 0;
      for (let y = Math.floor(y0); y < Math.min(boxHeight, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        if (wy <= 0) continue;
        for (let x = Math.floor(x0); x < Math.min(boxWidth, Math.ceil(x1)); x++) {
          const wx = Math.min(x + 1, x1) - Math.max(x, x0);
          if (wx > 0) sum += wy * wx * ink[(top + y) * width + left + x]!;
        }
      }
      scaled[i * outWidth + j] = Math.min(1, sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  // Centred in 28 × 28 first, then moved by whole pixels so the centre of mass is at (14, 14).
  const [offY, offX] = [Math.floor((DRAWN_SIDE - outHeight) / 2), Math.floor((DRAWN_SIDE - outWidth) / 2)];
  let [mass, my, mx] = [0, 0, 0];
  for (let i = 0; i < outHeight; i++) {
    for (let j = 0; j < outWidth; j++) {
      const v = scaled[i * outWidth + j]!;
      mass += v;
      my += v * (i + offY);
      mx += v * (j + offX);
    }
  }
  const [shiftY, shiftX] = mass > 0 ? [Math.round(DRAWN_SIDE / 2 - my / mass), Math.round(DRAWN_SIDE / 2 - mx / mass)] : [0, 0];
  const out = new Float64Array(DRAWN_SIDE * DRAWN_SIDE);
  for (let i = 0; i < outHeight; i++) {
    const y = i + offY + shiftY;
    if (y < 0 || y >= DRAWN_SIDE) continue;
    for (let j = 0; j < outWidth; j++) {
      const x = j + offX + shiftX;
      if (x >= 0 && x < DRAWN_SIDE) out[y * DRAWN_SIDE + x] = scaled[i * outWidth + j]!;
    }
  }
  return { ink: out, bytes: Uint8Array.from(out, (v) => Math.round(v * 255)) };
}
