// Pictures on the map. Zoomed out, each crowded patch of the map shows a representative digit:
// the selected digit nearest the centroid of the selected points in that patch (a real digit,
// the most typical place of the patch, not an average nobody wrote). Zoomed in far enough, the
// points become the digits themselves, their ink in the point's colour.
import type { MapPoints } from '../data/analysis/mapLayouts';
import type { MapViewport } from './mapPoints';

export interface Representative {
  readonly id: number;
  /** Where to draw it: the patch's centroid, in canvas pixels. */
  readonly x: number;
  readonly y: number;
}

/**
 * One representative per `cell × cell` patch of the canvas holding at least `minimum` selected
 * points, in patch order (top-left first).
 */
export function representatives(points: MapPoints, selected: Uint8Array, view: MapViewport, width: number, height: number, cell: number, minimum: number): Representative[] {
  const columns = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const cells = columns * rows;
  const counts = new Uint32Array(cells);
  const sumX = new Float64Array(cells);
  const sumY = new Float64Array(cells);
  const count = points.length / 2;
  const patchOf = (id: number): number => {
    const x = width / 2 + (points[id * 2]! - view.cx) * view.scale;
    const y = height / 2 - (points[id * 2 + 1]! - view.cy) * view.scale;
    if (!(x >= 0 && x < width && y >= 0 && y < height)) return -1;
    return Math.floor(y / cell) * columns + Math.floor(x / cell);
  };
  for (let id = 0; id < count; id++) {
    if (!selected[id]) continue;
    const patch = patchOf(id);
    if (patch < 0) continue;
    counts[patch]!++;
    sumX[patch]! += points[id * 2]!;
    sumY[patch]! += points[id * 2 + 1]!;
  }
  const best = new Int32Array(cells).fill(-1);
  const bestDistance = new Float64Array(cells).fill(Infinity);
  for (let id = 0; id < count; id++) {
    if (!selected[id]) continue;
    const patch = patchOf(id);
    if (patch < 0 || counts[patch]! < minimum) continue;
    const dx = points[id * 2]! - sumX[patch]! / counts[patch]!;
    const dy = points[id * 2 + 1]! - sumY[patch]! / counts[patch]!;
    const d = dx * dx + dy * dy;
    if (d < bestDistance[patch]!) [bestDistance[patch], best[patch]] = [d, id];
  }
  const found: Representative[] = [];
  for (let patch = 0; patch < cells; patch++) {
    const id = best[patch]!;
    if (id < 0) continue;
    found.push({ id, x: width / 2 + (sumX[patch]! / counts[patch]! - view.cx) * view.scale, y: height / 2 - (sumY[patch]! / counts[patch]! - view.cy) * view.scale });
  }
  return found;
}

export interface DigitStamp {
  /** The digit's bytes as stored, 0 = background. */
  readonly image: Uint8Array;
  /** Which stored byte each pixel of the upright image is (uprightIndex: EMNIST is stored transposed). */
  readonly upright: { readonly width: number; readonly height: number; readonly source: ArrayLike<number> };
  /** Top-left corner and side in canvas pixels. */
  readonly left: number;
  readonly top: number;
  readonly size: number;
  /** Ink and card colours, packed as the canvas's bytes. */
  readonly ink: number;
  readonly card: number;
  /** A frame of the ink colour around an opaque card (representatives); otherwise only the ink is drawn. */
  readonly framed: boolean;
}

/** Draws a digit into the canvas's pixels (width × height), upright, scaled to `size` by nearest pixel. */
export function stampDigit(pixels: Uint32Array, width: number, height: number, stamp: DigitStamp): void {
  const { image, left, top, size, ink, card, framed } = stamp;
  const { width: cols, height: rows, source } = stamp.upright;
  const ir = ink & 0xff;
  const ig = (ink >>> 8) & 0xff;
  const ib = (ink >>> 16) & 0xff;
  const x0 = Math.max(0, left);
  const x1 = Math.min(width, left + size);
  // Which image column each canvas column reads, once per stamp (this runs per pixel, each frame).
  const column = new Int32Array(Math.max(0, x1 - x0));
  for (let x = x0; x < x1; x++) column[x - x0] = Math.min(cols - 1, Math.floor(((x - left) * cols) / size));
  for (let y = Math.max(0, top); y < Math.min(height, top + size); y++) {
    const rowStart = Math.min(rows - 1, Math.floor(((y - top) * rows) / size)) * cols;
    const edgeRow = framed && (y === top || y === top + size - 1);
    for (let x = x0, p = y * width + x0; x < x1; x++, p++) {
      if (framed && (edgeRow || x === left || x === left + size - 1)) {
        pixels[p] = ink;
        continue;
      }
      const v = image[source[rowStart + column[x - x0]!]!]!;
      const under = framed ? card : pixels[p]!;
      if (v === 0) {
        pixels[p] = under;
        continue;
      }
      const ur = under & 0xff;
      const ug = (under >>> 8) & 0xff;
      const ub = (under >>> 16) & 0xff;
      pixels[p] = ((0xff << 24) | ((ub + (((ib - ub) * v) / 255) | 0) << 16) | ((ug + (((ig - ug) * v) / 255) | 0) << 8) | (ur + (((ir - ur) * v) / 255) | 0)) >>> 0;
    }
  }
}
