// A region of a map, in the coordinates of the layout it was drawn on: a rectangle, or a freehand
// lasso. Both go into the link in a bounded form, and what the filter uses is exactly what the
// link says: a drawn region is normalised through its link form before it selects anything.
//
// A lasso is simplified to at most MAX_LASSO_VERTICES corners, each placed on a 4,096 × 4,096
// grid over the lasso's bounding box and written as four base64url characters: the link holds
// the box (four numbers) and ≤ 240 characters of corners. Inside is the even-odd rule, the
// crossing test of a ray towards +x, with the same arithmetic as the Python the app writes.
import type { MapPoints } from './mapLayouts';

export interface MapBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export type MapRegion =
  /** A rectangle, x0 ≤ x1 and y0 ≤ y1. */
  | ({ readonly shape: 'rect' } & MapBox)
  /** A polygon: `codes` its corners on the grid over `box` (x, y pairs), `vertices` the same in map coordinates. */
  | { readonly shape: 'lasso'; readonly box: MapBox; readonly codes: readonly number[]; readonly vertices: readonly number[] };

/** Decimals a region's numbers keep: finer than a screen pixel on either layout (the PCA map spans thousands of units, UMAP tens). */
const REGION_DECIMALS = 2;
/** Beyond any coordinate a digit of bytes can have (|x − mean| ≤ 255 · √784 = 7,140). */
const REGION_LIMIT = 1e5;
export const MAX_LASSO_VERTICES = 60;
/** Grid steps across a lasso's box, per axis (12 bits: two base64url characters). */
const LASSO_STEPS = 4095;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The longest region a link can carry: a box of four numbers and every corner. */
export const MAX_REGION_TEXT = 'lasso:'.length + 4 * 10 + 3 + 1 + MAX_LASSO_VERTICES * 4;

const clamp = (v: number) => Math.min(REGION_LIMIT, Math.max(-REGION_LIMIT, v));
const scale = 10 ** REGION_DECIMALS;
const round = (v: number) => Math.round(clamp(v) * scale) / scale;
const number = (v: number) => String(Object.is(v, -0) ? 0 : v);

/** A rectangle as the link and the filter use it: corners ordered, rounded to what the link writes. */
export function normaliseMapRegion(a: { x: number; y: number }, b: { x: number; y: number }): MapRegion {
  const [x0, x1] = [round(Math.min(a.x, b.x)), round(Math.max(a.x, b.x))];
  const [y0, y1] = [round(Math.min(a.y, b.y)), round(Math.max(a.y, b.y))];
  return { shape: 'rect', x0, y0, x1, y1 };
}

/** The box a region lies in. */
export function regionBox(region: MapRegion): MapBox {
  return region.shape === 'rect' ? region : region.box;
}

function lassoOf(box: MapBox, codes: readonly number[]): MapRegion {
  const vx = (q: number) => box.x0 + ((box.x1 - box.x0) * q) / LASSO_STEPS;
  const vy = (q: number) => box.y0 + ((box.y1 - box.y0) * q) / LASSO_STEPS;
  return { shape: 'lasso', box, codes, vertices: codes.map((q, i) => (i % 2 === 0 ? vx(q) : vy(q))) };
}

/** Twice the signed area of a polygon of x, y pairs. */
function doubledArea(xy: readonly number[]): number {
  let sum = 0;
  for (let i = 0, j = xy.length - 2; i < xy.length; j = i, i += 2) sum += xy[j]! * xy[i + 1]! - xy[i]! * xy[j + 1]!;
  return sum;
}

/** Ramer–Douglas–Peucker: the corners of `path` (x, y pairs) that keep it within `tolerance`. */
function simplified(path: readonly number[], tolerance: number): number[] {
  const n = path.length / 2;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay, bx, by] = [path[a * 2]!, path[a * 2 + 1]!, path[b * 2]!, path[b * 2 + 1]!];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let far = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = [path[i * 2]!, path[i * 2 + 1]!];
      const d = length > 0 ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length : Math.hypot(px - ax, py - ay);
      if (d > far) [far, worst] = [d, i];
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return Array.from(keep).flatMap((k, i) => (k ? [path[i * 2]!, path[i * 2 + 1]!] : []));
}

/**
 * A freehand path (x, y pairs in map coordinates, as drawn) as the lasso a link carries:
 * simplified within `tolerance` map units (more, until it has at most MAX_LASSO_VERTICES
 * corners), on the grid of its box. Undefined when it encloses nothing (fewer than three corners, no area).
 */
