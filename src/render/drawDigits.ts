import { GREYS_RGBA } from './greys';
import { MNIST_GEOMETRY, uprightIndex, type ImageGeometry } from '../data/dataset/dataset';

export interface RowLayout {
  /** Width and height of one drawn digit, in device pixels. */
  readonly digitSize: number;
  /** Distance from one digit's left edge to the next, in device pixels. */
  readonly pitch: number;
  /** Where the digits start from the top of the image (below their labels), in device pixels. */
  readonly top?: number;
}

/** Marks a drawn pixel outside the image (a letterbox of a non-square image): left blank. */
const OUTSIDE = 0xffffffff;

/**
 * For each pixel of a size × size cell, the stored byte it shows (nearest neighbour): the image
 * stood upright (EMNIST is stored transposed) and fitted by its longer side, centred.
 */
function cellTable(size: number, geometry: ImageGeometry): Uint32Array {
  const { width, height, source } = uprightIndex(geometry);
  const side = Math.max(width, height);
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  const table = new Uint32Array(size * size);
  for (let y = 0; y < size; y++) {
    const sy = Math.min(side - 1, Math.floor((y * side) / size)) - top;
    for (let x = 0; x < size; x++) {
      const sx = Math.min(side - 1, Math.floor((x * side) / size)) - left;
      table[y * size + x] = sy < 0 || sy >= height || sx < 0 || sx >= width ? OUTSIDE : source[sy * width + sx]!;
    }
  }
  return table;
}
const tableMemo = new Map<string, Uint32Array>();
function memoisedTable(size: number, geometry: ImageGeometry): Uint32Array {
  const key = `${size}:${geometry.rows}:${geometry.cols}:${geometry.transposed ? 1 : 0}`;
  let table = tableMemo.get(key);
  if (!table) {
    if (tableMemo.size > 32) tableMemo.clear();
    table = cellTable(size, geometry);
    tableMemo.set(key, table);
  }
  return table;
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
  const map = memoisedTable(digitSize, geometry);
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
