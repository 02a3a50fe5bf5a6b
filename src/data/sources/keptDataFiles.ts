// The data files a static host's service worker keeps (the bundled MNIST, 11 MB), and the one rule
// for keeping one: a complete 200 answer whose bytes are exactly the build's (size and SHA-256).
// The loader hands its first visit's answers over in one Cache, the service worker adopts what
// passes the rule into another, and the loader reads, offline, which files are kept. Pure: the
// caches are the callers'.
import { sha256OfParts } from '../decode/sha256';

/** One published data file: its path relative to the app's base, its size and SHA-256 (hex). */
export interface DataFileHash {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Where the loader leaves its first visit's answers for the service worker (emptied by it). */
export const HAND_OVER_CACHE = 'mnist-explorer-hand-over';
/** The data files the service worker keeps and answers from. */
export const KEPT_DATA_FILES_CACHE = 'mnist-explorer-data-files';
/** On a kept answer: the SHA-256 its bytes were checked against, so a reader need not hash 11 MB. */
export const KEPT_SHA256_HEADER = 'X-Mnist-Explorer-Sha256';

export type RefusedAnswer =
  | { readonly reason: 'not-a-data-file' }
  | { readonly reason: 'status'; readonly status: number }
  | { readonly reason: 'size'; readonly bytes: number; readonly expected: number }
  | { readonly reason: 'sha256' }
  | { readonly reason: 'unreadable' };

/** The data file at `url` (resolved against `base`), or null when `url` is none of them. */
export function dataFileAt(url: string, base: string, files: readonly DataFileHash[]): DataFileHash | null {
  let wanted: URL;
  try {
    wanted = new URL(url);
  } catch {
    return null;
  }
  wanted.search = '';
  wanted.hash = '';
  return files.find((f) => new URL(f.path, base).href === wanted.href) ?? null;
}

/**
 * Whether `response` may be kept as `file`: a 200 (not a 206 range, not a redirect's opaque
 * answer) whose bytes are the file's, exactly. Reads the body (of a clone, if the caller needs
 * the original). Never throws: an unreadable body is a refusal.
 */
export async function checkDataFileAnswer(response: Response, file: DataFileHash): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; refused: RefusedAnswer }> {
  if (response.status !== 200) return { ok: false, refused: { reason: 'status', status: response.status } };
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { ok: false, refused: { reason: 'unreadable' } };
  }
  if (bytes.length !== file.bytes) return { ok: false, refused: { reason: 'size', bytes: bytes.length, expected: file.bytes } };
  if ((await sha256OfParts([bytes])) !== file.sha256) return { ok: false, refused: { reason: 'sha256' } };
  return { ok: true, bytes };
}

/** Headers of an answer worth handing over or keeping: what the loader reads (type, validators), and the checked hash. */
export function keptAnswerHeaders(from: Headers, bytes: number, sha256: string): Headers {
  const headers = new Headers({ 'Content-Type': from.get('content-type') ?? 'application/gzip', 'Content-Length': String(bytes) });
  for (const name of ['etag', 'last-modified']) {
    const value = from.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set(KEPT_SHA256_HEADER, sha256);
  return headers;
}
