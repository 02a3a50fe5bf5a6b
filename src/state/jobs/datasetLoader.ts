// The page's side of the loader worker: starts loads, and turns the worker's replies into store
// updates. The only module that knows a Worker exists.
import { MAX_FILE_BYTES as LIMIT_FILE_BYTES } from '../../data/limits';
import { datasetOfSource, sourceFileUrls, type DataSource } from '../../data/sources/sources';
import { CATALOG, type DatasetId } from '../../data/dataset/catalog';
import { assignLocalFiles, isArchiveName } from '../../data/sources/localFiles';
import { failureOf } from '../../data/sources/loadFailure';
import type { FileSlot } from '../../data/dataset/fileSlots';
import type { LoaderReply, LoaderRequest } from '../../worker/loader/protocol';
import { explorerStore } from '../store/explorerStore';
import { whenSettled } from './runAnalysis';
import { recognisedAs } from '../../data/dataset/publishedFiles';
import { PERF_MARKS, type LoadedMarkDetail } from '../app/perfMarks';
import { serviceWorkerWantsHandOver } from '../app/serviceWorker';

/**
 * The largest IDX payload a file may declare: 1 GiB unless the build sets VITE_MAX_FILE_BYTES
 * (MNIST's largest file is 47 MB; EMNIST-sized data sets stay well under the default).
 */
const MAX_FILE_BYTES = Number(import.meta.env.VITE_MAX_FILE_BYTES) || LIMIT_FILE_BYTES;

let worker: Worker | null = null;
/**
 * Sources loaded in this tab: the visitor chose each one (typed it, picked it or said Load).
 * Kept in sessionStorage, so a reload of the same tab does not ask again; a link opened in a new
 * tab starts with none. What is read back is only ever compared, never loaded from.
 */
const CHOSEN_KEY = 'mnist-explorer:chosen-sources';
const MAX_CHOSEN = 50;

const sourceKey = (source: DataSource) => JSON.stringify(source);

function chosenSources(): string[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(CHOSEN_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return []; // unreadable or no storage (a sandboxed frame): ask again, the safe side
  }
}

function rememberChosen(source: DataSource): void {
  if (source.kind !== 'custom') return;
  const key = sourceKey(source);
  const kept = [key, ...chosenSources().filter((k) => k !== key)].slice(0, MAX_CHOSEN);
  try {
    sessionStorage.setItem(CHOSEN_KEY, JSON.stringify(kept));
  } catch {
    // storage full or refused: the next link to this source asks again
  }
}

/**
 * Whether opening `source` from a link needs the visitor's yes first: any server other than the
 * bundled copy and Azure, unless they already chose it in this tab. A link must not make the
 * visitor's browser fetch from a host of the link's choosing (localhost, a private address).
 */
export function linkSourceNeedsConsent(source: DataSource): boolean {
  if (source.kind === 'local') return source.files === null;
  return source.kind === 'custom' && !chosenSources().includes(sourceKey(source));
}
let nextRequestId = 1;

function loaderWorker(): Worker {
  if (!worker) {
    performance.mark(PERF_MARKS.workerStart);
    worker = new Worker(new URL('../../worker/loader/loader.worker.ts', import.meta.url), { type: 'module', name: 'mnist-loader' });
    worker.addEventListener('message', (event: MessageEvent<LoaderReply>) => applyReply(event.data));
    worker.addEventListener('error', (event) => {
      // A worker that failed to start or crashed is not reused: Retry starts a fresh one.
      worker?.terminate();
      worker = null;
      settleIdleWaiters();
      const load = explorerStore.getState().load;
      if (load.status === 'loading') {
        explorerStore.getState().loadFailed(load.requestId, failureOf({ code: 'worker-crashed', detail: { reason: event.message || 'it failed to start or crashed' } }));
      }
    });
  }
  return worker;
}

function applyReply(reply: LoaderReply): void {
  const store = explorerStore.getState();
  switch (reply.type) {
    case 'progress':
      store.loadProgress(reply.requestId, reply.slot, reply.progress);
      break;
    case 'loaded': {
      store.loadSucceeded(reply.requestId, reply);
      performance.measure(PERF_MARKS.workerLoad, { start: reply.startedAt - performance.timeOrigin, duration: reply.decodeMs });
      const { train, test } = reply.dataset;
      const detail: LoadedMarkDetail = {
        pixelBytes: train.images.byteLength + test.images.byteLength,
        labelBytes: train.labels.byteLength + test.labels.byteLength,
        shared: reply.shared,
        fromKeptCopy: reply.fromKeptCopy,
      };
      performance.mark(PERF_MARKS.loaded, { detail });
      // The statistics follow the frame that draws the data (jobs/scheduler.ts); once they are
      // there (or after a few seconds at most) the loader is told it may start its after-load
      // work: hashing and keeping on the other core slowed the first paint, and halved the
      // statistics' speed (two cores, three jobs).
      requestAnimationFrame(() =>
        setTimeout(() => void whenSettled('statistics', reply.dataset, AFTER_LOAD_WAIT_MS).then(() => tell({ type: 'shown', requestId: reply.requestId })), 0),
      );
      break;
    }
    case 'error':
      store.loadFailed(reply.requestId, reply.failure);
      break;
    case 'partial':
      store.loadPartial(reply.requestId, reply.dataset);
      break;
    case 'kept-copy-damaged': {
      const source = explorerStore.getState().loadedSource;
      if (explorerStore.getState().loadedRequestId !== reply.requestId || !source) break;
      store.keptCopyDamaged(`The kept copy of ${reply.file} had changed on disk (its ${reply.what} no longer match the SHA-256 recorded when it was kept), so it was discarded; MNIST is being loaded from the server again.`);
      loadSource(source);
      break;
    }
    case 'kept-copy-checked':
      performance.mark(PERF_MARKS.keptChecked);
      break;
    case 'kept-copy-written':
      performance.mark(PERF_MARKS.keptCopyWritten);
      break;
    case 'hashes': {
      store.filesHashed(reply.requestId, reply.sha256, reply.idxSha256);
      // The visitor's own files may be a published dataset opened as another (Fashion-MNIST's
      // files while the list says MNIST): their contents say which, and it is shown as that.
      const { dataset, loadedSource, loadedRequestId } = explorerStore.getState();
      const recognised = dataset && loadedSource?.kind === 'local' && loadedRequestId === reply.requestId ? recognisedAs(dataset, reply.idxSha256) : null;
      if (recognised) store.datasetRecognised(reply.requestId, recognised);
      break;
    }
    case 'cancelled':
      store.loadCancelled(reply.requestId);
      break;
    case 'idle':
      // The worker is done with the newest load: let it go. Its heap still holds the hashing and
      // writing copies (freed only at its next garbage collection, which an idle worker may not
      // have for minutes); the data itself lives on in the page. The next load starts a fresh
      // worker, which costs less than those copies held.
      if (reply.requestId === lastLoadId) {
        worker?.terminate();
        worker = null;
        settleIdleWaiters();
      }
      break;
  }
}

