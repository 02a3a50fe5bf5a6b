// Where everything the explorer keeps lives: one folder of the Origin Private File System, with
// a folder per source's decoded copy and one folder of analysis results. The only module that
// knows those paths, reads and writes kept files and forgets the oldest. Used by the page (the
// analysis results) and by the loader worker (the decoded copies), so it holds no page state.
// Everything here may fail (no OPFS, a quota, a file changed under us): that only ever means
// "not kept", never an error for the caller.

/** The folder everything kept lives in. */
export const KEPT_ROOT = 'mnist-explorer-cache';
/** Analysis results (statistics, maps, neighbour tables), beside the decoded copies' folders. */
export const RESULTS_DIR = 'results';
/** What the results folder was called before it held more than statistics; forgotten when seen. */
const OLD_RESULTS_DIR = 'statistics';
/** Decoded copies kept at most: each is the whole dataset (55 MB for MNIST). */
export const DECODED_COPIES_KEPT = 3;

type Root = () => Promise<FileSystemDirectoryHandle | null>;

const opfsRoot: Root = async () => (typeof navigator !== 'undefined' && navigator.storage?.getDirectory ? navigator.storage.getDirectory() : null);
let root: Root = opfsRoot;

/** Keeps everything under `directory` from now on (tests); null goes back to the browser's OPFS. */
export function setKeptRoot(directory: FileSystemDirectoryHandle | null): void {
  root = directory ? () => Promise.resolve(directory) : opfsRoot;
}

async function keptFolder(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    return (await (await root())?.getDirectoryHandle(KEPT_ROOT, { create })) ?? null;
  } catch {
    return null;
  }
}

/** A folder inside the kept folder; null when there is none (or no storage). */
export async function keptSubfolder(name: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    return (await (await keptFolder(create))?.getDirectoryHandle(name, { create })) ?? null;
  } catch {
    return null;
  }
}

/** Forgets a folder of the kept folder and everything in it. */
export async function forgetSubfolder(name: string): Promise<void> {
  await (await keptFolder(false))?.removeEntry(name, { recursive: true }).catch(() => undefined);
}

const entriesOf = (dir: FileSystemDirectoryHandle) => dir as unknown as AsyncIterable<[string, FileSystemHandle]>;

/** The bytes of a kept result, or null when there is none. */
export async function readResult(name: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const dir = await keptSubfolder(RESULTS_DIR, false);
    return dir ? new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Forgets a kept result (one found unusable must not be read again). */
export async function forgetResult(name: string): Promise<void> {
  await (await keptSubfolder(RESULTS_DIR, false))?.removeEntry(name).catch(() => undefined);
}

/**
 * Writes a kept result (encoded only once there is somewhere to keep it), then forgets the oldest
 * results whose names start with `kind` beyond `keepAtMost`. True when it was written.
 */
export async function keepResult(name: string, encode: () => Promise<Uint8Array<ArrayBuffer>>, kind: string, keepAtMost: number): Promise<boolean> {
  const dir = await keptSubfolder(RESULTS_DIR, true);
  if (!dir) return false;
  try {
    const bytes = await encode();
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write(bytes);
    await writable.close();
  } catch {
    return false;
  }
  await forgetOldest(dir, (entry, handle) => handle.kind === 'file' && entry.startsWith(kind), keepAtMost);
  await forgetSubfolder(OLD_RESULTS_DIR);
  return true;
}

/** When an entry was last written: a file's own time, a folder's by its newest file. */
async function modifiedOf(handle: FileSystemHandle): Promise<number> {
  if (handle.kind === 'file') return (await (handle as FileSystemFileHandle).getFile()).lastModified;
  let newest = 0;
  for await (const [, inner] of entriesOf(handle as FileSystemDirectoryHandle)) newest = Math.max(newest, await modifiedOf(inner));
  return newest;
}

/** Forgets the oldest entries of `dir` that `counts` beyond `keepAtMost`. */
export async function forgetOldest(dir: FileSystemDirectoryHandle, counts: (name: string, handle: FileSystemHandle) => boolean, keepAtMost: number): Promise<void> {
  try {
    const kept: { name: string; modified: number }[] = [];
    for await (const [name, handle] of entriesOf(dir)) if (counts(name, handle)) kept.push({ name, modified: await modifiedOf(handle) });
    kept.sort((a, b) => b.modified - a.modified);
    for (const old of kept.slice(keepAtMost)) await dir.removeEntry(old.name, { recursive: true }).catch(() => undefined);
  } catch {
    // Listing failed: nothing is forgotten this time.
  }
}

/** Forgets the oldest decoded copies (folders named `prefix`…) beyond DECODED_COPIES_KEPT, sparing `current`. */
export async function forgetOldDecodedCopies(prefix: string, current: string): Promise<void> {
  const dir = await keptFolder(false);
  if (dir) await forgetOldest(dir, (name, handle) => handle.kind === 'directory' && name.startsWith(prefix) && name !== current, DECODED_COPIES_KEPT - 1);
}
