// The digit grid's picture: the rows on screen painted into one RGBA buffer straight from the
// split buffers, for one putImageData per repaint. A fling brings a whole screen of new rows every
// frame, so the work per frame is what this loop costs: one table look-up per drawn pixel of a
// source row, the rows a digit repeats when enlarged copied natively (copyWithin), the labels
// copied from pre-rasterized glyphs row by row, and, below the stored size, an area average per
// drawn pixel computed once per digit and kept (a digit 4 pixels wide reads 784 bytes for 16).
import { GREYS_RGBA } from './greys';
import { uprightIndex, type ImageGeometry } from '../data/dataset/dataset';

/** Where the cells go, in device pixels (fractions allowed: each position is rounded). */
export interface GridPaintLayout {
  /** Drawn size of a digit. */
  readonly digitSize: number;
  /** From one cell's left edge to the next. */
  readonly pitch: number;
  /** From one row's top edge to the next. */
  readonly rowPitch: number;
  /** Height of the label strip above a digit, or of the colour band below it (`banded`). */
  readonly strip: number;
  /** Labels as colour bands under the digits (dense zooms), else glyphs above them, with frames. */
  readonly banded: boolean;
}

export interface GridPaintData {
  /** Stored images of the train and test split, back to back per split; global ids, train first. */
  readonly train: Uint8Array;
  readonly test: Uint8Array;
  readonly trainCount: number;
  /** Digits of both splits. */
  readonly total: number;
  readonly geometry: ImageGeometry;
  /** The label of a global id. */
  readonly labelOf: (id: number) => number;
  /** Identifies the pixels (one load): kept downscaled digits are reused for an equal key. */
  readonly key: unknown;
}

export interface GridPaintLabels {
  /** Glyph words per label value (digitSize × strip), undefined for a label that is no class. */
  readonly glyphs: readonly (Uint32Array | undefined)[] | null;
  /** Colour word per global id for the bands. */
  readonly bands: Uint32Array | null;
}

/** One repaint: `rows` rows of `columns` cells from position `from` of `ids`. */
export interface GridPaint {
  readonly target: Uint32Array;
  readonly width: number;
  readonly height: number;
  readonly ids: Uint32Array;
  readonly from: number;
  readonly rows: number;
  readonly columns: number;
  readonly layout: GridPaintLayout;
  readonly data: GridPaintData;
  readonly labels: GridPaintLabels;
}

const FRAME_RGBA = (() => {
  const word = new Uint32Array(1);
  new Uint8Array(word.buffer).set([0xc9, 0xc9, 0xc4, 0xff]);
  return word[0]!;
})();
/** A drawn pixel outside the image (letterbox of a non-square image): paper white. */
export const OUTSIDE = -1;

export interface Scaling {
  /** Per drawn pixel of a size × size cell, the stored byte it shows (nearest), or OUTSIDE. */
  readonly table: Int32Array;
  /** Whether drawn row y shows the same stored row as y − 1 (then copied, not looked up). */
  readonly repeats: Uint8Array;
}

function scalingFor(size: number, geometry: ImageGeometry): Scaling {
  const { width, height, source } = uprightIndex(geometry);
  const side = Math.max(width, height);
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  const table = new Int32Array(size * size);
  const repeats = new Uint8Array(size);
  let previous = -2;
  for (let y = 0; y < size; y++) {
    const sy = Math.min(side - 1, Math.floor((y * side) / size)) - top;
    repeats[y] = sy === previous ? 1 : 0;
    previous = sy;
    for (let x = 0; x < size; x++) {
      const sx = Math.min(side - 1, Math.floor((x * side) / size)) - left;
      table[y * size + x] = sy < 0 || sy >= height || sx < 0 || sx >= width ? OUTSIDE : source[sy * width + sx]!;
    }
  }
  return { table, repeats };
}

const scalings = new Map<string, Scaling>();
/** How a digit is enlarged to size × size (nearest neighbour, stood upright, letterboxed): one table per size and shape. */
export function digitScaling(size: number, geometry: ImageGeometry): Scaling {
  const key = `${size}:${geometry.rows}:${geometry.cols}:${geometry.transposed ? 1 : 0}`;
  let scaling = scalings.get(key);
  if (!scaling) {
    if (scalings.size > 16) scalings.clear();
    scaling = scalingFor(size, geometry);
    scalings.set(key, scaling);
  }
  return scaling;
}

