// Keeps each source's decoded IDX payloads (and the served bytes) in the Origin Private File
// System (keptStorage.ts owns where), so the second visit reads the data from disk straight into
// shared memory instead of inflating it again. A kept copy is used only after HEAD requests show
// the server still has the same files (ETag, or Last-Modified and Content-Length); anything
// unexpected — no OPFS, no validators, a quota error, a short file — means "not kept", never a
// failed load.
import { releaseBuffer } from '../../data/decode/bytes';
import { encodeIdxHeader, type Allocate } from '../../data/decode/idx';
import { sha256OfParts } from '../../data/decode/sha256';
import { FILE_SLOTS, type FileSlot } from '../../data/dataset/fileSlots';
import type { FileUrls } from '../../data/sources/sources';
import {
  canValidate,
  DECODED_COPY_PREFIX,
  DECODED_COPY_VERSION,
  decodedCopyFolder,
  isSameFile,
  parseDecodedCopyMeta,
  validatorOf,
  type DecodedCopyMeta,
  type FileValidator,
} from '../../data/kept/decodedCopyMeta';
import { forgetOldDecodedCopies, forgetSubfolder, keptSubfolder } from '../../state/kept/keptStorage';
import { servedBytesKeptByServiceWorker } from './keptByServiceWorker';
import type { LoadedFileInfo } from './protocol';

