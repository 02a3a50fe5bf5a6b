import { GREYS_RGBA } from './greys';
import { MNIST_GEOMETRY, type ImageGeometry } from '../data/dataset/dataset';
import { digitScaling, OUTSIDE } from './gridViewport';

export interface RowLayout {
  /** Width and height of one drawn digit, in device pixels. */
  readonly digitSize: number;
  /** Distance from one digit's left edge to the next, in device pixels. */
  readonly pitch: number;
  /** Where the digits start from the top of the image (below their labels), in device pixels. */
  readonly top?: number;
}

/**
 * Paints a row of digits into `target` (width = pitch × count, height = digitSize), upscaled with
 * nearest neighbour and coloured through the `Greys` table; the gaps between digits are left as
 * they are. `pixelsAt(i)` gives the 784 bytes of the i-th digit of the row (a view into the shared
 * buffer, never a copy).
 */
export function paintDigitRow(
  target: ImageData,
  count: number,
  pixelsAt: (i: number) => Uint8Array,
  layout: RowLayout,
  geometry: ImageGeometry = MNIST_GEOMETRY,
): void {
  const out = new Uint32Array(target.data.buffer);
  const width = target.width;
  const { digitSize, pitch } = layout;
  const top = layout.top ?? 0;
  const map = digitScaling(digitSize, geometry).table;
  const background = GREYS_RGBA[0]!;
  for (let d = 0; d < count; d++) {
    const pixels = pixelsAt(d);
    if (pixels.length < geometry.rows * geometry.cols) continue;
    const left = d * pitch;
    for (let y = 0; y < digitSize; y++) {
      const row = y * digitSize;
      const dst = (top + y) * width + left;
      for (let x = 0; x < digitSize; x++) {
        const src = map[row + x]!;
        out[dst + x] = src === OUTSIDE ? background : GREYS_RGBA[pixels[src]!]!;
      }
    }
  }
}

/** Draws one digit scaled to fill `canvas` (whose size the caller sets). */
export function drawDigit(canvas: HTMLCanvasElement, pixels: Uint8Array, geometry: ImageGeometry = MNIST_GEOMETRY): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const size = Math.min(canvas.width, canvas.height);
  const image = ctx.createImageData(size, size);
  paintDigitRow(image, 1, () => pixels, { digitSize: size, pitch: size }, geometry);
  ctx.putImageData(image, 0, 0);
}