/**
 * How a digit is reduced to size × size (size ≤ its longer side), in storage order: each stored
 * row falls in one band of drawn pixels and is cut into runs of adjacent bytes that fall in the
 * same drawn pixel, so a digit is summed run by run (no table look-up per byte). The blocks tile
 * the letterboxed square, so every stored byte belongs to exactly one drawn pixel; `area` is each
 * drawn pixel's block in pixels of the square, paper included.
 */
interface Reduction {
  /** Per stored row: the drawn pixel index its band adds (row part). */
  readonly rowOut: Int32Array;
  /** Runs along a stored row: [start, end) columns and the drawn pixel index they add (column part). */
  readonly runStart: Int32Array;
  readonly runEnd: Int32Array;
  readonly runOut: Int32Array;
  readonly area: Float64Array;
}

function reductionFor(size: number, geometry: ImageGeometry): Reduction {
  const { rows, cols, transposed } = geometry;
  const height = transposed ? cols : rows;
  const width = transposed ? rows : cols;
  const side = Math.max(width, height);
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  // Block edges along the square's side: drawn pixel k covers [edge[k], edge[k + 1]).
  const edge = Array.from({ length: size + 1 }, (_, k) => Math.floor((k * side) / size));
  const blockOf = new Int32Array(side);
  for (let k = 0; k < size; k++) for (let i = edge[k]!; i < edge[k + 1]!; i++) blockOf[i] = k;
  // A stored row is an upright row (its columns upright columns), or, stored column by column,
  // an upright column (its bytes going down the picture).
  const rowOut = Int32Array.from({ length: rows }, (_, r) => (transposed ? blockOf[r + left]! : blockOf[r + top]! * size));
  const colShift = transposed ? top : left;
  const colStride = transposed ? size : 1;
  const starts: number[] = [];
  const ends: number[] = [];
  const outs: number[] = [];
  for (let c = 0; c < cols; c++) {
    const block = blockOf[c + colShift]!;
    if (c > 0 && blockOf[c - 1 + colShift] === block) ends[ends.length - 1] = c + 1;
    else {
      starts.push(c);
      ends.push(c + 1);
      outs.push(block * colStride);
    }
  }
  const area = new Float64Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) area[y * size + x] = (edge[y + 1]! - edge[y]!) * (edge[x + 1]! - edge[x]!);
  return { rowOut, runStart: Int32Array.from(starts), runEnd: Int32Array.from(ends), runOut: Int32Array.from(outs), area };
}

const reductions = new Map<string, Reduction>();
function digitReduction(size: number, geometry: ImageGeometry): Reduction {
  const key = `${size}:${geometry.rows}:${geometry.cols}:${geometry.transposed ? 1 : 0}`;
  let reduction = reductions.get(key);
  if (!reduction) {
    if (reductions.size > 16) reductions.clear();
    reduction = reductionFor(size, geometry);
    reductions.set(key, reduction);
  }
  return reduction;
}

let sums = new Uint32Array(0);

/**
 * A digit reduced to size × size by the mean of the stored pixels each drawn pixel covers (the
 * upright image letterboxed into its longer side; pixels outside count as paper): what a 4-pixel
 * thumbnail must show, where nearest sampling would keep 16 of 784 pixels and lose thin strokes.
 * Reads `pixels` from `offset` (one image's bytes) and writes `out` from `outAt`.
 */
export function downscaleDigit(pixels: Uint8Array, geometry: ImageGeometry, size: number, out: Uint8Array, offset = 0, outAt = 0): void {
  const { rowOut, runStart, runEnd, runOut, area } = digitReduction(size, geometry);
  const cells = size * size;
  if (sums.length < cells) sums = new Uint32Array(cells);
  const acc = sums;
  acc.fill(0, 0, cells);
  const cols = geometry.cols;
  const runs = runStart.length;
  for (let r = 0; r < rowOut.length; r++) {
    const base = offset + r * cols;
    const band = rowOut[r]!;
    for (let k = 0; k < runs; k++) {
      let sum = 0;
      const stop = base + runEnd[k]!;
      for (let i = base + runStart[k]!; i < stop; i++) sum += pixels[i]!;
      acc[band + runOut[k]!]! += sum;
    }
  }
  for (let k = 0; k < cells; k++) out[outAt + k] = Math.round(acc[k]! / area[k]!);
}

