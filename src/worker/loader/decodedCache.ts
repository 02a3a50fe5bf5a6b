// Keeps each source's decoded IDX payloads (and the served bytes) in the Origin Private File
// System, so the second visit reads 55 MB from disk straight into shared memory instead of
// inflating 11 MB again. A cached copy is used only after HEAD requests show the server still
// has the same files (ETag, or Last-Modified and Content-Length); anything unexpected — no OPFS,
// no validators, a quota error, a short file — means "no cache", never a failed load.
import { hexBytes, releaseBuffer } from '../../data/decode/bytes';
import { DEFAULT_MAX_IDX_BYTES, encodeIdxHeader, IDX_MAX_DIMS, IDX_TYPE_UBYTE, type Allocate } from '../../data/decode/idx';
import { sha256OfParts } from '../../data/decode/sha256';
import { MNIST_FILES, type MnistFileName } from '../../data/dataset/mnist';
import type { FileUrls } from '../../data/sources/sources';
import type { LoadedFileInfo } from './protocol';

// 2: each file's meta carries the SHA-256 of its inflated IDX bytes too.
const CACHE_VERSION = 2;
/** The folder of the Origin Private File System everything kept lives in (the statistics too). */
export const ROOT_DIR = 'mnist-explorer-cache';

/** What must still match for a cached file to stand for the file on the server. */
export interface FileValidator {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly contentLength: string | null;
}

type CachedFileMeta = Omit<LoadedFileInfo, 'blob'> & { readonly validator: FileValidator; readonly dataBytes: number; readonly headerBytes: number };

interface CacheMeta {
  readonly version: number;
  readonly files: readonly CachedFileMeta[];
}

export interface CachedFile {
  readonly info: LoadedFileInfo;
  readonly data: Uint8Array;
  readonly dims: readonly number[];
}

// Minimal typings for the sync access handle (dedicated workers only; not in the DOM lib).
interface SyncAccessHandle {
  read(buffer: Uint8Array, options?: { at: number }): number;
  write(buffer: Uint8Array, options?: { at: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncAccessHandle> };

export function validatorOf(headers: Headers): FileValidator {
  return {
    etag: headers.get('etag'),
    lastModified: headers.get('last-modified'),
    contentLength: headers.get('content-length'),
  };
}

/** A validator that can vouch for a file: a strong-enough identity, not just a size. */
export function canValidate(v: FileValidator): boolean {
  return v.etag !== null || (v.lastModified !== null && v.contentLength !== null);
}

export function isSameFile(a: FileValidator, b: FileValidator): boolean {
  if (a.etag !== null || b.etag !== null) return a.etag === b.etag;
  return a.lastModified === b.lastModified && a.contentLength === b.contentLength;
}

/** A directory name per source: the four URLs, hashed (FNV-1a) into something file-safe. */
function sourceKey(urls: FileUrls): string {
  let hash = 0x811c9dc5;
  for (const ch of MNIST_FILES.map((f) => urls[f.name]).join('\n')) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `v${CACHE_VERSION}-${hash.toString(16).padStart(8, '0')}`;
}

async function sourceDir(urls: FileUrls, create: boolean): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  const root = await navigator.storage.getDirectory();
  const top = await root.getDirectoryHandle(ROOT_DIR, { create });
  return top.getDirectoryHandle(sourceKey(urls), { create });
}

async function readMeta(dir: FileSystemDirectoryHandle, urls: FileUrls): Promise<CacheMeta | null> {
  const file = await (await dir.getFileHandle('meta.json')).getFile();
  return parseCacheMeta(JSON.parse(await file.text()) as unknown, urls);
}

const HEX_256 = /^[0-9a-f]{64}$/;
const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isHeaderText = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 1024);

/**
 * The kept meta.json, checked field by field like any untrusted input (it is read from disk,
 * where anything may have changed it): each file named and placed as expected, its shape, sizes
 * and header consistent with one another, its hashes well-formed. Null when anything is off.
 */
