// Keeps each dataset's statistics in the Origin Private File System beside its decoded copy
// (a `statistics` folder in the same folder), named by the data's identity: the SHA-256 of its four IDX files. A warm
// load reads them back (1.2 MB) instead of a pass over 55 MB; data with other bytes has another
// key, so its statistics are computed afresh. Everything here may fail (no OPFS, a quota, a
// damaged file): that only means "not kept" — the statistics are then computed as on a first visit.
import type { DatasetStatistics } from '../data/statistics';
import { decodeStatistics, encodeStatistics, type DecodedStatistics } from '../data/statisticsFile';
import type { Rankings } from '../data/sortOrder';
import { sha256Hex } from '../data/sha256';
import { MNIST_FILES, type Split } from '../data/mnist';
import { ROOT_DIR } from '../worker/decodedCache';
import type { NeighbourTable } from '../data/knn';
import { decodeNeighbourTable, encodeNeighbourTable, type Expected } from '../data/neighbourTableFile';
import type { LoadedFileInfo } from '../worker/protocol';

const PREFIX = 'statistics-';
/** Statistics of this many datasets are kept; the oldest go first. */
const KEEP_AT_MOST = 4;

/** The data's identity: its four IDX files' SHA-256 in file order, or null until all are known. */
export function statisticsKey(files: readonly LoadedFileInfo[]): string | null {
  const sums = MNIST_FILES.map((f) => files.find((info) => info.name === f.name)?.idxSha256 ?? null);
  return sums.every((s) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s)) ? sums.join(':') : null;
}

const fileNameOf = (key: string) => `${PREFIX}${sha256Hex(new TextEncoder().encode(key)).slice(0, 32)}.bin`;

/** The folder of the kept statistics, beside the decoded copies' folders (one per source). */
export const STATISTICS_DIR = 'statistics';

async function folder(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT_DIR, { create });
    return await root.getDirectoryHandle(STATISTICS_DIR, { create });
  } catch {
    return null;
  }
}

export type KeptRead = DecodedStatistics | { readonly problem: string } | null;

/** The kept statistics of the data named by `key` (null: none kept; a problem: kept but unusable, now forgotten). */
export async function readKeptStatistics(key: string, counts: Record<Split, number>): Promise<KeptRead> {
  const dir = await folder(false);
  if (!dir) return null;
  const name = fileNameOf(key);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
  } catch {
    return null;
  }
  const read = await decodeStatistics(bytes, key, counts);
  if ('problem' in read) await dir.removeEntry(name).catch(() => undefined);
  return read;
}

/** Keeps `statistics` for the data named by `key`; never throws. */
export async function keepStatistics(key: string, statistics: DatasetStatistics, rankings: Rankings, ms: number): Promise<boolean> {
  const dir = await folder(true);
  if (!dir) return false;
  try {
    const file = await dir.getFileHandle(fileNameOf(key), { create: true });
    const writable = await file.createWritable();
    await writable.write(await encodeStatistics(statistics, rankings, key, ms));
    await writable.close();
    await forgetOldest(dir);
    return true;
  } catch {
    return false;
  }
}

async function forgetOldest(dir: FileSystemDirectoryHandle, prefix = PREFIX, keepAtMost = KEEP_AT_MOST): Promise<void> {
  const kept: { name: string; modified: number }[] = [];
  for await (const [name, handle] of (dir as unknown as AsyncIterable<[string, FileSystemHandle]>)) {
    if (name.startsWith(prefix) && handle.kind === 'file') kept.push({ name, modified: (await (handle as FileSystemFileHandle).getFile()).lastModified });
  }
  kept.sort((a, b) => b.modified - a.modified);
  for (const old of kept.slice(keepAtMost)) await dir.removeEntry(old.name).catch(() => undefined);
}

// The suspect labels' neighbour tables, one file per split, in the same folder: 5.6 MB for
// MNIST's training digits, read back in a fraction of a second instead of half a minute.
const TABLE_PREFIX = 'neighbours-';
const tableFileOf = (key: string, split: Split) => `${TABLE_PREFIX}${sha256Hex(new TextEncoder().encode(key)).slice(0, 32)}-${split}.bin`;

/** The kept neighbour table of `split` (null: none kept; a problem: kept but unusable, now forgotten). */
export async function readKeptNeighbourTable(split: Split, expected: Expected): Promise<{ table: NeighbourTable; ms: number } | { problem: string } | null> {
  const dir = await folder(false);
  if (!dir) return null;
  const name = tableFileOf(expected.key, split);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
  } catch {
    return null;
  }
  const read = await decodeNeighbourTable(bytes, expected);
  if ('problem' in read) await dir.removeEntry(name).catch(() => undefined);
  return read;
}

/** Keeps a split's neighbour table for the data named by `key`; never throws. */
export async function keepNeighbourTable(key: string, split: Split, table: NeighbourTable, total: number, ms: number): Promise<boolean> {
  const dir = await folder(true);
  if (!dir) return false;
  try {
    const file = await dir.getFileHandle(tableFileOf(key, split), { create: true });
    const writable = await file.createWritable();
    await writable.write(await encodeNeighbourTable(table, key, total, ms));
    await writable.close();
    await forgetOldest(dir, TABLE_PREFIX, 2 * KEEP_AT_MOST);
    return true;
  } catch {
    return false;
  }
}