/**
 * Downscaled digits of one load at one size, made when first drawn and kept. Where memory can be
 * shared (a cross-origin isolated page), both arrays are in shared memory, so a worker can reduce
 * digits ahead into them (`reduceInto`) while the page paints: a digit's bytes are written before
 * its `made` flag, and the flag is read and written with Atomics, so a painter that sees it set
 * sees the bytes.
 */
export interface Thumbnails {
  readonly key: unknown;
  readonly size: number;
  readonly bytes: Uint8Array;
  readonly made: Uint8Array;
}
let thumbnails: Thumbnails | null = null;

const canShare = () => typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
const bytesOf = (n: number) => new Uint8Array(canShare() ? new SharedArrayBuffer(n) : new ArrayBuffer(n));

/** The kept thumbnails of this load at this size (made afresh for another load or size). */
export function thumbnailsFor(data: GridPaintData, size: number, total: number): Thumbnails {
  if (!thumbnails || thumbnails.key !== data.key || thumbnails.size !== size || thumbnails.made.length < total) {
    // One size of one load at a time: a zoom change or a new load lets the old ones go.
    thumbnails = { key: data.key, size, bytes: bytesOf(total * size * size), made: bytesOf(total) };
  }
  return thumbnails;
}

/** Whether a worker can fill these thumbnails (they are in shared memory, as the pixels are). */
export function isShared(kept: Thumbnails, data: Pick<GridPaintData, 'train' | 'test'>): boolean {
  return [kept.bytes, kept.made, data.train, data.test].every((a) => typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer);
}

/** What reducing ahead reads: the pixels, without the page's label look-up or load key. */
export type ReducePixels = Pick<GridPaintData, 'train' | 'test' | 'trainCount' | 'total' | 'geometry'>;

/**
 * Reduces digits of `ids` into `kept` from position `start` to the end and then from the top, until
 * `deadline` (performance.now()) or the end. Returns the position to go on from, or -1 once every
 * digit of `ids` is reduced.
 */
export function reduceInto(kept: Pick<Thumbnails, 'bytes' | 'made'>, data: ReducePixels, size: number, ids: Uint32Array, start: number, deadline = Infinity): number {
  const pixelsPer = data.geometry.rows * data.geometry.cols;
  const cellArea = size * size;
  const n = ids.length;
  for (let step = 0; step < n; step++) {
    const pos = (start + step) % n;
    const id = ids[pos]!;
    if (id >= data.total || Atomics.load(kept.made, id) === 1) continue;
    const images = id < data.trainCount ? data.train : data.test;
    const offset = (id < data.trainCount ? id : id - data.trainCount) * pixelsPer;
    if (offset + pixelsPer > images.length || (id + 1) * cellArea > kept.bytes.length) continue;
    downscaleDigit(images, data.geometry, size, kept.bytes, offset, id * cellArea);
    Atomics.store(kept.made, id, 1);
    // The clock is read every 256 digits (~0.3 ms of work at 4 px).
    if ((step & 255) === 255 && performance.now() >= deadline) return (pos + 1) % n;
  }
  return -1;
}

/**
 * Reduces digits of `ids` to `size` ahead of their first paint (the kept thumbnails the painter
 * uses), from position `start` on, until `deadline` (performance.now()); see `reduceInto`. Only
 * below the stored size; a call at another size or for other data starts that size's thumbnails
 * afresh, as a paint would.
 */
export function reduceAhead(data: GridPaintData, size: number, ids: Uint32Array, start: number, deadline: number): number {
  const side = Math.max(data.geometry.rows, data.geometry.cols);
  if (size >= side || ids.length === 0) return -1;
  return reduceInto(thumbnailsFor(data, size, data.total), data, size, ids, start, deadline);
}

/**
 * Paints the rows into `target` (width × height RGBA words, cleared to transparent first so the
 * grid's background shows between cells). Returns the positions whose label had no glyph (odd
 * labels), for the caller to write as text.
 */
