// The map of every digit: its coordinates on the first two principal components of all digits,
// and how much of the pixels' variance the components explain (the map states it). A region of
// the map (a rectangle in those coordinates, as a link carries it) selects the digits inside.
import { pixelCount, type Dataset } from '../dataset/dataset';
import { principalComponents, project, type ImageBlock } from './pca';

/** Components computed: two are drawn; fifty are the usual projection for neighbourhoods, and their share is stated. */
export const MAP_COMPONENTS = 50;

export interface DigitMap {
  /** x, y of every digit by global id (train first), on components 1 and 2. */
  readonly coordinates: Float64Array<ArrayBuffer>;
  /** Variance along each of the first `MAP_COMPONENTS` components, largest first. */
  readonly variances: Float64Array<ArrayBuffer>;
  readonly totalVariance: number;
  /** Where the time went, in ms: the scatter matrix, the eigenvectors, the projection. */
  readonly timings: { readonly scatter: number; readonly eigen: number; readonly project: number };
}

/** A rectangle of the map, in its coordinates, x0 ≤ x1 and y0 ≤ y1. */
export interface MapRegion {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Map coordinates span a few thousand units; a tenth of one is finer than a screen pixel at any zoom the map offers. */
const REGION_DECIMALS = 1;
/** Beyond any coordinate a digit of bytes can have (|x − mean| ≤ 255 · √784 = 7,140). */
const REGION_LIMIT = 1e5;

/** A region as a link and the filter use it: corners ordered, rounded to what the link writes. */
export function normaliseMapRegion(a: { x: number; y: number }, b: { x: number; y: number }): MapRegion {
  const round = (v: number) => Math.round(Math.min(REGION_LIMIT, Math.max(-REGION_LIMIT, v)) * 10 ** REGION_DECIMALS) / 10 ** REGION_DECIMALS;
  const [x0, x1] = [round(Math.min(a.x, b.x)), round(Math.max(a.x, b.x))];
  const [y0, y1] = [round(Math.min(a.y, b.y)), round(Math.max(a.y, b.y))];
  return { x0, y0, x1, y1 };
}

export function formatMapRegion(region: MapRegion): string {
  return [region.x0, region.y0, region.x1, region.y1].map((v) => (Object.is(v, -0) ? 0 : v)).join(',');
}

/** A region from a link's text: four finite numbers within bounds; undefined otherwise. */
export function parseMapRegion(text: string): MapRegion | undefined {
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => !/^-?\d{1,6}(\.\d{1,6})?$/.test(p))) return undefined;
  const [x0, y0, x1, y1] = parts.map(Number) as [number, number, number, number];
  if ([x0, y0, x1, y1].some((v) => Math.abs(v) > REGION_LIMIT)) return undefined;
  return normaliseMapRegion({ x: x0, y: y0 }, { x: x1, y: y1 });
}

export function computeDigitMap(dataset: Dataset, now: () => number = () => performance.now()): DigitMap {
  const blocks: ImageBlock[] = [dataset.train, dataset.test];
  const started = now();
  let scattered = started;
  const pca = principalComponents(blocks, pixelCount(dataset), MAP_COMPONENTS, () => (scattered = now()));
  const eigen = now();
  const coordinates = project(blocks, pca, 2);
  return {
    coordinates,
    variances: pca.variances,
    totalVariance: pca.totalVariance,
    timings: { scatter: scattered - started, eigen: eigen - scattered, project: now() - eigen },
  };
}

export function inRegion(map: DigitMap, id: number, region: MapRegion): boolean {
  const x = map.coordinates[id * 2]!;
  const y = map.coordinates[id * 2 + 1]!;
  return x >= region.x0 && x <= region.x1 && y >= region.y0 && y <= region.y1;
}

/** The ids of `ids` inside `region`, in their order. */
export function idsInRegion(ids: Uint32Array, map: DigitMap, region: MapRegion): Uint32Array {
  const inside = new Uint32Array(ids.length);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (inRegion(map, ids[i]!, region)) inside[n++] = ids[i]!;
  return inside.slice(0, n);
}
