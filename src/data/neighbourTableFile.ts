// A split's neighbour table as one file, kept beside the decoded copy so suspect labels are
// computed once per dataset. Untrusted like any kept file: read back only if its SHA-256 matches,
// it names the same data (the key) and range, and every row holds k distinct other digits of the
// dataset at finite, non-decreasing distances. The scores are derived again from it and the
// labels (cheap), so a kept file cannot claim a score the data does not give.
//
// Layout: "MNKNN001", a little-endian u32 header length, the JSON header, then the ids (u32) and
// the distances (f64), 8-byte aligned. The header carries the SHA-256 of everything after it.
import type { NeighbourTable } from './knn';
import { sha256OfParts } from './sha256';

const MAGIC = 'MNKNN001';
const FORMAT_VERSION = 1;
/** More neighbours than any view asks for: a header claiming more is refused before allocating. */
const MAX_K = 64;

interface Header {
  readonly version: number;
  readonly key: string;
  readonly k: number;
  readonly from: number;
  readonly to: number;
  readonly total: number;
  readonly ms: number;
  readonly sha256: string;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export async function encodeNeighbourTable(table: NeighbourTable, key: string, total: number, ms: number): Promise<Uint8Array<ArrayBuffer>> {
  const idBytes = align8(table.ids.byteLength);
  const body = new Uint8Array(idBytes + table.distances.byteLength);
  body.set(new Uint8Array(table.ids.buffer, table.ids.byteOffset, table.ids.byteLength), 0);
  body.set(new Uint8Array(table.distances.buffer, table.distances.byteOffset, table.distances.byteLength), idBytes);
  const header: Header = { version: FORMAT_VERSION, key, k: table.k, from: table.from, to: table.to, total, ms, sha256: await sha256OfParts([body]) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(MAGIC.length + 4 + json.byteLength);
  const out = new Uint8Array(start + body.byteLength);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.byteLength, true);
  out.set(json, MAGIC.length + 4);
  out.set(body, start);
  return out;
}

export interface Expected {
  readonly key: string;
  readonly k: number;
  readonly from: number;
  readonly to: number;
  readonly total: number;
}

/** The table in `bytes` if it is whole and the one expected; otherwise why not. */
export async function decodeNeighbourTable(bytes: Uint8Array, expected: Expected): Promise<{ table: NeighbourTable; ms: number } | { problem: string }> {
  if (bytes.byteLength < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) return { problem: 'not a neighbour table' };
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  const start = align8(MAGIC.length + 4 + jsonLength);
  if (start > bytes.byteLength) return { problem: 'the header runs past the end' };
  // Not covered by the SHA-256, so checked here: the padding after the header is zeros.
  if (bytes.subarray(MAGIC.length + 4 + jsonLength, start).some((b) => b !== 0)) return { problem: 'the header’s padding is not zeros' };
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength))) as Header;
  } catch {
    return { problem: 'the header is not JSON' };
  }
  if (typeof header !== 'object' || header === null || header.version !== FORMAT_VERSION) return { problem: 'another format version' };
  if (typeof header.ms !== 'number' || !Number.isFinite(header.ms)) return { problem: 'the header has no time' };
  if (header.key !== expected.key) return { problem: 'kept for other data' };
  const { k, from, to, total } = expected;
  if (header.k !== k || header.from !== from || header.to !== to || header.total !== total) return { problem: 'kept for another range or k' };
  if (!(k >= 1 && k <= MAX_K && from >= 0 && to >= from && to <= total)) return { problem: 'a range no dataset has' };
  const body = bytes.subarray(start);
  const rows = to - from;
  const idBytes = align8(rows * k * 4);
  if (body.byteLength !== idBytes + rows * k * 8) return { problem: `${body.byteLength} bytes where ${idBytes + rows * k * 8} are due` };
  if (typeof header.sha256 !== 'string' || (await sha256OfParts([body])) !== header.sha256) return { problem: 'its SHA-256 does not match' };
  const own = body.slice();
  const ids = new Uint32Array(own.buffer, 0, rows * k);
  const distances = new Float64Array(own.buffer, idBytes, rows * k);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < k; j++) {
      const id = ids[r * k + j]!;
      const d = distances[r * k + j]!;
      if (id >= total || id === from + r) return { problem: `row ${r}: neighbour ${id} is not another digit of the data` };
      if (!Number.isFinite(d) || d < 0 || (j > 0 && d < distances[r * k + j - 1]!)) return { problem: `row ${r}: distances are not sorted, finite and positive` };
      for (let i = 0; i < j; i++) if (ids[r * k + i] === id) return { problem: `row ${r}: neighbour ${id} twice` };
    }
  }
  return { table: { k, from, to, ids, distances }, ms: header.ms };
}