export function parseCacheMeta(value: unknown, urls: FileUrls): CacheMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const { version, files } = value as { version?: unknown; files?: unknown };
  if (version !== CACHE_VERSION || !Array.isArray(files) || files.length !== MNIST_FILES.length) return null;
  const checked = MNIST_FILES.map((expected, i): CachedFileMeta | null => {
    const f = files[i] as Record<string, unknown> | null;
    if (typeof f !== 'object' || f === null) return null;
    const dims = f.dims;
    if (!Array.isArray(dims) || dims.length < 1 || dims.length > IDX_MAX_DIMS || !dims.every((d) => isCount(d) && d > 0)) return null;
    const dataBytes = (dims as number[]).reduce((a, b) => a * b, 1);
    const headerBytes = 4 + 4 * dims.length;
    const validator = f.validator as Record<string, unknown> | null;
    const ok =
      f.name === expected.name &&
      f.url === urls[expected.name] &&
      f.dataBytes === dataBytes &&
      dataBytes <= DEFAULT_MAX_IDX_BYTES &&
      f.headerBytes === headerBytes &&
      f.inflatedBytes === headerBytes + dataBytes &&
      isCount(f.servedBytes, 2 * DEFAULT_MAX_IDX_BYTES) &&
      (f.format === 'gzip' || f.format === 'idx') &&
      f.idxType === IDX_TYPE_UBYTE &&
      f.magic === hexBytes(Uint8Array.of(0, 0, IDX_TYPE_UBYTE, dims.length)) &&
      typeof f.sha256 === 'string' &&
      HEX_256.test(f.sha256) &&
      typeof f.idxSha256 === 'string' &&
      HEX_256.test(f.idxSha256) &&
      typeof validator === 'object' &&
      validator !== null &&
      isHeaderText(validator.etag) &&
      isHeaderText(validator.lastModified) &&
      isHeaderText(validator.contentLength) &&
      (f.transportEncoding === undefined || f.transportEncoding === null || (typeof f.transportEncoding === 'string' && /^[a-z0-9-]{1,32}$/.test(f.transportEncoding)));
    return ok ? (f as unknown as CachedFileMeta) : null;
  });
  return checked.every((f) => f !== null) ? { version: CACHE_VERSION, files: checked } : null;
}

/**
 * Asks the server, cheaply, what it has now. A HEAD request that gets no answer within the stall
 * limit is abandoned like any other request (the kept copy is then not used, and the files are
 * fetched, under the same rule): a server that never answered left "Loading MNIST…" forever.
 */
async function currentValidators(urls: FileUrls, fetchFn: typeof fetch, signal: AbortSignal, stallMs: number): Promise<FileValidator[]> {
  return Promise.all(
    MNIST_FILES.map(async (f) => {
      const response = await headWithinStall(urls[f.name], fetchFn, signal, stallMs);
      if (!response.ok) throw new Error(`HEAD ${response.status}`);
      return validatorOf(response.headers);
    }),
  );
}

/**
 * A HEAD request under the stall rule: given up (rejected) when no answer comes within
 * `stallMs`, like every request the app makes, or when `signal` aborts.
 */
