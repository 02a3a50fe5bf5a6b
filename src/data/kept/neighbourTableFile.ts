// A split's neighbour table as one file, kept beside the decoded copy so suspect labels are
// computed once per dataset. Untrusted like any kept file: read back only if its envelope holds
// (keptFile.ts: magic, SHA-256, padding), it names the same data (the key) and range, and every
// row holds k distinct other digits of the dataset at finite, non-decreasing distances. The
// scores are derived again from it and the labels (cheap), so a kept file cannot claim a score
// the data does not give. Body: the ids (u32), then the distances (f64).
import type { NeighbourTable } from '../analysis/knn';
import { align8, alignedBody, decodeKeptFile, encodeKeptFile } from './keptFile';

const MAGIC = 'MNKNN001';
const FORMAT_VERSION = 1;
/** More neighbours than any view asks for: a header claiming more is refused before allocating. */
const MAX_K = 64;

export function encodeNeighbourTable(table: NeighbourTable, key: string, total: number, ms: number): Promise<Uint8Array<ArrayBuffer>> {
  return encodeKeptFile(MAGIC, { version: FORMAT_VERSION, key, k: table.k, from: table.from, to: table.to, total, ms }, alignedBody([table.ids, table.distances]));
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
  const read = await decodeKeptFile(bytes, MAGIC);
  if ('problem' in read) return read;
  const { header, body } = read;
  if (header.version !== FORMAT_VERSION) return { problem: 'another format version' };
  if (typeof header.ms !== 'number' || !Number.isFinite(header.ms)) return { problem: 'the header has no time' };
  if (header.key !== expected.key) return { problem: 'kept for other data' };
  const { k, from, to, total } = expected;
  if (header.k !== k || header.from !== from || header.to !== to || header.total !== total) return { problem: 'kept for another range or k' };
  if (!(k >= 1 && k <= MAX_K && from >= 0 && to >= from && to <= total)) return { problem: 'a range no dataset has' };
  const rows = to - from;
  const idBytes = align8(rows * k * 4);
  if (body.byteLength !== idBytes + rows * k * 8) return { problem: `${body.byteLength} bytes where ${idBytes + rows * k * 8} are due` };
  const ids = new Uint32Array(body.buffer, 0, rows * k);
  const distances = new Float64Array(body.buffer, idBytes, rows * k);
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
