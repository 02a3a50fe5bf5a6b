// The map of a dataset as one file, kept beside the decoded copy so the PCA runs once per
// dataset. Read back only if its envelope holds (keptFile.ts), it names the same data (the key)
// and digit count, and every number is finite with the variances falling and within the total.
// Body: the coordinates (f64, x and y per digit), then the components' variances (f64).
import type { DigitMap } from '../analysis/digitMap';
import { alignedBody, decodeKeptFile, encodeKeptFile, foreignHeader } from './keptFile';

const MAGIC = 'MNMAP001';
const FORMAT_VERSION = 1;
/** Components whose variance a map may carry: more is refused before allocating. */
const MAX_COMPONENTS = 1024;

export function encodeDigitMap(map: DigitMap, key: string, ms: number): Promise<Uint8Array<ArrayBuffer>> {
  const header = { version: FORMAT_VERSION, key, count: map.coordinates.length / 2, components: map.variances.length, totalVariance: map.totalVariance, timings: map.timings, ms };
  return encodeKeptFile(MAGIC, header, alignedBody([map.coordinates, map.variances]));
}

export async function decodeDigitMap(bytes: Uint8Array, key: string, count: number): Promise<{ map: DigitMap; ms: number } | { problem: string }> {
  const read = await decodeKeptFile(bytes, MAGIC);
  if ('problem' in read) return read;
  const { header, body } = read;
  const foreign = foreignHeader(header, FORMAT_VERSION, key, count);
  if (foreign) return foreign;
  const components = header.components;
  if (typeof components !== 'number' || !Number.isInteger(components) || components < 2 || components > MAX_COMPONENTS) return { problem: 'a component count no map has' };
  const { totalVariance, ms } = header;
  const timings = header.timings as DigitMap['timings'] | undefined;
  if (typeof totalVariance !== 'number' || !(totalVariance >= 0) || typeof ms !== 'number' || !Number.isFinite(ms)) return { problem: 'the header’s numbers are not numbers' };
  if (!timings || !['scatter', 'eigen', 'project'].every((t) => Number.isFinite((timings as unknown as Record<string, unknown>)[t]))) return { problem: 'the header has no timings' };
  if (body.byteLength !== count * 16 + components * 8) return { problem: `${body.byteLength} bytes where ${count * 16 + components * 8} are due` };
  const coordinates = new Float64Array(body.buffer, 0, count * 2);
  const variances = new Float64Array(body.buffer, count * 16, components);
  if (!coordinates.every(Number.isFinite)) return { problem: 'a coordinate is not a number' };
  let sum = 0;
  for (let i = 0; i < components; i++) {
    const v = variances[i]!;
    if (!Number.isFinite(v) || (i > 0 && v > variances[i - 1]!)) return { problem: 'the variances do not fall' };
    sum += Math.max(0, v);
  }
  if (sum > totalVariance * (1 + 1e-9) + 1e-9) return { problem: 'the components explain more than all the variance' };
  return { map: { coordinates, variances, totalVariance, timings }, ms };
}
