// The neighbourhood map as one file, kept with the decoded copy: the layout takes a minute, its
// read-back a moment. Read back only if its envelope holds (keptFile.ts), it names the same data
// (the key) and digit count, was laid out as the app lays it out now (neighbours, epochs, seed),
// and every coordinate is a finite number. Body: x, y of every digit (f32).
import type { NeighbourhoodMap } from '../analysis/mapLayouts';
import { alignedBody, decodeKeptFile, encodeKeptFile, foreignHeader } from './keptFile';

const MAGIC = 'MNUMAP01';
const FORMAT_VERSION = 1;

/** How the app lays out a map now: a kept map made otherwise is not the one it would draw. */
export interface LayoutSettings {
  readonly neighbours: number;
  readonly epochs: number;
  readonly seed: number;
}

export function encodeNeighbourhoodMap(map: NeighbourhoodMap, key: string, ms: number, library: string): Promise<Uint8Array<ArrayBuffer>> {
  const header = { version: FORMAT_VERSION, key, ms, count: map.coordinates.length / 2, neighbours: map.neighbours, epochs: map.epochs, seed: map.seed, timings: map.timings, library };
  return encodeKeptFile(MAGIC, header, alignedBody([map.coordinates]));
}

export async function decodeNeighbourhoodMap(
  bytes: Uint8Array,
  key: string,
  count: number,
  settings: LayoutSettings,
): Promise<{ map: NeighbourhoodMap; ms: number } | { problem: string }> {
  const read = await decodeKeptFile(bytes, MAGIC);
  if ('problem' in read) return read;
  const { header, body } = read;
  const foreign = foreignHeader(header, FORMAT_VERSION, key, count);
  if (foreign) return foreign;
  if (header.neighbours !== settings.neighbours || header.epochs !== settings.epochs || header.seed !== settings.seed) return { problem: 'laid out otherwise than the app lays it out now' };
  const { ms } = header;
  const timings = header.timings as NeighbourhoodMap['timings'] | undefined;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return { problem: 'the header has no time' };
  if (!timings || !Number.isFinite(timings.setup) || !Number.isFinite(timings.layout)) return { problem: 'the header has no timings' };
  if (body.byteLength !== count * 8) return { problem: `${body.byteLength} bytes where ${count * 8} are due` };
  const coordinates = new Float32Array(body.buffer, 0, count * 2);
  if (!coordinates.every(Number.isFinite)) return { problem: 'a coordinate is not a number' };
  return { map: { coordinates, neighbours: settings.neighbours, epochs: settings.epochs, seed: settings.seed, timings: { setup: timings.setup, layout: timings.layout } }, ms };
}
