// Offline, the server cannot say whether its files changed; the service worker's kept files can
// stand in for it: a kept decoded copy whose served bytes are exactly the files the worker keeps
// (the same SHA-256, checked by the worker against the build when it kept them) is the copy of
// what the app would load from it anyway. Reads only the kept answers' headers, not 11 MB.
import { KEPT_DATA_FILES_CACHE, KEPT_SHA256_HEADER } from '../../data/sources/keptDataFiles';

/** Whether every file (its URL and the SHA-256 of its served bytes) is kept, those very bytes, by the service worker. */
export async function servedBytesKeptByServiceWorker(
  files: readonly { readonly url: string; readonly sha256: string | null }[],
  storage: CacheStorage | null | undefined,
): Promise<boolean> {
  if (!storage || files.length === 0) return false;
  try {
    if (!(await storage.has(KEPT_DATA_FILES_CACHE))) return false;
    const kept = await storage.open(KEPT_DATA_FILES_CACHE);
    for (const f of files) {
      const answer = await kept.match(f.url);
      if (f.sha256 === null || answer?.status !== 200 || answer.headers.get(KEPT_SHA256_HEADER) !== f.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}
