// The statistics of a dataset as one file, kept beside the decoded copy so a warm load shows
// them at once. A kept file is untrusted input like any other: it is read back only if its
// envelope holds (keptFile.ts: the SHA-256 covers header and body), it names the same data (the
// key: the SHA-256 of the four IDX files) and every array has exactly the length the data's shape
// asks for. Anything else is "not kept".
//
// Body: the arrays (8-byte aligned) in the order of ARRAYS, train before test, then the
// rankings in the order of KEYED_ORDERS.
import { alignedBody, align8, decodeKeptFile, encodeKeptFile } from './keptFile';
import { KEYED_ORDERS, type KeyedOrder, type Rankings } from '../dataset/sortOrder';
import { SPLITS, type Split } from '../dataset/fileSlots';
import { PIXEL_VALUES, type DatasetStatistics, type SplitStatistics } from '../analysis/statistics';

const MAGIC = 'MNSTATS1';
// 2: the rankings of every sort order follow the statistics. 3: any image shape and label count.
// 4: the shared envelope (its SHA-256 covers the header too; 1–3 had their own, over the body).
const FORMAT_VERSION = 4;

/** What the arrays' lengths follow from: pixels per image and label slots (then the "all" row). */
interface Shape {
  readonly pixels: number;
  readonly labelSlots: number;
}

type ArrayField = 'pixelSums' | 'pixelSquareSums' | 'pixelHistogram' | 'ink' | 'distance';
const ARRAYS: readonly { field: ArrayField; kind: 'f64' | 'u32'; length: (count: number, shape: Shape) => number }[] = [
  { field: 'pixelSums', kind: 'f64', length: (_, shape) => (shape.labelSlots + 1) * shape.pixels },
  { field: 'pixelSquareSums', kind: 'f64', length: (_, shape) => (shape.labelSlots + 1) * shape.pixels },
  { field: 'pixelHistogram', kind: 'f64', length: (_, shape) => (shape.labelSlots + 1) * PIXEL_VALUES },
  { field: 'ink', kind: 'u32', length: (count) => count },
  { field: 'distance', kind: 'f64', length: (count) => count },
];

interface Header {
  readonly version: number;
  readonly key: string;
  readonly ms: number;
  readonly splits: Record<Split, { count: number; labelCounts: number[]; otherLabels: number }>;
}

export async function encodeStatistics(statistics: DatasetStatistics, rankings: Rankings, key: string, ms: number): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  for (const split of SPLITS) for (const { field } of ARRAYS) {
    const a = statistics[split][field];
    parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  for (const order of KEYED_ORDERS) parts.push(new Uint8Array(rankings[order].buffer, rankings[order].byteOffset, rankings[order].byteLength));
  const header: Header = {
    version: FORMAT_VERSION,
    key,
    ms,
    splits: Object.fromEntries(SPLITS.map((s) => [s, { count: statistics[s].count, labelCounts: [...statistics[s].labelCounts], otherLabels: statistics[s].otherLabels }])) as Header['splits'],
  };
  return encodeKeptFile(MAGIC, { ...header }, alignedBody(parts));
}

export type DecodedStatistics = { readonly statistics: DatasetStatistics; readonly rankings: Rankings; readonly ms: number };

/**
 * The statistics in `bytes` if they are whole and of the data named by `key` with these split
 * sizes; otherwise why not (a sentence, for the console and tests).
 */
export async function decodeStatistics(
  bytes: Uint8Array,
  key: string,
  counts: Record<Split, number>,
  shape: Shape,
): Promise<DecodedStatistics | { readonly problem: string }> {
  const read = await decodeKeptFile(bytes, MAGIC);
  if ('problem' in read) return read;
  const header = read.header as unknown as Header;
  if (header.version !== FORMAT_VERSION) return { problem: 'another format version' };
  if (header.key !== key) return { problem: 'kept for other data' };
  const body = read.body;
  // The body is whole; check the shape it claims is the data's shape before trusting any length.
  let expected = 0;
  for (const split of SPLITS) {
    const s = header.splits?.[split];
    if (!s || s.count !== counts[split]) return { problem: `${split}: kept for ${String(s?.count)} digits, the data has ${counts[split]}` };
    if (!Array.isArray(s.labelCounts) || s.labelCounts.length !== shape.labelSlots || !s.labelCounts.every((n) => Number.isInteger(n) && n >= 0) || !Number.isInteger(s.otherLabels)) {
      return { problem: `${split}: label counts are not counts` };
    }
    if (s.labelCounts.reduce((a, b) => a + b, 0) + s.otherLabels !== s.count) return { problem: `${split}: label counts do not add up` };
    for (const a of ARRAYS) expected += align8(a.length(s.count, shape) * (a.kind === 'f64' ? 8 : 4));
  }
  const total = counts.train + counts.test;
  expected += KEYED_ORDERS.length * align8(total * 4);
  if (body.byteLength !== expected) return { problem: `${body.byteLength} bytes of arrays where ${expected} are due` };
  // The envelope's body is an aligned copy: viewed as the arrays.
  const own = body;
  let at = 0;
  const splits = {} as Record<Split, SplitStatistics>;
  for (const split of SPLITS) {
    const s = header.splits[split];
    const arrays = {} as Record<ArrayField, Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>;
    for (const a of ARRAYS) {
      const length = a.length(s.count, shape);
      arrays[a.field] = a.kind === 'f64' ? new Float64Array(own.buffer, at, length) : new Uint32Array(own.buffer, at, length);
      at += align8(length * (a.kind === 'f64' ? 8 : 4));
    }
    splits[split] = {
      split,
      count: s.count,
      pixels: shape.pixels,
      labelCounts: s.labelCounts,
      otherLabels: s.otherLabels,
      pixelSums: arrays.pixelSums as Float64Array<ArrayBuffer>,
      pixelSquareSums: arrays.pixelSquareSums as Float64Array<ArrayBuffer>,
      pixelHistogram: arrays.pixelHistogram as Float64Array<ArrayBuffer>,
      ink: arrays.ink as Uint32Array<ArrayBuffer>,
      distance: arrays.distance as Float64Array<ArrayBuffer>,
    };
  }
  const rankings = {} as Record<KeyedOrder, Uint32Array<ArrayBuffer>>;
  for (const order of KEYED_ORDERS) {
    const ranked = new Uint32Array(own.buffer, at, total);
    at += align8(total * 4);
    // A ranking must be a permutation of the ids: anything else would show a digit twice.
    const seen = new Uint8Array(total);
    for (let i = 0; i < total; i++) {
      const id = ranked[i]!;
      if (id >= total || seen[id]) return { problem: `the ${order} ranking is not a permutation` };
      seen[id] = 1;
    }
    rankings[order] = ranked;
  }
  return { statistics: splits, rankings, ms: typeof header.ms === 'number' ? header.ms : NaN };
}