export interface KeptDecodedFile {
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

const sourceDir = (urls: FileUrls, create: boolean) => keptSubfolder(decodedCopyFolder(urls), create);

async function readMeta(dir: FileSystemDirectoryHandle, urls: FileUrls): Promise<DecodedCopyMeta | null> {
  const file = await (await dir.getFileHandle('meta.json')).getFile();
  return parseDecodedCopyMeta(JSON.parse(await file.text()) as unknown, urls);
}

/**
 * Asks the server, cheaply, what it has now. A HEAD request that gets no answer within the stall
 * limit is abandoned like any other request (the kept copy is then not used, and the files are
 * fetched, under the same rule): a server that never answered left "Loading MNIST…" forever.
 */
async function currentValidators(urls: FileUrls, fetchFn: typeof fetch, signal: AbortSignal, stallMs: number): Promise<FileValidator[]> {
  return Promise.all(
    FILE_SLOTS.map(async (f) => {
      const response = await headWithinStall(urls[f.slot], fetchFn, signal, stallMs);
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

/** What the server's answer to the HEAD requests says: its files' validators, or that it could not be reached. */
type ServerAnswer = { readonly reached: true; readonly validators: FileValidator[] } | { readonly reached: false };

export interface KeptCopyRead {
  readonly files: Record<FileSlot, KeptDecodedFile>;
  /** The server could not be asked (offline); the copy's files are the ones the service worker keeps. */
  readonly offline: boolean;
}

/**
 * The cached decode of these URLs if the server still serves the same files, read into buffers
 * from `allocate`; null on any miss. When the server cannot be reached at all (no network), the
 * copy is used if its files are the ones the service worker keeps (`caches`), and says so.
 */
export async function readDecodedCopy(
  urls: FileUrls,
  fetchFn: typeof fetch,
  allocate: Allocate,
  signal: AbortSignal,
  stallMs: number,
  caches: CacheStorage | null = null,
): Promise<KeptCopyRead | null> {
  try {
    const dir = await sourceDir(urls, false);
    if (!dir) return null;
    const meta = await readMeta(dir, urls);
    if (!meta) return null;
    if (!meta.files.every((f) => f.url === urls[f.slot])) return null;
    // The server is asked while the disk is read: the HEAD round trips and the 55 MB read overlap
    // (the copy is used only if the answers match, below).
    const asking: Promise<ServerAnswer> = currentValidators(urls, fetchFn, signal, stallMs).then(
      (validators) => ({ reached: true, validators }),
      (error: unknown) => {
        // fetch rejects with a TypeError only when no answer could be had at all (offline, no
        // route); a status, a stall or a cancel is something else and never stands for offline.
        if (error instanceof TypeError && !signal.aborted) return { reached: false };
        throw error;
      },
    );
    asking.catch(() => undefined); // judged once the files are read
    const result: Partial<Record<FileSlot, KeptDecodedFile>> = {};
    for (const f of meta.files) {
      const data = allocate(f.dataBytes);
      const handle = await ((await dir.getFileHandle(`${f.slot}.data`)) as SyncFileHandle).createSyncAccessHandle();
      try {
        // Straight from disk into the (shared) buffer: no intermediate copy.
        if (handle.getSize() !== f.dataBytes || handle.read(data, { at: 0 }) !== f.dataBytes) return null;
      } finally {
        handle.close();
      }
      const blob = await (await dir.getFileHandle(`${f.slot}.served`)).getFile();
      if (blob.size !== f.servedBytes) return null;
      const { validator: _v, dataBytes: _d, headerBytes: _h, ...info } = f;
      result[f.slot] = { info: { ...info, blob }, data, dims: f.dims };
    }
    const now = await asking;
    const files = result as Record<FileSlot, KeptDecodedFile>;
    if (!now.reached) return (await servedBytesKeptByServiceWorker(meta.files, caches)) ? { files, offline: true } : null;
    if (!meta.files.every((f, i) => isSameFile(f.validator, now.validators[i]!))) return null;
    return { files, offline: false };
  } catch {
    return null;
  }
}

/**
 * Checks a kept copy's bytes against the SHA-256 recorded when it was written: each payload
 * (as its IDX file: header rebuilt from the kept shape, then the data) and each file as served.
 * Returns the first file that does not match (its slot and own name), or null when all do. Run after the digits are on
 * screen: a second of hashing must not delay them, but wrong data must not stay.
 */
export async function findDamagedFile(
  files: Readonly<Record<FileSlot, KeptDecodedFile>>,
  signal: AbortSignal,
): Promise<{ slot: FileSlot; file: string; what: 'data' | 'served bytes' } | null> {
  for (const { slot } of FILE_SLOTS) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) return null;
    const { info, data, dims } = files[slot];
    const idx = await sha256OfParts([encodeIdxHeader(info.idxType, dims), data]);
    if (idx !== info.idxSha256) return { slot, file: info.name, what: 'data' };
    const servedBytes = new Uint8Array(await info.blob.arrayBuffer());
    const served = await sha256OfParts([servedBytes]);
    releaseBuffer(servedBytes);
    if (served !== info.sha256) return { slot, file: info.name, what: 'served bytes' };
  }
  return null;
}

/** Forgets a source's kept copy (a damaged one must not be read again). */
export async function forgetDecodedCopy(urls: FileUrls): Promise<void> {
  await forgetSubfolder(decodedCopyFolder(urls));
}

/**
 * Stores a fresh network load for next time. Skipped when the server gave no validators: a copy
 * that cannot be checked for staleness is not worth keeping.
 */
export async function keepDecodedCopy(
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
      await writeWhole(await dir.getFileHandle(`${f.info.slot}.data`, { create: true }), f.data);
      const served = new Uint8Array(await f.info.blob.arrayBuffer());
      await writeWhole(await dir.getFileHandle(`${f.info.slot}.served`, { create: true }), served);
      releaseBuffer(served);
    }
    const meta: DecodedCopyMeta = {
      version: DECODED_COPY_VERSION,
      files: files.map(({ info: { blob: _b, ...info }, data, headerBytes, validator }) => ({ ...info, validator, dataBytes: data.length, headerBytes })),
    };
    await writeWhole(await dir.getFileHandle('meta.json', { create: true }), new TextEncoder().encode(JSON.stringify(meta)));
    await forgetOldDecodedCopies(DECODED_COPY_PREFIX, decodedCopyFolder(urls));
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
