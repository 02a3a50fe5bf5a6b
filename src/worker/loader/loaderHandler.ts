import type { Dataset } from '../../data/dataset/dataset';
import { CATALOG, infoFor, type DatasetEntry } from '../../data/dataset/catalog';
import { chooseArchiveEntries } from '../../data/sources/localFiles';
import type { OpenedArchive } from './archive';
import { MAX_LABEL } from '../../data/limits';

/** How an archive's entry is named to the loader: a URL no network request can have. */
const ARCHIVE_URL_PREFIX = 'archive:';
import { encodeIdxHeader, type Allocate, type DecodedIdx } from '../../data/decode/idx';
import { FILE_SLOTS, type FileSlot } from '../../data/dataset/fileSlots';
import { findDamagedFile, forgetDecodedCopy, headWithinStall, keepDecodedCopy, readDecodedCopy } from './decodedCopy';
import { DEFAULT_STALL_TIMEOUT_MS } from './loadFile';
import { assembleNamed, loadMnist, type LoadedMnist, type TrainPrefix } from './loadDataset';
import { LoadFailureError } from './loadFailureError';
import { failureOf, NO_FILE, type LoadFailure, type TransportCause } from '../../data/sources/loadFailure';
import { releaseBuffer } from '../../data/decode/bytes';
import { sha256OfParts } from '../../data/decode/sha256';
import type { FileUrls } from '../../data/sources/sources';
import type { FileProgress, LoadedFileInfo, LoaderReply, LoaderRequest } from './protocol';
import { throttle } from './throttle';

/**
 * How often the page hears about newly decoded training digits: the first at once, then this.
 * Each message re-renders the page on the cores pako needs: at most four a second.
 */
const PARTIAL_INTERVAL_MS = 250;
const PROGRESS_INTERVAL_MS = 100;

export interface LoaderDeps {
  readonly post: (reply: LoaderReply, transfer: Transferable[]) => void;
  readonly fetch: typeof fetch;
  /** Whether buffers are SharedArrayBuffers (the page is cross-origin isolated). */
  readonly shared: boolean;
  readonly now?: () => number;
  readonly stallTimeoutMs?: number;
  /** How long after-load work waits for the page's 'shown' before it starts anyway (1 s). */
  readonly shownTimeoutMs?: number;
}

/**
 * Whether the browser may read `urls` itself: one HEAD request (the smallest file), under the
 * stall rule. A host without CORS headers fails it as a network error, as does no network.
 */
async function canReadDirectly(urls: FileUrls, fetchFn: typeof fetch, signal: AbortSignal, stallMs: number): Promise<boolean> {
  try {
    return (await headWithinStall(urls['test-labels'], fetchFn, signal, stallMs)).ok;
  } catch {
    return false;
  }
}

/** All four files' URLs, or null when the request has fewer (a one-split dataset). */
function completeUrls(urls: Partial<FileUrls>): FileUrls | null {
  return FILE_SLOTS.every((f) => urls[f.slot] !== undefined) ? (urls as FileUrls) : null;
}

/** What the 'error' reply says of `error`, thrown by a load's steps; `relayUrls` when the files were read through the relay. */
function failureOfError(error: unknown, relayUrls: FileUrls | null): LoadFailure {
  if (!(error instanceof LoadFailureError)) return failureOf({ code: 'unexpected', detail: { reason: String(error) } }, NO_FILE);
  const { failure } = error;
  if (!relayUrls || !isTransport(failure)) return failure;
  // Through the relay, no answer with a file means the relay is not there (or not working):
  // the file's own failure is the cause, said after why there is a relay at all.
  const relayPath = new URL('./', relayUrls['test-labels']).pathname;
  return { code: 'relay-missing', detail: { relayPath, cause: failure }, slot: failure.slot, name: failure.name, url: failure.url };
}

function isTransport(failure: LoadFailure): failure is LoadFailure & TransportCause {
  switch (failure.code) {
    case 'http':
    case 'stall':
    case 'network':
    case 'redirect':
    case 'html-page':
      return true;
    default:
      return false;
  }
}

/**
 * The worker's brain, kept apart from `self` so it runs in Node tests: takes requests, posts
 * replies. One load at a time: a new load or a cancel aborts the one in flight, and replies always
 * carry the request id so the page can drop anything stale.
 */
