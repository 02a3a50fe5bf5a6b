// Keeps each dataset's statistics (and its suspect labels' neighbour tables and its map) in the Origin Private File System beside its decoded copy
// (a `statistics` folder in the same folder), named by the data's identity: the SHA-256 of its four IDX files. A warm
// load reads them back (1.2 MB) instead of a pass over 55 MB; data with other bytes has another
// key, so its statistics are computed afresh. Everything here may fail (no OPFS, a quota, a
// damaged file): that only means "not kept" — the statistics are then computed as on a first visit.
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { Dataset } from '../../data/dataset/dataset';
import { explorerStore } from '../store/explorerStore';
import { decodeStatistics, encodeStatistics, type DecodedStatistics } from '../../data/kept/statisticsFile';
import type { Rankings } from '../../data/dataset/sortOrder';
import { sha256Hex } from '../../data/decode/sha256';
import { MNIST_FILES, type Split } from '../../data/dataset/mnist';
import { ROOT_DIR } from '../../worker/loader/decodedCache';
import type { NeighbourTable } from '../../data/analysis/knn';
import type { DigitMap } from '../../data/analysis/digitMap';
import { decodeDigitMap, encodeDigitMap } from '../../data/kept/mapFile';
import { decodeNeighbourTable, encodeNeighbourTable, type Expected } from '../../data/kept/neighbourTableFile';
import type { LoadedFileInfo } from '../../worker/loader/protocol';

const PREFIX = 'statistics-';
/** Statistics of this many datasets are kept; the oldest go first. */
const KEEP_AT_MOST = 4;

/** The data's identity: its four IDX files' SHA-256 in file order, or null until all are known. */
export function statisticsKey(files: readonly LoadedFileInfo[]): string | null {
  const sums = MNIST_FILES.map((f) => files.find((info) => info.name === f.name)?.idxSha256 ?? null);
  return sums.every((s) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s)) ? sums.join(':') : null;
}

const hashOf = (key: string) => sha256Hex(new TextEncoder().encode(key)).slice(0, 32);
const fileNameOf = (key: string) => `${PREFIX}${hashOf(key)}.bin`;

/**
 * Runs `keep` with the data's key once it is known — now, or when the loader's hashes arrive (on a
 * first load they follow the data) — unless another dataset is shown first.
 */
export function whenKeyKnown(dataset: Dataset, keep: (key: string) => void): void {
  const tryKeep = (): boolean => {
    const state = explorerStore.getState();
    if (state.dataset !== dataset) return true;
    const key = statisticsKey(state.loadedFiles);
    if (!key) return false;
    keep(key);
    return true;
  };
  if (tryKeep()) return;
  const unsubscribe = explorerStore.subscribe(() => {
    if (tryKeep()) unsubscribe();
  });
}

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

/** A kept file's bytes decoded (null: none kept; a problem: kept but unusable, now forgotten). */
async function readKept<T extends object>(name: string, decode: (bytes: Uint8Array) => Promise<T | { problem: string }>): Promise<T | { problem: string } | null> {
  const dir = await folder(false);
  if (!dir) return null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
  } catch {
    return null;
  }
  const read = await decode(bytes);
  if ('problem' in read) await dir.removeEntry(name).catch(() => undefined);
  return read;
}

/** Writes a kept file, then forgets the oldest of its kind beyond `keepAtMost`; never throws. */
async function keep(name: string, encode: () => Promise<Uint8Array<ArrayBuffer>>, prefix: string, keepAtMost: number): Promise<boolean> {
  const dir = await folder(true);
  if (!dir) return false;
  try {
    const file = await dir.getFileHandle(name, { create: true });
    const writable = await file.createWritable();
    await writable.write(await encode());
    await writable.close();
    await forgetOldest(dir, prefix, keepAtMost);
    return true;
  } catch {
    return false;
  }
}

/** The kept statistics of the data named by `key` (null: none kept; a problem: kept but unusable, now forgotten). */
export function readKeptStatistics(key: string, counts: Record<Split, number>, shape: { pixels: number; labelSlots: number }): Promise<KeptRead> {
  return readKept(fileNameOf(key), (bytes) => decodeStatistics(bytes, key, counts, shape));
}

/** Keeps `statistics` for the data named by `key`; never throws. */
export function keepStatistics(key: string, statistics: DatasetStatistics, rankings: Rankings, ms: number): Promise<boolean> {
  return keep(fileNameOf(key), () => encodeStatistics(statistics, rankings, key, ms), PREFIX, KEEP_AT_MOST);
}

async function forgetOldest(dir: FileSystemDirectoryHandle, prefix: string, keepAtMost: number): Promise<void> {
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
const tableFileOf = (key: string, split: Split) => `${TABLE_PREFIX}${hashOf(key)}-${split}.bin`;

/** The kept neighbour table of `split` (null: none kept; a problem: kept but unusable, now forgotten). */
export function readKeptNeighbourTable(split: Split, expected: Expected): Promise<{ table: NeighbourTable; ms: number } | { problem: string } | null> {
  return readKept(tableFileOf(expected.key, split), (bytes) => decodeNeighbourTable(bytes, expected));
}

/** Keeps a split's neighbour table for the data named by `key`; never throws. */
export function keepNeighbourTable(key: string, split: Split, table: NeighbourTable, total: number, ms: number): Promise<boolean> {
  return keep(tableFileOf(key, split), () => encodeNeighbourTable(table, key, total, ms), TABLE_PREFIX, 2 * KEEP_AT_MOST);
}

// The map: every digit's two coordinates (1.1 MB for MNIST).
const MAP_PREFIX = 'map-';
const mapFileOf = (key: string) => `${MAP_PREFIX}${hashOf(key)}.bin`;

export function readKeptMap(key: string, count: number): Promise<{ map: DigitMap; ms: number } | { problem: string } | null> {
  return readKept(mapFileOf(key), (bytes) => decodeDigitMap(bytes, key, count));
}

export function keepMap(key: string, map: DigitMap, ms: number): Promise<boolean> {
  return keep(mapFileOf(key), () => encodeDigitMap(map, key, ms), MAP_PREFIX, KEEP_AT_MOST);
}
