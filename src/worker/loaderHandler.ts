import type { Dataset } from '../data/dataset';
import { encodeIdxHeader, type Allocate, type DecodedIdx } from '../data/idx';
import { MNIST_FILES, type MnistFileName } from '../data/mnist';
import { discardCachedFiles, findDamagedFile, headWithinStall, readCachedFiles, writeCachedFiles } from './decodedCache';
import { DEFAULT_STALL_TIMEOUT_MS } from './loadFile';
import { assembleNamed, FileLoadError, loadMnist, type TrainPrefix } from './loadMnist';
import { releaseBuffer } from '../data/bytes';
import { sha256OfParts } from '../data/sha256';
import type { FileUrls } from '../data/sources';
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
    return (await headWithinStall(urls['t10k-labels-idx1-ubyte.gz'], fetchFn, signal, stallMs)).ok;
  } catch {
    return false;
  }
}

/** Said when a relayed source failed through the relay: why there is one, and where it exists. */
function relayHint(relayUrls: FileUrls): string {
  const relay = new URL('./', relayUrls['t10k-labels-idx1-ubyte.gz']);
  return (
    `The browser could not read the files directly (Azure's container sends no CORS headers), and this server has no working relay at ${relay.pathname}: ` +
    'the relay exists only in the servers of `npm start` and `npm run dev`, not on a static host. Choose the bundled copy, or run the app with `npm start`'
  );
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

  const start = async (requestId: number, requestedUrls: FileUrls, maxBytes: number | undefined, relayUrls: FileUrls | undefined) => {
    current?.controller.abort();
    const controller = new AbortController();
    current = { requestId, controller };
    const started = now();
    let urls = requestedUrls;
    let viaRelay = false;
    let decodedAll = false;
    // Progress per file, at most every 100 ms: each message re-renders the page, which shares the
    // two cores with this decoding.
    const progressPosts = new Map<MnistFileName, (progress: FileProgress) => void>();
    const progressOf = (file: MnistFileName) => {
      let post = progressPosts.get(file);
      if (!post) {
        post = throttle((progress: FileProgress) => {
          if (!controller.signal.aborted && !decodedAll) deps.post({ type: 'progress', requestId, file, progress }, []);
        }, PROGRESS_INTERVAL_MS);
        progressPosts.set(file, post);
      }
      return post;
    };
    const postLoaded = (dataset: Dataset, files: readonly LoadedFileInfo[], fromCache: boolean) => {
      // Shared buffers are shared by posting; plain ones must be moved, never copied (47 MB).
      const transfer = deps.shared
        ? []
        : [dataset.train.images.buffer, dataset.train.labels.buffer, dataset.test.images.buffer, dataset.test.labels.buffer];
      deps.post(
        {
          type: 'loaded',
          requestId,
          dataset,
          files,
          shared: deps.shared,
          decodeMs: now() - started,
          startedAt: performance.timeOrigin + started,
          fromCache,
        },
        transfer as ArrayBuffer[],
      );
    };
    try {
      // A source with a relay (Azure) is tried directly first: it works wherever the host sends
      // CORS headers, and on a static host, which has no relay, it is the only way.
      if (relayUrls) {
        const key = MNIST_FILES.map((f) => requestedUrls[f.name]).join('\n');
        let direct = directlyReadable.get(key);
        if (direct === undefined) {
          direct = await canReadDirectly(requestedUrls, deps.fetch, controller.signal, deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
          if (controller.signal.aborted) throw new DOMException('superseded', 'AbortError');
          directlyReadable.set(key, direct);
        }
        if (!direct) {
          urls = relayUrls;
          viaRelay = true;
        }
      }
      const cached = await readCachedFiles(urls, deps.fetch, allocate, controller.signal, deps.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
      if (controller.signal.aborted) throw new DOMException('superseded', 'AbortError');
      if (cached) {
        const byName = new Map(
          MNIST_FILES.map((f): [MnistFileName, DecodedIdx] => {
            const { info, data, dims } = cached[f.name];
            const headerBytes = info.inflatedBytes - data.length;
            return [f.name, { header: { type: info.idxType, dims, headerBytes, dataBytes: data.length }, data }];
          }),
        );
        // Transferred buffers leave with the reply: without shared memory the check reads a copy.
        const toCheck = deps.shared
          ? cached
          : (Object.fromEntries(MNIST_FILES.map((f) => [f.name, { ...cached[f.name], data: cached[f.name].data.slice() }])) as typeof cached);
        const shown = untilShown(requestId, controller.signal);
        postLoaded(assembleNamed(byName, urls), MNIST_FILES.map((f) => cached[f.name].info), true);
        // Once the digits are on screen, prove they are the bytes that were kept.
        await shown;
        if (controller.signal.aborted) return;
        const damaged = await findDamagedFile(toCheck, controller.signal);
        if (!deps.shared) for (const f of MNIST_FILES) releaseBuffer(toCheck[f.name].data);
        if (controller.signal.aborted) return;
        if (damaged) {
          await discardCachedFiles(urls);
          deps.post({ type: 'kept-copy-damaged', requestId, ...damaged }, []);
        } else {
          deps.post({ type: 'kept-copy-checked', requestId }, []);
        }
        return;
      }
      const { dataset, files, served, decoded } = await loadMnist({
        urls,
        fetch: deps.fetch,
        allocate,
        signal: controller.signal,
        stallTimeoutMs: deps.stallTimeoutMs,
        maxBytes,
        // Only shared buffers can be shown while they fill; transferred ones move once, at the end.
        onTrainPrefix: deps.shared
          ? throttle((prefix) => {
              if (!decodedAll) postPrefix(requestId, prefix);
            }, PARTIAL_INTERVAL_MS)
          : undefined,
        onProgress: (file, progress) => progressOf(file)(progress),
      });
      decodedAll = true;
      if (controller.signal.aborted) return;
      // Transferred buffers leave with the reply, so without shared memory the IDX bytes are
      // hashed first; shared ones stay readable here and are hashed after the digits are shown.
      const idxFirst = deps.shared ? null : await hashIdxFiles(files, decoded.map((d) => d.idx), controller.signal);
      // Without shared memory the buffers move to the page, so a copy (55 MB, ~10 ms) is what
      // gets kept on disk; it is let go as soon as it is written. A plain static host gets the
      // same fast second visit as an isolated one.
      const toKeep = deps.shared ? decoded.map((d) => d.idx.data) : decoded.map((d) => d.idx.data.slice());
      const shown = untilShown(requestId, controller.signal);
      postLoaded(dataset, files, false);
      await shown;
      const sha256 = await hashServedBytes(files, served, controller.signal);
      // The served chunks live on in each file's Blob (a copy); these were only kept for the hash.
      for (const chunks of served) for (const chunk of chunks) releaseBuffer(chunk);
      const idxSha256 = idxFirst ?? (await hashIdxFiles(files, decoded.map((d) => d.idx), controller.signal));
      if (!sha256 || !idxSha256) return;
      deps.post({ type: 'hashes', requestId, sha256, idxSha256 }, []);
      const kept = await writeCachedFiles(
        urls,
        files.map((info, i) => ({
          info: { ...info, sha256: sha256[info.name], idxSha256: idxSha256[info.name] },
          data: toKeep[i]!,
          headerBytes: decoded[i]!.idx.header.headerBytes,
          validator: decoded[i]!.validator,
        })),
      );
      // Without shared memory these are the copies made for the disk, written now.
      if (!deps.shared) for (const data of toKeep) releaseBuffer(data);
      if (kept) deps.post({ type: 'cached', requestId }, []);
    } catch (error) {
      if (controller.signal.aborted) {
        deps.post({ type: 'cancelled', requestId }, []);
        return;
      }
      const reply: LoaderReply =
        error instanceof FileLoadError
          ? { type: 'error', requestId, file: error.file, url: error.url, message: viaRelay ? `${error.message}. ${relayHint(relayUrls!)}` : error.message }
          : { type: 'error', requestId, file: null, url: null, message: `unexpected failure: ${String(error)}` };
      deps.post(reply, []);
    } finally {
      // Everything for the newest load is done (kept, checked, failed or cancelled): the page may
      // let this worker go, and with it whatever its heap still holds (see datasetLoader).
      if (current?.requestId === requestId) {
        current = null;
        deps.post({ type: 'idle', requestId }, []);
      }
    }
  };

  const postPrefix = (requestId: number, { images, labels, ready }: TrainPrefix) => {
    if (current?.requestId !== requestId) return;
    const empty = new Uint8Array(0);
    deps.post(
      {
        type: 'partial',
        requestId,
        dataset: {
          train: { split: 'train', count: ready, images, labels: labels.subarray(0, ready) },
          test: { split: 'test', count: 0, images: empty, labels: empty },
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
  ): Promise<Record<MnistFileName, string> | null> => {
    const sha256: Partial<Record<MnistFileName, string>> = {};
    for (const [i, file] of files.entries()) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) return null;
      sha256[file.name] = await sha256OfParts(parts(i));
      if (signal.aborted) return null;
    }
    return sha256 as Record<MnistFileName, string>;
  };
  const hashServedBytes = (files: readonly LoadedFileInfo[], served: readonly (readonly Uint8Array[])[], signal: AbortSignal) =>
    hashFiles(files, (i) => served[i] ?? [], signal);
  /** The inflated IDX file: its header, rebuilt from type and shape, then its data. */
  const hashIdxFiles = (files: readonly LoadedFileInfo[], decoded: readonly DecodedIdx[], signal: AbortSignal) =>
    hashFiles(files, (i) => [encodeIdxHeader(decoded[i]!.header.type, decoded[i]!.header.dims), decoded[i]!.data], signal);

  return (request) => {
    switch (request.type) {
      case 'load':
        void start(request.requestId, request.urls, request.maxBytes, request.relayUrls);
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
