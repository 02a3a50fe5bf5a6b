// The worker's brain, kept apart from `self` so it runs in Node tests: takes requests, posts
// replies, and routes each load through its steps (steps/*.ts). One load at a time: a new load or
// a cancel aborts the one in flight, and replies always carry the request id so the page can drop
// anything stale.
import { CATALOG } from '../../data/dataset/catalog';
import { FILE_SLOTS } from '../../data/dataset/fileSlots';
import type { Allocate } from '../../data/decode/idx';
import { failureOf, isTransportFailure, NO_FILE, type LoadFailure } from '../../data/sources/loadFailure';
import type { FileUrls } from '../../data/sources/sources';
import { createLoad, type Load, type LoaderDeps } from './loadContext';
import { LoadFailureError } from './loadFailureError';
import { DEFAULT_STALL_TIMEOUT_MS } from './loadFile';
import type { LoaderRequest } from './protocol';
import { chooseUrls, type DirectlyReadable } from './steps/chooseUrls';
import { loadFromArchive } from './steps/fromArchive';
import { loadFromKeptCopy } from './steps/fromKeptCopy';
import { loadFromNetwork } from './steps/fromNetwork';
import { handOver } from './steps/handOver';
import { hashAndKeep } from './steps/hashAndKeep';

export type { LoaderDeps };

type LoadRequest = Extract<LoaderRequest, { type: 'load' }>;

/** All four files' URLs, or null when the request has fewer (a one-split dataset). */
function completeUrls(urls: Partial<FileUrls>): FileUrls | null {
  return FILE_SLOTS.every((f) => urls[f.slot] !== undefined) ? (urls as FileUrls) : null;
}

/** What the 'error' reply says of `error`, thrown by a load's steps; `relayUrls` when the files were read through the relay. */
function failureOfError(error: unknown, relayUrls: FileUrls | null): LoadFailure {
  if (!(error instanceof LoadFailureError)) return failureOf({ code: 'unexpected', detail: { reason: String(error) } }, NO_FILE);
  const { failure } = error;
  if (!relayUrls || !isTransportFailure(failure)) return failure;
  // Through the relay, no answer with a file means the relay is not there (or not working):
  // the file's own failure is the cause, said after why there is a relay at all.
  const relayPath = new URL('./', relayUrls['test-labels']).pathname;
  return { code: 'relay-missing', detail: { relayPath, cause: failure }, slot: failure.slot, name: failure.name, url: failure.url };
}

export function createLoaderHandler(deps: LoaderDeps): (request: LoaderRequest) => void {
  const allocate: Allocate = deps.shared
    ? (n) => new Uint8Array(new SharedArrayBuffer(n))
    : (n) => new Uint8Array(new ArrayBuffer(n));
  const stallMs = deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  let current: { requestId: number; controller: AbortController } | null = null;
  /** Resolvers of loads whose dataset the page has not said it has drawn yet. */
  const shownWaiters = new Map<number, () => void>();
  /** Kept for the worker's life, which ends when it is idle. */
  const directlyReadable: DirectlyReadable = new Map();

  /**
   * Resolves once the page says it drew this load's dataset, or after `shownTimeoutMs` (a hidden
   * tab draws nothing), or when the load is superseded.
   */
  const untilShown = (requestId: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        shownWaiters.delete(requestId);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, deps.shownTimeoutMs ?? 1000);
      signal.addEventListener('abort', done);
      shownWaiters.set(requestId, done);
    });

  const begin = ({ requestId, maxBytes, maxTotalBytes }: LoadRequest): Load => {
    current?.controller.abort();
    const controller = new AbortController();
    current = { requestId, controller };
    const isCurrent = () => current?.requestId === requestId;
    return createLoad({ requestId, controller, deps, allocate, stallMs, maxBytes, maxTotalBytes, isCurrent, untilShown });
  };

  /** Routes a load through its steps. */
  const route = async (load: Load, request: LoadRequest): Promise<void> => {
    const entry = CATALOG[request.dataset ?? 'mnist'];
    if (request.local?.archive) return loadFromArchive(load, request.local.archive, entry);
    const requested = completeUrls(request.urls);
    if (!requested || request.local) {
      // The visitor's own files: read once, shown, hashed for the Files view; nothing kept.
      const fetched = await loadFromNetwork(load, { urls: request.urls, entry, names: request.local?.names });
      if (fetched) await hashAndKeep(load, null, fetched);
      return;
    }
    const chosen = await chooseUrls(load, requested, request.relayUrls, directlyReadable);
    if (chosen.viaRelay) load.relayUrls = chosen.urls;
    if (await loadFromKeptCopy(load, chosen.urls, entry)) return;
    const fetched = await loadFromNetwork(load, { urls: chosen.urls, entry });
    const sha256 = fetched ? await hashAndKeep(load, chosen.urls, fetched) : null;
    if (fetched && sha256 && request.handOver && !chosen.viaRelay) await handOver(load, fetched.loaded, sha256);
  };

  const start = async (request: LoadRequest) => {
    const { requestId } = request;
    const load = begin(request);
    try {
      await route(load, request);
    } catch (error) {
      if (load.signal.aborted) {
        deps.post({ type: 'cancelled', requestId }, []);
        return;
      }
      deps.post({ type: 'error', requestId, failure: failureOfError(error, load.relayUrls) }, []);
    } finally {
      // Everything for the newest load is done (kept, checked, failed or cancelled): the page may
      // let this worker go, and with it whatever its heap still holds (see datasetLoader).
      if (current?.requestId === requestId) {
        current = null;
        deps.post({ type: 'idle', requestId }, []);
      }
    }
  };

  return (request) => {
    switch (request.type) {
      case 'load':
        void start(request);
        break;
      case 'cancel':
        if (current?.requestId === request.requestId) current.controller.abort();
        break;
      case 'shown':
        shownWaiters.get(request.requestId)?.();
        break;
    }
  };
}
