// The loader worker's handler for Node tests: the real handler in this process, with a fake only
// at the network boundary (a folder of files in memory, served like a server would).
import type { LoadFailure } from '../data/sources/loadFailure';
import { createLoaderHandler } from '../worker/loader/loaderHandler';
import type { LoaderReply } from '../worker/loader/protocol';
import { gzipBytes, syntheticSplit } from './idxFiles';

export const BASE = 'http://files.test/mnist/';
export const train = syntheticSplit(30);
export const test = syntheticSplit(12, [7, 3]);
/** The four files as IDX, by MNIST's names. */
export const rawFiles: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': train.images,
  'train-labels-idx1-ubyte.gz': train.labels,
  't10k-images-idx3-ubyte.gz': test.images,
  't10k-labels-idx1-ubyte.gz': test.labels,
};
/** The same, gzipped, as MNIST publishes them. */
export const goodFiles: Record<string, Uint8Array> = Object.fromEntries(Object.entries(rawFiles).map(([name, bytes]) => [name, gzipBytes(bytes)]));

/** How a served file misbehaves: sends half and then nothing (`stallOn`), or half and then fails (`dropOn`). */
export interface FolderFaults {
  readonly stallOn?: string;
  readonly dropOn?: string;
}

/**
 * A fetch over an in-memory folder under BASE. A number instead of bytes is an empty response
 * with that status; a Response is given as it is.
 */
export function folderFetch(files: Record<string, Uint8Array | number | (() => Response)>, faults: FolderFaults = {}): typeof fetch {
  return (input, init) => Promise.resolve(respond(input instanceof Request ? input.url : input.toString(), init));
  function respond(url: string, init: RequestInit | undefined): Response {
    const name = url.slice(BASE.length);
    const body = files[name];
    if (body === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
    if (typeof body === 'number') return new Response('', { status: body });
    if (typeof body === 'function') return body();
    if (name === faults.stallOn || name === faults.dropOn) {
      const drop = name === faults.dropOn;
      // Sends the first half, then never finishes until aborted (or fails at once).
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(body.subarray(0, body.length >> 1));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
        pull(controller) {
          if (drop) controller.error(new TypeError('network error'));
        },
      });
      return new Response(stream, { headers: { 'content-length': String(body.length) } });
    }
    return new Response(body.slice(), { headers: { 'content-length': String(body.length) } });
  }
}

/** How a load ends; progress, partial data, hashes and caching are on the way or after. */
export const isOutcome = (r: LoaderReply) => r.type === 'loaded' || r.type === 'error' || r.type === 'cancelled';
export const final = (replies: LoaderReply[]) => replies.filter(isOutcome);

/** A handler on `fetchImpl`, its replies, and a promise of the load's outcome. */
export function run(fetchImpl: typeof fetch, shared = false, stallTimeoutMs?: number) {
  const replies: LoaderReply[] = [];
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const handle = createLoaderHandler({
    fetch: fetchImpl,
    shared,
    stallTimeoutMs,
    post: (reply) => {
      replies.push(reply);
      if (isOutcome(reply)) settle();
    },
  });
  return { handle, replies, done };
}

/** The failure the load ended with; throws when it did not fail. */
export function failureIn(replies: LoaderReply[]): LoadFailure {
  const outcome = final(replies).at(-1);
  if (outcome?.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.failure;
}

/** A relayed source (Azure): its own host, and the app's relay for it. */
export const DIRECT = 'https://blob.test/mnist/';
export const RELAY = 'http://app.test/azure-mnist/';

/** Direct URLs behave as `direct` says; relay URLs serve the files unless `relayMissing`. */
export function relayFetch(direct: 'cors' | 'no-cors', relayMissing = false) {
  const asked: string[] = [];
  const relay = folderFetch(goodFiles);
  const fetchImpl: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    asked.push(`${init?.method ?? 'GET'} ${url}`);
    if (url.startsWith(DIRECT)) {
      // A host without CORS headers looks to the page like a network failure.
      if (direct === 'no-cors') return Promise.reject(new TypeError('Failed to fetch'));
      return relay(url.replace(DIRECT, BASE), init);
    }
    if (relayMissing) return Promise.resolve(new Response('not found', { status: 404, statusText: 'Not Found' }));
    return relay(url.replace(RELAY, BASE), init);
  };
  return { fetchImpl, asked };
}