export async function headWithinStall(url: string, fetchFn: typeof fetch, signal: AbortSignal, stallMs: number): Promise<Response> {
  const stalled = new AbortController();
  const timer = setTimeout(() => stalled.abort(new Error(`HEAD ${url}: no answer within ${stallMs} ms`)), stallMs);
  try {
    return await fetchFn(url, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.any([signal, stalled.signal]), credentials: 'omit' });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The cached decode of these URLs if the server still serves the same files, read into buffers
 * from `allocate`; null on any miss.
 */
export async function readCachedFiles(
  urls: FileUrls,
  fetchFn: typeof fetch,
  allocate: Allocate,
  signal: AbortSignal,
  stallMs: number,
): Promise<Record<MnistFileName, CachedFile> | null> {
  try {
    const dir = await sourceDir(urls, false);
    if (!dir) return null;
    const meta = await readMeta(dir, urls);
    if (!meta) return null;
    if (!meta.files.every((f) => f.url === urls[f.name])) return null;
    // The server is asked while the disk is read: the HEAD round trips and the 55 MB read overlap
    // (the copy is used only if the answers match, below).
    const asking = currentValidators(urls, fetchFn, signal, stallMs);
    asking.catch(() => undefined); // judged once the files are read
    const result: Partial<Record<MnistFileName, CachedFile>> = {};
    for (const f of meta.files) {
      const data = allocate(f.dataBytes);
      const handle = await ((await dir.getFileHandle(`${f.name}.data`)) as SyncFileHandle).createSyncAccessHandle();
      try {
        // Straight from disk into the (shared) buffer: no intermediate copy.
        if (handle.getSize() !== f.dataBytes || handle.read(data, { at: 0 }) !== f.dataBytes) return null;
      } finally {
        handle.close();
      }
      const blob = await (await dir.getFileHandle(`${f.name}.served`)).getFile();
      if (blob.size !== f.servedBytes) return null;
      const { validator: _v, dataBytes: _d, headerBytes: _h, ...info } = f;
      result[f.name] = { info: { ...info, blob }, data, dims: f.dims };
    }
    const now = await asking;
    if (!meta.files.every((f, i) => isSameFile(f.validator, now[i]!))) return null;
    return result as Record<MnistFileName, CachedFile>;
  } catch {
    return null;
  }
}

/**
 * Checks a kept copy's bytes against the SHA-256 recorded when it was written: each payload
 * (as its IDX file: header rebuilt from the kept shape, then the data) and each file as served.
 * Returns the first file that does not match, or null when all do. Run after the digits are on
 * screen: a second of hashing must not delay them, but wrong data must not stay.
 */
export async function findDamagedFile(
  files: Readonly<Record<MnistFileName, CachedFile>>,
  signal: AbortSignal,
): Promise<{ file: MnistFileName; what: 'data' | 'served bytes' } | null> {
  for (const { name } of MNIST_FILES) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) return null;
    const { info, data, dims } = files[name];
    const idx = await sha256OfParts([encodeIdxHeader(info.idxType, dims), data]);
    if (idx !== info.idxSha256) return { file: name, what: 'data' };
    const servedBytes = new Uint8Array(await info.blob.arrayBuffer());
    const served = await sha256OfParts([servedBytes]);
    releaseBuffer(servedBytes);
    if (served !== info.sha256) return { file: name, what: 'served bytes' };
  }
  return null;
}

/** Forgets a source's kept copy (a damaged one must not be read again). */
export async function discardCachedFiles(urls: FileUrls): Promise<void> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return;
    const root = await navigator.storage.getDirectory();
    const top = await root.getDirectoryHandle(ROOT_DIR);
    await top.removeEntry(sourceKey(urls), { recursive: true });
  } catch {
    // Nothing kept, or nothing left to remove.
  }
}

/**
 * Stores a fresh network load for next time. Skipped when the server gave no validators: a copy
 * that cannot be checked for staleness is not worth keeping.
 */
export async function writeCachedFiles(
  urls: FileUrls,
  files: readonly { info: LoadedFileInfo; data: Uint8Array; headerBytes: number; validator: FileValidator }[],
): Promise<boolean> {
  if (!files.every((f) => canValidate(f.validator) && f.info.sha256 !== null && f.info.idxSha256 !== null)) return false;
  try {
    const dir = await sourceDir(urls, true);
    if (!dir) return false;
    // meta.json goes last: a half-written cache has no meta and is never read.
    await dir.removeEntry('meta.json').catch(() => undefined);
    for (const f of files) {
      await writeWhole(await dir.getFileHandle(`${f.info.name}.data`, { create: true }), f.data);
      const served = new Uint8Array(await f.info.blob.arrayBuffer());
      await writeWhole(await dir.getFileHandle(`${f.info.name}.served`, { create: true }), served);
      releaseBuffer(served);
    }
    const meta: CacheMeta = {
      version: CACHE_VERSION,
      files: files.map(({ info: { blob: _b, ...info }, data, headerBytes, validator }) => ({ ...info, validator, dataBytes: data.length, headerBytes })),
    };
    await writeWhole(await dir.getFileHandle('meta.json', { create: true }), new TextEncoder().encode(JSON.stringify(meta)));
    return true;
  } catch {
    return false;
  }
}

async function writeWhole(file: FileSystemFileHandle, bytes: Uint8Array): Promise<void> {
  const handle = await (file as SyncFileHandle).createSyncAccessHandle();
  try {
    handle.truncate(0);
    handle.write(bytes, { at: 0 });
    handle.flush();
  } finally {
    handle.close();
  }
}
