// Step 5, on a static host's first visit: the answers the page fetched are handed to the service
// worker, which is installed once the load is over and keeps the data files from them
// (sw/dataFiles.ts) instead of downloading them a second time. Only complete 200 answers are
// handed over; the worker checks each against the build's SHA-256s anyway. Nothing here may fail
// a load: no Cache Storage or a full quota only means the worker fetches the files itself.
import { HAND_OVER_CACHE, keptAnswerHeaders } from '../../../data/sources/keptDataFiles';
import type { FileSlot } from '../../../data/dataset/fileSlots';
import type { LoadedMnist } from '../loadDataset';
import type { Load } from '../loadContext';

/** Puts each complete answer of `loaded` into the hand-over; returns how many were handed over. */
export async function handOver(load: Load, loaded: LoadedMnist, sha256: Readonly<Record<FileSlot, string>>): Promise<number> {
  const storage = load.deps.caches;
  if (!storage || load.signal.aborted) return 0;
  let handed = 0;
  try {
    const cache = await storage.open(HAND_OVER_CACHE);
    for (const [i, info] of loaded.files.entries()) {
      const { answer, validator } = loaded.decoded[i]!;
      // A range (206) or an answer cut short is not the file, whatever it decoded to.
      if (answer.status !== 200 || !answer.complete || info.blob.size !== info.servedBytes) continue;
      const from = new Headers();
      if (answer.contentType !== null) from.set('content-type', answer.contentType);
      if (validator.etag !== null) from.set('etag', validator.etag);
      if (validator.lastModified !== null) from.set('last-modified', validator.lastModified);
      await cache.put(info.url, new Response(info.blob, { status: 200, headers: keptAnswerHeaders(from, info.servedBytes, sha256[info.slot]) }));
      handed++;
    }
  } catch {
    // not handed over: the service worker fetches what it lacks when the page asks for it
  }
  return handed;
}
