// The service worker's data files: Workbox precaches only the shell, and the bundled data (11 MB)
// is kept from what the page itself fetched, never downloaded a second time. The loader hands its
// first visit's answers over (HAND_OVER_CACHE); on install they are adopted, each only if it is
// the build's file byte for byte (data/sources/keptDataFiles.ts). An answer the page fetches
// through the worker later (nothing handed over, or refused) is kept by the same rule. Whatever
// is refused is dropped: the file then comes from the network, as on a first visit. Takes the
// CacheStorage as an input, so it runs in Node tests.
import {
  checkDataFileAnswer,
  dataFileAt,
  HAND_OVER_CACHE,
  KEPT_DATA_FILES_CACHE,
  KEPT_SHA256_HEADER,
  keptAnswerHeaders,
  type DataFileHash,
  type RefusedAnswer,
} from '../data/sources/keptDataFiles';

export interface Adoption {
  readonly adopted: readonly string[];
  readonly refused: readonly { readonly url: string; readonly refused: RefusedAnswer }[];
}

async function keep(storage: CacheStorage, url: string, from: Response, file: DataFileHash): Promise<RefusedAnswer | null> {
  const checked = await checkDataFileAnswer(from, file);
  if (!checked.ok) return checked.refused;
  const kept = await storage.open(KEPT_DATA_FILES_CACHE);
  await kept.put(url, new Response(checked.bytes, { status: 200, headers: keptAnswerHeaders(from.headers, checked.bytes.length, file.sha256) }));
  return null;
}

/**
 * Moves every handed-over answer that is one of `files` exactly into the kept files, and empties
 * the hand-over either way. Never throws (a failing cache only means "not kept").
 */
export async function adoptHandedOver(storage: CacheStorage, files: readonly DataFileHash[], base: string): Promise<Adoption> {
  const adopted: string[] = [];
  const refused: { url: string; refused: RefusedAnswer }[] = [];
  try {
    if (!(await storage.has(HAND_OVER_CACHE))) return { adopted, refused };
    const handOver = await storage.open(HAND_OVER_CACHE);
    for (const request of await handOver.keys()) {
      const file = dataFileAt(request.url, base, files);
      try {
        const response = file ? await handOver.match(request) : undefined;
        const refusal = !file ? { reason: 'not-a-data-file' as const } : !response ? { reason: 'unreadable' as const } : await keep(storage, new URL(file.path, base).href, response, file);
        if (refusal) refused.push({ url: request.url, refused: refusal });
        else adopted.push(request.url);
      } catch {
        refused.push({ url: request.url, refused: { reason: 'unreadable' } });
      }
    }
  } catch {
    // no Cache Storage to read: nothing adopted
  }
  await storage.delete(HAND_OVER_CACHE).catch(() => false);
  return { adopted, refused };
}

/** Keeps a network answer for a data file, if it is the build's file; `response` is read (pass a clone). */
export async function keepFetched(storage: CacheStorage, url: string, response: Response, files: readonly DataFileHash[], base: string): Promise<boolean> {
  const file = dataFileAt(url, base, files);
  if (!file) return false;
  try {
    return (await keep(storage, new URL(file.path, base).href, response, file)) === null;
  } catch {
    return false;
  }
}

/** The kept answer for `url`, if one of this build's files is kept there. */
export async function keptAnswer(storage: CacheStorage, url: string, files: readonly DataFileHash[], base: string): Promise<Response | null> {
  const file = dataFileAt(url, base, files);
  if (!file) return null;
  try {
    const response = await (await storage.open(KEPT_DATA_FILES_CACHE)).match(new URL(file.path, base).href);
    return response && response.headers.get(KEPT_SHA256_HEADER) === file.sha256 ? response : null;
  } catch {
    return null;
  }
}

/** Forgets kept files this build does not publish (an older build's data). */
export async function forgetStaleKept(storage: CacheStorage, files: readonly DataFileHash[], base: string): Promise<void> {
  try {
    if (!(await storage.has(KEPT_DATA_FILES_CACHE))) return;
    const kept = await storage.open(KEPT_DATA_FILES_CACHE);
    for (const request of await kept.keys()) {
      const file = dataFileAt(request.url, base, files);
      const response = file ? await kept.match(request) : undefined;
      if (!file || response?.headers.get(KEPT_SHA256_HEADER) !== file.sha256) await kept.delete(request);
    }
  } catch {
    // nothing to forget
  }
}
