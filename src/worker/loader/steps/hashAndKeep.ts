// Step 4, once the data is on screen: the files' hashes (the Files view's proof, the analyses'
// key), then the decoded copy kept for next time.
import type { FileSlot } from '../../../data/dataset/fileSlots';
import { releaseBuffer } from '../../../data/decode/bytes';
import { encodeIdxHeader, type DecodedIdx } from '../../../data/decode/idx';
import { sha256OfParts } from '../../../data/decode/sha256';
import type { FileUrls } from '../../../data/sources/sources';
import { keepDecodedCopy } from '../decodedCopy';
import type { Load } from '../loadContext';
import type { LoadedFileInfo } from '../protocol';
import type { Fetched } from './fromNetwork';

/**
 * Hashes what `fetched` holds and keeps it under `urls`; nothing is kept for `urls` null (the
 * visitor's files). Returns the served bytes' SHA-256s, null when the load was superseded.
 */
export async function hashAndKeep(load: Load, urls: FileUrls | null, { loaded, idxSha256: idxFirst, toKeep }: Fetched): Promise<Record<FileSlot, string> | null> {
  const { files, served, decoded } = loaded;
  const { shared } = load.deps;
  const sha256 = await hashServedBytes(files, served, load.signal);
  // The served chunks live on in each file's Blob (a copy); these were only kept for the hash.
  for (const chunks of served) for (const chunk of chunks) releaseBuffer(chunk);
  const idxSha256 = idxFirst ?? (await hashIdxFiles(files, decoded.map((d) => d.idx), load.signal));
  if (!sha256 || !idxSha256) return null;
  load.post({ type: 'hashes', requestId: load.requestId, sha256, idxSha256 });
  if (!urls) {
    if (!shared) for (const data of toKeep) releaseBuffer(data);
    return sha256;
  }
  const kept = await keepDecodedCopy(
    urls,
    files.map((info, i) => ({
      info: { ...info, sha256: sha256[info.slot], idxSha256: idxSha256[info.slot] },
      data: toKeep[i]!,
      headerBytes: decoded[i]!.idx.header.headerBytes,
      validator: decoded[i]!.validator,
    })),
  );
  // Without shared memory these are the copies made for the disk, written now.
  if (!shared) for (const data of toKeep) releaseBuffer(data);
  if (kept) load.post({ type: 'kept-copy-written', requestId: load.requestId });
  return sha256;
}

/**
 * SHA-256 of each file, one file per task so a cancel is not kept waiting: `parts(i)` gives
 * the byte runs of file i in order. Null once `signal` aborts.
 */
async function hashFiles(
  files: readonly LoadedFileInfo[],
  parts: (i: number) => readonly Uint8Array[],
  signal: AbortSignal,
): Promise<Record<FileSlot, string> | null> {
  const sha256: Partial<Record<FileSlot, string>> = {};
  for (const [i, file] of files.entries()) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) return null;
    sha256[file.slot] = await sha256OfParts(parts(i));
    if (signal.aborted) return null;
  }
  return sha256 as Record<FileSlot, string>;
}

const hashServedBytes = (files: readonly LoadedFileInfo[], served: readonly (readonly Uint8Array[])[], signal: AbortSignal) =>
  hashFiles(files, (i) => served[i] ?? [], signal);

/** The inflated IDX file: its header, rebuilt from type and shape, then its data. */
export const hashIdxFiles = (files: readonly LoadedFileInfo[], decoded: readonly DecodedIdx[], signal: AbortSignal) =>
  hashFiles(files, (i) => [encodeIdxHeader(decoded[i]!.header.type, decoded[i]!.header.dims), decoded[i]!.data], signal);
