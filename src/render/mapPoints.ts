// Drawing the map: every digit a small square of its label's colour, written straight into an
// ImageData (a fillRect per digit would take a frame's budget at MNIST's size), the digits
// outside the selection drawn first and faint, the selection on top and a little transparent at
// the full view, so that where points pile up reads darker. Plus the view's arithmetic:
// map units ↔ canvas pixels, and the digit nearest a pointer.
import type { MapPoints } from '../data/analysis/mapLayouts';

/** matplotlib's "tab10", the colours a notebook's scatter plot gives labels 0–9; further labels cycle. */
export const LABEL_COLOURS: readonly string[] = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
];

/** What part of the map the canvas shows: the map point at its centre and canvas pixels per map unit. */
export interface MapViewport {
  readonly cx: number;
  readonly cy: number;
  readonly scale: number;
}

/** The viewport showing every point of `coordinates` (x, y pairs) with a margin, in a canvas `width × height`. */
export function fitViewport(coordinates: MapPoints, width: number, height: number): MapViewport {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < coordinates.length; i += 2) {
    const x = coordinates[i]!;
    const y = coordinates[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!Number.isFinite(minX)) return { cx: 0, cy: 0, scale: 1 };
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width * 0.92) / spanX, (height * 0.92) / spanY);
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, scale: scale > 0 && Number.isFinite(scale) ? scale : 1 };
}

/** Canvas position of map point (x, y); y grows upwards on the map, downwards on the canvas. */
export function toCanvas(view: MapViewport, width: number, height: number, x: number, y: number): { x: number; y: number } {
  return { x: width / 2 + (x - view.cx) * view.scale, y: height / 2 - (y - view.cy) * view.scale };
}

export function toMap(view: MapViewport, width: number, height: number, px: number, py: number): { x: number; y: number } {
  return { x: view.cx + (px - width / 2) / view.scale, y: view.cy - (py - height / 2) / view.scale };
}

/** The viewport zoomed by `factor` about canvas point (px, py), which stays where it is. */
export function zoomAbout(view: MapViewport, width: number, height: number, px: number, py: number, factor: number): MapViewport {
  const anchor = toMap(view, width, height, px, py);
  const scale = view.scale * factor;
  return { scale, cx: anchor.x - (px - width / 2) / scale, cy: anchor.y + (py - height / 2) / scale };
}

/**
 * The id of the point nearest canvas point (px, py) within `radius` canvas pixels, preferring
 * points in the selection (`selected[id] === 1`); -1 when none is that near. A tie goes to the
 * point drawn last (the larger id), the one on top.
 */
export function nearestPoint(coordinates: MapPoints, selected: Uint8Array, view: MapViewport, width: number, height: number, px: number, py: number, radius: number): number {
  const centre = toMap(view, width, height, px, py);
  const r = radius / view.scale;
  let best = -1;
  let bestDistance = r * r;
  let bestSelected = 0;
  for (let id = 0, i = 0; i < coordinates.length; id++, i += 2) {
    const dx = coordinates[i]! - centre.x;
    const dy = coordinates[i + 1]! - centre.y;
    const d = dx * dx + dy * dy;
    if (d > r * r) continue;
    const isSelected = selected[id] ?? 0;
    if (isSelected > bestSelected || (isSelected === bestSelected && d <= bestDistance)) {
      best = id;
      bestDistance = d;
      bestSelected = isSelected;
    }
  }
  return best;
}

export function packed(hex: string, alpha = 255): number {
  const value = parseInt(hex.slice(1), 16);
  // ImageData is RGBA in memory; a little-endian Uint32 view reads it as ABGR.
  return ((alpha << 24) | ((value & 0xff) << 16) | (value & 0xff00) | ((value >> 16) & 0xff)) >>> 0;
}

export interface MapPaint {
  /** x, y of every digit by global id. */
  readonly points: MapPoints;
  /** Every digit's colour, packed as the canvas's bytes (pointColours). */
  readonly colours: Uint32Array;
  /** The order the digits are drawn in, the last on top; null: by id. */
  readonly order: Uint32Array | null;
  /** 1 for digits in the selection (split, labels, region), 0 for the rest, drawn faint beneath. */
  readonly selected: Uint8Array;
  readonly view: MapViewport;
  /** Side of a point's square in canvas pixels. */
  readonly pointSize: number;
  /** The page's background, `#rrggbb`: faint points are mixed towards it. */
  readonly background: string;
  /** How much of what is beneath one selected point covers, 0–1: below 1, overlapping points build up, so density reads. */
  readonly opacity: number;
}

const channelsOf = (packedColour: number) => [packedColour & 0xff, (packedColour >>> 8) & 0xff, (packedColour >>> 16) & 0xff] as const;

/**
 * Paints every point into `image` (whose size is the canvas's), clearing it to the background
 * first; returns how many selected digits fell inside the canvas.
 */
export function paintMapPoints(image: ImageData, paint: MapPaint): number {
  const { points, colours, order, selected, view, pointSize, background } = paint;
  const { width, height } = image;
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
  const ground = packed(background);
  pixels.fill(ground);
  const [br, bg, bb] = channelsOf(ground);
  const faintShare = 56; // of 256: the faint points' colour mixed towards the background
  const alpha = Math.max(1, Math.min(256, Math.round(paint.opacity * 256)));
  const half = pointSize / 2;
  const count = points.length / 2;
  let shown = 0;
  for (const pass of [0, 1]) {
    for (let n = 0; n < count; n++) {
      const id = order ? order[n]! : n;
      if ((selected[id] ?? 0) !== pass) continue;
      const x0 = Math.round(width / 2 + (points[id * 2]! - view.cx) * view.scale - half);
      const y0 = Math.round(height / 2 - (points[id * 2 + 1]! - view.cy) * view.scale - half);
      if (x0 >= width || y0 >= height || x0 + pointSize <= 0 || y0 + pointSize <= 0) continue;
      const [r, g, b] = channelsOf(colours[id]!);
      const xs = Math.max(0, x0);
      const xe = Math.min(width, x0 + pointSize);
      const ye = Math.min(height, y0 + pointSize);
      if (pass === 0) {
        const faint = (0xff << 24) | ((bb + (((b - bb) * faintShare) >> 8)) << 16) | ((bg + (((g - bg) * faintShare) >> 8)) << 8) | (br + (((r - br) * faintShare) >> 8));
        for (let y = Math.max(0, y0); y < ye; y++) pixels.fill(faint >>> 0, y * width + xs, y * width + xe);
        continue;
      }
      shown++;
      for (let y = Math.max(0, y0); y < ye; y++) {
        for (let p = y * width + xs, end = y * width + xe; p < end; p++) {
          const [dr, dg, db] = channelsOf(pixels[p]!);
          pixels[p] = ((0xff << 24) | ((db + (((b - db) * alpha) >> 8)) << 16) | ((dg + (((g - dg) * alpha) >> 8)) << 8) | (dr + (((r - dr) * alpha) >> 8))) >>> 0;
        }
      }
    }
  }
  return shown;
}