/** Those waiting for the loader to have nothing more to do (whenLoaderIdle). */
let idleWaiters: (() => void)[] = [];

function settleIdleWaiters(): void {
  const waiting = idleWaiters;
  idleWaiters = [];
  for (const resolve of waiting) resolve();
}

/** Resolves once no load is in flight or being hashed and kept (at once, if none is). */
export function whenLoaderIdle(): Promise<void> {
  if (!worker) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/** The id of the last load asked for: only its worker's `idle` ends the worker. */
let lastLoadId = 0;

function send(request: LoaderRequest): void {
  loaderWorker().postMessage(request);
}

/** Messages about a load in flight go only to a worker that exists (an idle one was let go). */
/** The loader's after-load work waits for the statistics at most this long. */
const AFTER_LOAD_WAIT_MS = 5_000;

function tell(request: LoaderRequest): void {
  worker?.postMessage(request);
}

/** Starts loading `source`; the data on screen stays until the new data has fully arrived. */
export function loadSource(source: DataSource): void {
  const requestId = nextRequestId++;
  rememberChosen(source);
  explorerStore.getState().loadStarted(requestId, source);
  lastLoadId = requestId;
  const dataset = datasetOfSource(source);
  if (source.kind === 'local') {
    loadLocalFiles(requestId, source.dataset, source.files ?? []);
    return;
  }
  // Relative to the app's base, not the page URL, so the app works from any sub-path.
  const appBase = new URL(import.meta.env.BASE_URL, window.location.href).href;
  const urls = sourceFileUrls(source, appBase);
  if (!urls) {
    explorerStore.getState().loadFailed(requestId, failureOf({ code: 'local-only', detail: { datasetTitle: CATALOG[dataset].title } }));
    return;
  }
  // The bundled files on a static host's first visit are handed to its service worker, to keep.
  const handOver = source.kind === 'bundled' && serviceWorkerWantsHandOver();
  send({ type: 'load', requestId, dataset, ...urls, maxBytes: MAX_FILE_BYTES, handOver });
}

/**
 * The visitor's own files, read where they are: each gets a blob: URL the worker reads like any
 * other (streamed, inflated as it arrives), and nothing is uploaded or kept.
 */
function loadLocalFiles(requestId: number, dataset: DatasetId, files: readonly File[]): void {
  const archives = files.filter((f) => isArchiveName(f.name));
  if (archives.length > 0) {
    if (files.length > 1) {
      explorerStore.getState().loadFailed(requestId, failureOf({ code: 'archive-with-files', detail: {} }, { slot: null, name: archives[0]!.name, url: null }));
      return;
    }
    send({ type: 'load', requestId, dataset, urls: {}, local: { names: {}, archive: archives[0]! }, maxBytes: MAX_FILE_BYTES });
    return;
  }
  const assigned = assignLocalFiles(files.map((f) => f.name), CATALOG[dataset]);
  if (!assigned.ok) {
    explorerStore.getState().loadFailed(requestId, failureOf({ code: 'files-unmatched', detail: { reason: assigned.reason } }));
    return;
  }
  for (const url of localUrls) URL.revokeObjectURL(url);
  localUrls = [];
  const urls: Partial<Record<FileSlot, string>> = {};
  const names: Partial<Record<FileSlot, string>> = {};
  for (const [slot, index] of Object.entries(assigned.files) as [FileSlot, number][]) {
    const file = files[index]!;
    urls[slot] = URL.createObjectURL(file);
    names[slot] = file.name;
    localUrls.push(urls[slot]);
  }
  send({ type: 'load', requestId, dataset, urls, local: { names }, maxBytes: MAX_FILE_BYTES });
}

/** The blob: URLs of the last local files, let go when others are opened. */
let localUrls: string[] = [];

/** Loads the source of the last attempt again (the Retry button). */
export function retryLoad(): void {
  const { load, loadedSource } = explorerStore.getState();
  const source = load.status === 'failed' || load.status === 'loading' ? load.source : loadedSource;
  if (source) loadSource(source);
}

export function cancelLoad(): void {
  const load = explorerStore.getState().load;
  if (load.status === 'loading') tell({ type: 'cancel', requestId: load.requestId });
}