export function paintGridRows(paint: GridPaint): number[] {
  const { target, width, height, ids, from, rows, columns, layout, data, labels } = paint;
  const { digitSize, pitch, rowPitch, strip, banded } = layout;
  target.fill(0);
  const pixelsPer = data.geometry.rows * data.geometry.cols;
  const side = Math.max(data.geometry.rows, data.geometry.cols);
  const shrink = digitSize < side;
  const scaling = shrink ? null : digitScaling(digitSize, data.geometry);
  const kept = shrink ? thumbnailsFor(data, digitSize, data.total) : null;
  const cellArea = digitSize * digitSize;
  const white = GREYS_RGBA[0]!;
  const missing: number[] = [];
  const firstDrawn = new Map<number, number>();
  const end = Math.min(ids.length, from + rows * columns);
  for (let pos = from; pos < end; pos++) {
    const id = ids[pos]!;
    const cell = pos - from;
    const left = Math.round((cell % columns) * pitch);
    const rowTop = Math.round(Math.floor(cell / columns) * rowPitch);
    const digitTop = banded ? rowTop : rowTop + strip;
    const cellWidth = Math.min(digitSize, width - left);
    if (cellWidth <= 0 || rowTop >= height) continue;
    const drawnRows = Math.min(digitSize, height - digitTop);
    const images = id < data.trainCount ? data.train : data.test;
    const offset = (id < data.trainCount ? id : id - data.trainCount) * pixelsPer;
    if (id >= data.total || offset + pixelsPer > images.length) continue;
    if (kept) {
      const at = id * cellArea;
      if (Atomics.load(kept.made, id) === 0) {
        downscaleDigit(images, data.geometry, digitSize, kept.bytes, offset, at);
        Atomics.store(kept.made, id, 1);
      }
      const bytes = kept.bytes;
      for (let y = 0; y < drawnRows; y++) {
        const dst = (digitTop + y) * width + left;
        const src = at + y * digitSize;
        for (let x = 0; x < cellWidth; x++) target[dst + x] = GREYS_RGBA[bytes[src + x]!]!;
      }
    } else {
      const { table, repeats } = scaling!;
      for (let y = 0; y < drawnRows; y++) {
        const dst = (digitTop + y) * width + left;
        if (repeats[y] === 1) {
          target.copyWithin(dst, dst - width, dst - width + cellWidth);
          continue;
        }
        const row = y * digitSize;
        for (let x = 0; x < cellWidth; x++) {
          const src = table[row + x]!;
          target[dst + x] = src === OUTSIDE ? white : GREYS_RGBA[images[offset + src]!]!;
        }
      }
    }
    if (banded) {
      const colour = labels.bands?.[id];
      if (colour === undefined) continue;
      for (let y = digitTop + digitSize; y < Math.min(height, digitTop + digitSize + strip); y++) target.fill(colour, y * width + left, y * width + left + cellWidth);
      continue;
    }
    const label = data.labelOf(id);
    const glyph = labels.glyphs?.[label];
    if (glyph) {
      // A label met again in this picture is copied from where it was first drawn (no views made per cell).
      const drawnAt = cellWidth === digitSize ? firstDrawn.get(label) : undefined;
      for (let y = 0; y < strip && rowTop + y < height; y++) {
        const dst = (rowTop + y) * width + left;
        if (drawnAt === undefined) target.set(glyph.subarray(y * digitSize, y * digitSize + cellWidth), dst);
        else target.copyWithin(dst, drawnAt + y * width, drawnAt + y * width + cellWidth);
      }
      if (drawnAt === undefined && cellWidth === digitSize && rowTop + strip <= height) firstDrawn.set(label, rowTop * width + left);
    } else {
      missing.push(pos);
    }
    paintFrame(target, width, height, left, rowTop, cellWidth, strip + digitSize);
  }
  return missing;
}

/** A 1-pixel frame around a cell (label strip and digit), drawn into the picture like the digits. */
function paintFrame(target: Uint32Array, width: number, height: number, left: number, top: number, cellWidth: number, cellHeight: number): void {
  const bottom = Math.min(height, top + cellHeight) - 1;
  const right = left + cellWidth - 1;
  target.fill(FRAME_RGBA, top * width + left, top * width + right + 1);
  if (bottom === top + cellHeight - 1) target.fill(FRAME_RGBA, bottom * width + left, bottom * width + right + 1);
  for (let y = top; y <= bottom; y++) {
    target[y * width + left] = FRAME_RGBA;
    target[y * width + right] = FRAME_RGBA;
  }
}
