import { GREYS_RGBA } from './greys';
import { IMAGE_SIDE, PIXELS_PER_IMAGE } from '../data/mnist';

export interface RowLayout {
  /** Width and height of one drawn digit, in device pixels. */
  readonly digitSize: number;
  /** Distance from one digit's left edge to the next, in device pixels. */
  readonly pitch: number;
  /** Where the digits start from the top of the image (below their labels), in device pixels. */
  readonly top?: number;
}

/** For each output coordinate 0…size-1, the source pixel 0…27 it shows (nearest neighbour). */
function sourceIndexTable(size: number): Uint8Array {
  const table = new Uint8Array(size);
  for (let i = 0; i < size; i++) table[i] = Math.min(IMAGE_SIDE - 1, Math.floor((i * IMAGE_SIDE) / size));
  return table;
}
const tableCache = new Map<number, Uint8Array>();
function cachedTable(size: number): Uint8Array {
  let table = tableCache.get(size);
  if (!table) {
    table = sourceIndexTable(size);
    tableCache.set(size, table);
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
): void {
  const out = new Uint32Array(target.data.buffer);
  const width = target.width;
  const { digitSize, pitch } = layout;
  const top = layout.top ?? 0;
  const map = cachedTable(digitSize);
  for (let d = 0; d < count; d++) {
    const pixels = pixelsAt(d);
    if (pixels.length < PIXELS_PER_IMAGE) continue;
    const left = d * pitch;
    for (let y = 0; y < digitSize; y++) {
      const srcRow = map[y]! * IMAGE_SIDE;
      const dst = (top + y) * width + left;
      for (let x = 0; x < digitSize; x++) out[dst + x] = GREYS_RGBA[pixels[srcRow + map[x]!]!]!;
    }
  }
}

const FRAME_RGBA = (() => {
  const word = new Uint32Array(1);
  new Uint8Array(word.buffer).set([0xc9, 0xc9, 0xc4, 0xff]);
  return word[0]!;
})();

/**
 * A 1-pixel frame around each cell (digit and label strip), drawn into the row image: framing
 * with CSS outlines made the browser raster thousands of boxes per frame at small zooms.
 */
export function paintCellFrames(target: ImageData, count: number, layout: RowLayout): void {
  const out = new Uint32Array(target.data.buffer);
  const { width, height } = target;
  const { digitSize, pitch } = layout;
  for (let d = 0; d < count; d++) {
    const left = d * pitch;
    const right = Math.min(width, left + digitSize) - 1;
    out.fill(FRAME_RGBA, left, right + 1);
    out.fill(FRAME_RGBA, (height - 1) * width + left, (height - 1) * width + right + 1);
    for (let y = 0; y < height; y++) {
      out[y * width + left] = FRAME_RGBA;
      out[y * width + right] = FRAME_RGBA;
    }
  }
}

/** Writes the labels of the given cells centred in the strip above them, on white. */
export function drawRowLabels(
  ctx: CanvasRenderingContext2D,
  cells: readonly number[],
  labelAt: (i: number) => string,
  layout: RowLayout & { readonly strip: number; readonly fontPx: number },
): void {
  const { digitSize, pitch, strip, fontPx } = layout;
  ctx.fillStyle = '#fff';
  for (const i of cells) ctx.fillRect(i * pitch, 0, digitSize, strip);
  ctx.fillStyle = '#333';
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const i of cells) ctx.fillText(labelAt(i), i * pitch + digitSize / 2, strip / 2);
}

/** Draws one digit scaled to fill `canvas` (whose size the caller sets). */
export function drawDigit(canvas: HTMLCanvasElement, pixels: Uint8Array): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const size = Math.min(canvas.width, canvas.height);
  const image = ctx.createImageData(size, size);
  paintDigitRow(image, 1, () => pixels, { digitSize: size, pitch: size });
  ctx.putImageData(image, 0, 0);
}