export function lassoRegion(path: readonly number[], tolerance: number): MapRegion | undefined {
  if (path.length < 6 || path.some((v) => !Number.isFinite(v))) return undefined;
  let corners = simplified(path, tolerance);
  for (let t = tolerance * 2; corners.length / 2 > MAX_LASSO_VERTICES; t *= 2) corners = simplified(path, t);
  const xs = corners.filter((_, i) => i % 2 === 0);
  const ys = corners.filter((_, i) => i % 2 === 1);
  const box = {
    x0: Math.floor(clamp(Math.min(...xs)) * scale) / scale,
    y0: Math.floor(clamp(Math.min(...ys)) * scale) / scale,
    x1: Math.ceil(clamp(Math.max(...xs)) * scale) / scale,
    y1: Math.ceil(clamp(Math.max(...ys)) * scale) / scale,
  };
  if (box.x1 <= box.x0 || box.y1 <= box.y0) return undefined;
  const codes: number[] = [];
  for (let i = 0; i < corners.length; i += 2) {
    const qx = Math.round(((corners[i]! - box.x0) / (box.x1 - box.x0)) * LASSO_STEPS);
    const qy = Math.round(((corners[i + 1]! - box.y0) / (box.y1 - box.y0)) * LASSO_STEPS);
    const last = codes.length - 2;
    if (last >= 0 && codes[last] === qx && codes[last + 1] === qy) continue;
    codes.push(Math.min(LASSO_STEPS, Math.max(0, qx)), Math.min(LASSO_STEPS, Math.max(0, qy)));
  }
  if (codes.length >= 4 && codes[0] === codes[codes.length - 2] && codes[1] === codes[codes.length - 1]) codes.splice(-2);
  if (codes.length < 6 || doubledArea(codes) === 0) return undefined;
  return lassoOf(box, codes);
}

export function formatMapRegion(region: MapRegion): string {
  const box = regionBox(region);
  const numbers = [box.x0, box.y0, box.x1, box.y1].map(number).join(',');
  if (region.shape === 'rect') return numbers;
  const corners = region.codes.map((q) => BASE64URL[q >> 6]! + BASE64URL[q & 63]!).join('');
  return `lasso:${numbers}:${corners}`;
}

/** Why a region's text cannot be used, as the link notice says it ("must be …"). */
export const REGION_REASON = `must be four numbers x0,y0,x1,y1 on the map, or a lasso of at most ${MAX_LASSO_VERTICES} corners as the app writes it`;

function parseBox(text: string): MapBox | undefined {
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => !/^-?\d{1,6}(\.\d{1,6})?$/.test(p))) return undefined;
  const [x0, y0, x1, y1] = parts.map(Number) as [number, number, number, number];
  if ([x0, y0, x1, y1].some((v) => Math.abs(v) > REGION_LIMIT)) return undefined;
  return { x0, y0, x1, y1 };
}

/** A region from a link's text (untrusted): a rectangle's four numbers, or a lasso; undefined otherwise. */
export function parseMapRegion(text: string): MapRegion | undefined {
  if (text.length > MAX_REGION_TEXT) return undefined;
  const lasso = /^lasso:([^:]+):([A-Za-z0-9_-]+)$/.exec(text);
  if (!lasso) {
    const box = parseBox(text);
    return box && normaliseMapRegion({ x: box.x0, y: box.y0 }, { x: box.x1, y: box.y1 });
  }
  const box = parseBox(lasso[1]!);
  const corners = lasso[2]!;
  if (!box || box.x1 <= box.x0 || box.y1 <= box.y0 || corners.length % 4 !== 0) return undefined;
  if (corners.length / 4 < 3 || corners.length / 4 > MAX_LASSO_VERTICES) return undefined;
  const codes = Array.from({ length: corners.length / 2 }, (_, i) => BASE64URL.indexOf(corners[i * 2]!) * 64 + BASE64URL.indexOf(corners[i * 2 + 1]!));
  if (codes.some((q) => q > LASSO_STEPS) || doubledArea(codes) === 0) return undefined;
  const rounded = { x0: round(box.x0), y0: round(box.y0), x1: round(box.x1), y1: round(box.y1) };
  return lassoOf(rounded, codes);
}

/** Whether (x, y) is inside the polygon `xy` (x, y pairs), by the even-odd rule: a ray towards +x crosses its edges an odd number of times. */
export function insidePolygon(xy: readonly number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = xy.length - 2; i < xy.length; j = i, i += 2) {
    const [xi, yi, xj, yj] = [xy[i]!, xy[i + 1]!, xy[j]!, xy[j + 1]!];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether digit `id` lies inside `region` on the map whose points are `points` (x, y per digit). */
export function inRegion(points: MapPoints, id: number, region: MapRegion): boolean {
  const x = points[id * 2]!;
  const y = points[id * 2 + 1]!;
  const box = regionBox(region);
  if (!(x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1)) return false;
  return region.shape === 'rect' || insidePolygon(region.vertices, x, y);
}

/** The ids of `ids` inside `region`, in their order. */
export function idsInRegion(ids: Uint32Array, points: MapPoints, region: MapRegion): Uint32Array {
  const inside = new Uint32Array(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (inRegion(points, ids[i]!, region)) inside[n++] = ids[i]!;
  return inside.slice(0, n);
}

/** The region in words: a rectangle's corners, or a lasso's corners and box. */
export function describeMapRegion(region: MapRegion): string {
  const box = regionBox(region);
  const range = `x ${number(box.x0)} to ${number(box.x1)}, y ${number(box.y0)} to ${number(box.y1)}`;
  return region.shape === 'rect' ? `rectangle ${range}` : `lasso of ${region.codes.length / 2} corners within ${range}`;
}