export function createLoaderHandler(deps: LoaderDeps): (request: LoaderRequest) => void {
  const now = deps.now ?? (() => performance.now());
  const allocate: Allocate = deps.shared
    ? (n) => new Uint8Array(new SharedArrayBuffer(n))
    : (n) => new Uint8Array(new ArrayBuffer(n));
  let current: { requestId: number; controller: AbortController } | null = null;
  /** Resolvers of loads whose dataset the page has not said it has drawn yet. */
  const shownWaiters = new Map<number, () => void>();
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
  /** Whether the browser could read a relayed source directly, once asked (kept for the worker's life, which ends when it is idle). */
  const directlyReadable = new Map<string, boolean>();

  /** One load in flight: what its steps share. */
  interface Load {
    readonly requestId: number;
    readonly signal: AbortSignal;
    /** Set once every file is decoded: progress and partial data stop then. */
    decodedAll: boolean;
    /** The whole dataset's size limit, if the request set one. */
    readonly maxTotalBytes: number | undefined;
    progressOf(slot: FileSlot): (progress: FileProgress) => void;
    postLoaded(dataset: Dataset, files: readonly LoadedFileInfo[], fromCache: boolean): void;
  }

  const stallMs = deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const superseded = () => new DOMException('superseded', 'AbortError');

  const begin = (requestId: number, maxTotalBytes?: number): Load => {
    current?.controller.abort();
    const controller = new AbortController();
    current = { requestId, controller };
    const started = now();
    // Progress per file, at most every 100 ms: each message re-renders the page, which shares the
    // two cores with this decoding.
    const progressPosts = new Map<FileSlot, (progress: FileProgress) => void>();
    const load: Load = {
      requestId,
      signal: controller.signal,
      decodedAll: false,
      maxTotalBytes,
      progressOf: (slot) => {
        let post = progressPosts.get(slot);
        if (!post) {
          post = throttle((progress: FileProgress) => {
            if (!controller.signal.aborted && !load.decodedAll) deps.post({ type: 'progress', requestId, slot, progress }, []);
          }, PROGRESS_INTERVAL_MS);
          progressPosts.set(slot, post);
        }
        return post;
      },
      postLoaded: (dataset, files, fromCache) => {
        // Shared buffers are shared by posting; plain ones must be moved, never copied (47 MB).
        const transfer = deps.shared
          ? []
          : [dataset.train.images.buffer, dataset.train.labels.buffer, dataset.test.images.buffer, dataset.test.labels.buffer];
        const reply: LoaderReply = { type: 'loaded', requestId, dataset, files, shared: deps.shared, decodeMs: now() - started, startedAt: performance.timeOrigin + started, fromCache };
        deps.post(reply, transfer as ArrayBuffer[]);
      },
    };
    return load;
  };

  /**
   * Step 1: where the files are read from. A source with a relay (Azure) is tried directly
   * first: it works wherever the host sends CORS headers, and on a static host, which has no
   * relay, it is the only way.
   */
  const chooseUrls = async (load: Load, requested: FileUrls, relayUrls: FileUrls | undefined): Promise<{ urls: FileUrls; viaRelay: boolean }> => {
    if (!relayUrls) return { urls: requested, viaRelay: false };
    const key = FILE_SLOTS.map((f) => requested[f.slot]).join('\n');
    let direct = directlyReadable.get(key);
    if (direct === undefined) {
      direct = await canReadDirectly(requested, deps.fetch, load.signal, stallMs);
      if (load.signal.aborted) throw superseded();
      directlyReadable.set(key, direct);
    }
    return direct ? { urls: requested, viaRelay: false } : { urls: relayUrls, viaRelay: true };
  };

  /**
   * Step 2: the kept copy, if the server still has the same files: shown, then (once on screen)
   * proved to be the bytes that were kept. False when there is none to use.
   */
  const loadFromCache = async (load: Load, urls: FileUrls, entry: DatasetEntry): Promise<boolean> => {
    const cached = await readDecodedCopy(urls, deps.fetch, allocate, load.signal, stallMs);
    if (load.signal.aborted) throw superseded();
    if (!cached) return false;
    const byName = new Map(
      FILE_SLOTS.map((f): [FileSlot, DecodedIdx] => {
        const { info, data, dims } = cached[f.slot];
        const headerBytes = info.inflatedBytes - data.length;
        return [f.slot, { header: { type: info.idxType, dims, headerBytes, dataBytes: data.length }, data }];
      }),
    );
    // Transferred buffers leave with the reply: without shared memory the check reads a copy.
    const toCheck = deps.shared
      ? cached
      : (Object.fromEntries(FILE_SLOTS.map((f) => [f.slot, { ...cached[f.slot], data: cached[f.slot].data.slice() }])) as typeof cached);
    const shown = untilShown(load.requestId, load.signal);
    load.postLoaded(assembleNamed(byName, urls, entry), FILE_SLOTS.map((f) => cached[f.slot].info), true);
    await shown;
    if (load.signal.aborted) return true;
    const damaged = await findDamagedFile(toCheck, load.signal);
    if (!deps.shared) for (const f of FILE_SLOTS) releaseBuffer(toCheck[f.slot].data);
    if (load.signal.aborted) return true;
    if (damaged) {
      await forgetDecodedCopy(urls);
      deps.post({ type: 'kept-copy-damaged', requestId: load.requestId, ...damaged }, []);
    } else {
      deps.post({ type: 'kept-copy-checked', requestId: load.requestId }, []);
    }
    return true;
  };

  /** What the network step hands to hashing and keeping. */
  interface Fetched {
    readonly loaded: LoadedMnist;
    /** The IDX hashes, when they had to be taken before the buffers moved (no shared memory). */
    readonly idxSha256: Record<FileSlot, string> | null;
    /** The decoded payloads to write to disk: the shared buffers, or copies of moved ones. */
    readonly toKeep: readonly Uint8Array[];
  }

  /** Step 3: the four files from the network, decoded as they stream in, then shown. */
  const loadFromNetwork = async (
    load: Load,
    urls: Partial<FileUrls>,
    maxBytes: number | undefined,
    entry: DatasetEntry,
    names?: Partial<Record<FileSlot, string>>,
    fetchFiles: typeof fetch = deps.fetch,
  ): Promise<Fetched | null> => {
    const loaded = await loadMnist({
      urls,
      names,
      entry,
      maxTotalBytes: load.maxTotalBytes,
      fetch: fetchFiles,
      allocate,
      signal: load.signal,
      stallTimeoutMs: deps.stallTimeoutMs,
      maxBytes,
      // Only shared buffers can be shown while they fill; transferred ones move once, at the end.
      onTrainPrefix: deps.shared
        ? throttle((prefix) => {
            if (!load.decodedAll) postPrefix(load.requestId, prefix, entry);
          }, PARTIAL_INTERVAL_MS)
        : undefined,
      onProgress: (file, progress) => load.progressOf(file)(progress),
    });
    load.decodedAll = true;
    if (load.signal.aborted) return null;
    const { dataset, files, decoded } = loaded;
    // Transferred buffers leave with the reply, so without shared memory the IDX bytes are
    // hashed first; shared ones stay readable here and are hashed after the digits are shown.
    const idxSha256 = deps.shared ? null : await hashIdxFiles(files, decoded.map((d) => d.idx), load.signal);
    // Without shared memory the buffers move to the page, so a copy (55 MB, ~10 ms) is what
    // gets kept on disk; it is let go as soon as it is written. A plain static host gets the
    // same fast second visit as an isolated one.
    const toKeep = deps.shared ? decoded.map((d) => d.idx.data) : decoded.map((d) => d.idx.data.slice());
    const shown = untilShown(load.requestId, load.signal);
    load.postLoaded(dataset, files, false);
    await shown;
    return { loaded, idxSha256, toKeep };
  };

  /**
   * The visitor's zip archive: the entries of the dataset it holds (see chooseArchiveEntries),
   * each streamed from the archive into the same decoding as a download. Nothing is kept.
   */
  const loadFromArchive = async (load: Load, file: File, maxBytes: number | undefined, requested: DatasetEntry): Promise<void> => {
    const archiveFile = { slot: null, name: file.name, url: null };
    // The zip reader (130 KB) is fetched only when an archive is opened: every other load starts without it.
    const { openArchive } = await import('./archive');
    let archive: OpenedArchive;
    try {
      archive = await openArchive(file);
    } catch (error) {
      throw error instanceof LoadFailureError ? error.onFile(archiveFile) : error;
    }
    try {
      if (load.signal.aborted) throw superseded();
      const choice = chooseArchiveEntries(archive.names, requested, Object.values(CATALOG));
      if (!choice.ok) throw new LoadFailureError({ code: 'files-unmatched', detail: { reason: choice.reason } }, archiveFile);
      const urls: Partial<FileUrls> = {};
      const names: Partial<Record<FileSlot, string>> = {};
      for (const [slot, path] of Object.entries(choice.files) as [FileSlot, string][]) {
        urls[slot] = `${ARCHIVE_URL_PREFIX}${encodeURIComponent(path)}`;
        names[slot] = `${file.name}/${path}`;
      }
      const fromArchive: typeof fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (!url.startsWith(ARCHIVE_URL_PREFIX)) return deps.fetch(input, init);
        return Promise.resolve(archive.entryResponse(decodeURIComponent(url.slice(ARCHIVE_URL_PREFIX.length))));
      };
      const fetched = await loadFromNetwork(load, urls, maxBytes, choice.dataset, names, fromArchive);
      if (fetched) await hashAndKeep(load, null, fetched);
    } finally {
      await archive.close().catch(() => undefined);
    }
  };

  /** Step 4, once the data is on screen: the files' hashes, then the kept copy for next time (none for `urls` null). */
  const hashAndKeep = async (load: Load, urls: FileUrls | null, { loaded, idxSha256: idxFirst, toKeep }: Fetched): Promise<void> => {
    const { files, served, decoded } = loaded;
    const sha256 = await hashServedBytes(files, served, load.signal);
    // The served chunks live on in each file's Blob (a copy); these were only kept for the hash.
    for (const chunks of served) for (const chunk of chunks) releaseBuffer(chunk);
    const idxSha256 = idxFirst ?? (await hashIdxFiles(files, decoded.map((d) => d.idx), load.signal));
    if (!sha256 || !idxSha256) return;
    deps.post({ type: 'hashes', requestId: load.requestId, sha256, idxSha256 }, []);
    if (!urls) {
      if (!deps.shared) for (const data of toKeep) releaseBuffer(data);
      return;
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
    if (!deps.shared) for (const data of toKeep) releaseBuffer(data);
    if (kept) deps.post({ type: 'cached', requestId: load.requestId }, []);
  };

  const start = async (request: Extract<LoaderRequest, { type: 'load' }>) => {
    const { requestId, relayUrls, maxBytes, maxTotalBytes } = request;
    const entry = CATALOG[request.dataset ?? 'mnist'];
    const load = begin(requestId, maxTotalBytes);
    let viaRelay = false;
    try {
      if (request.local?.archive) {
        await loadFromArchive(load, request.local.archive, maxBytes, entry);
        return;
      }
      const requested = completeUrls(request.urls);
      if (!requested || request.local) {
        // The visitor's own files: read once, shown, hashed for the Files view; nothing kept.
        const fetched = await loadFromNetwork(load, request.urls, maxBytes, entry, request.local?.names);
        if (fetched) await hashAndKeep(load, null, fetched);
        return;
      }
      const chosen = await chooseUrls(load, requested, relayUrls);
      viaRelay = chosen.viaRelay;
      if (await loadFromCache(load, chosen.urls, entry)) return;
      const fetched = await loadFromNetwork(load, chosen.urls, maxBytes, entry);
      if (fetched) await hashAndKeep(load, chosen.urls, fetched);
    } catch (error) {
      if (load.signal.aborted) {
        deps.post({ type: 'cancelled', requestId }, []);
        return;
      }
      deps.post({ type: 'error', requestId, failure: failureOfError(error, viaRelay ? relayUrls! : null) }, []);
    } finally {
      // Everything for the newest load is done (kept, checked, failed or cancelled): the page may
      // let this worker go, and with it whatever its heap still holds (see datasetLoader).
      if (current?.requestId === requestId) {
        current = null;
        deps.post({ type: 'idle', requestId }, []);
      }
    }
  };

  const postPrefix = (requestId: number, { images, labels, ready, rows, cols }: TrainPrefix, entry: DatasetEntry) => {
    if (current?.requestId !== requestId) return;
    const empty = new Uint8Array(0);
    let largest = 0;
    for (let i = 0; i < ready; i++) if (labels[i]! > largest && labels[i]! <= MAX_LABEL) largest = labels[i]!;
    deps.post(
      {
        type: 'partial',
        requestId,
        dataset: {
          train: { split: 'train', count: ready, images, labels: labels.subarray(0, ready) },
          test: { split: 'test', count: 0, images: empty, labels: empty },
          rows,
          cols,
          info: infoFor(entry, largest),
          warnings: [],
        },
      },
      [],
    );
  };

  /**
   * SHA-256 of each file, one file per task so a cancel is not kept waiting: `parts(i)` gives
   * the byte runs of file i in order.
   */
  const hashFiles = async (
    files: readonly LoadedFileInfo[],
    parts: (i: number) => readonly Uint8Array[],
    signal: AbortSignal,
  ): Promise<Record<FileSlot, string> | null> => {
    const sha256: Partial<Record<FileSlot, string>> = {};
    for (const [i, file] of files.entries()) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) return null;
      sha256[file.slot] = await sha256OfParts(parts(i));
      if (signal.aborted) return null;
    }
    return sha256 as Record<FileSlot, string>;
  };
  const hashServedBytes = (files: readonly LoadedFileInfo[], served: readonly (readonly Uint8Array[])[], signal: AbortSignal) =>
    hashFiles(files, (i) => served[i] ?? [], signal);
  /** The inflated IDX file: its header, rebuilt from type and shape, then its data. */
  const hashIdxFiles = (files: readonly LoadedFileInfo[], decoded: readonly DecodedIdx[], signal: AbortSignal) =>
    hashFiles(files, (i) => [encodeIdxHeader(decoded[i]!.header.type, decoded[i]!.header.dims), decoded[i]!.data], signal);

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
