// One load in flight: what its steps (steps/*.ts) share — the request, its cancel signal, the
// worker's inputs, the buffer allocator, the throttled progress and the replies it posts.
import type { Dataset } from '../../data/dataset/dataset';
import type { FileSlot } from '../../data/dataset/fileSlots';
import type { Allocate } from '../../data/decode/idx';
import type { FileUrls } from '../../data/sources/sources';
import type { FileProgress, LoadedFileInfo, LoaderReply } from './protocol';
import { throttle } from './throttle';

export interface LoaderDeps {
  readonly post: (reply: LoaderReply, transfer: Transferable[]) => void;
  readonly fetch: typeof fetch;
  /** The origin's Cache Storage (the hand-over to the service worker, its kept files); null where there is none. */
  readonly caches?: CacheStorage | null;
  /** Whether buffers are SharedArrayBuffers (the page is cross-origin isolated). */
  readonly shared: boolean;
  readonly now?: () => number;
  readonly stallTimeoutMs?: number;
  /** How long after-load work waits for the page's 'shown' before it starts anyway (1 s). */
  readonly shownTimeoutMs?: number;
}

/** Progress per file, at most this often: each message re-renders the page, which shares the two cores with decoding. */
const PROGRESS_INTERVAL_MS = 100;

export interface Load {
  readonly requestId: number;
  readonly signal: AbortSignal;
  readonly deps: LoaderDeps;
  readonly allocate: Allocate;
  /** A request (or a stream) that sends nothing for this long fails as stalled. */
  readonly stallMs: number;
  /** Files whose IDX header declares more data bytes than this are refused unread. */
  readonly maxBytes: number | undefined;
  /** The whole dataset's size limit, if the request set one. */
  readonly maxTotalBytes: number | undefined;
  /** Set once every file is decoded: progress and partial data stop then. */
  decodedAll: boolean;
  /** The relay's URLs, once the files are read through it: a failure then says the relay is missing. */
  relayUrls: FileUrls | null;
  /** Whether this is still the worker's newest load (not superseded, not finished). */
  isCurrent(): boolean;
  /** Throws the AbortError of a superseded load, when it is. */
  throwIfSuperseded(): void;
  /** Resolves once the page says it drew this load's data (or after a while, or on a cancel). */
  untilShown(): Promise<void>;
  post(reply: LoaderReply, transfer?: Transferable[]): void;
  progressOf(slot: FileSlot): (progress: FileProgress) => void;
  postLoaded(dataset: Dataset, files: readonly LoadedFileInfo[], from: { readonly fromKeptCopy: boolean; readonly offline: boolean }): void;
}

export interface LoadStart {
  readonly requestId: number;
  readonly controller: AbortController;
  readonly deps: LoaderDeps;
  readonly allocate: Allocate;
  readonly stallMs: number;
  readonly maxBytes: number | undefined;
  readonly maxTotalBytes: number | undefined;
  readonly isCurrent: () => boolean;
  readonly untilShown: (requestId: number, signal: AbortSignal) => Promise<void>;
}

export function createLoad(start: LoadStart): Load {
  const { requestId, controller, deps } = start;
  const signal = controller.signal;
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const progressPosts = new Map<FileSlot, (progress: FileProgress) => void>();
  const load: Load = {
    requestId,
    signal,
    deps,
    allocate: start.allocate,
    stallMs: start.stallMs,
    maxBytes: start.maxBytes,
    maxTotalBytes: start.maxTotalBytes,
    decodedAll: false,
    relayUrls: null,
    isCurrent: start.isCurrent,
    throwIfSuperseded: () => {
      if (signal.aborted) throw new DOMException('superseded', 'AbortError');
    },
    untilShown: () => start.untilShown(requestId, signal),
    post: (reply, transfer = []) => deps.post(reply, transfer),
    progressOf: (slot) => {
      let post = progressPosts.get(slot);
      if (!post) {
        post = throttle((progress: FileProgress) => {
          if (!signal.aborted && !load.decodedAll) deps.post({ type: 'progress', requestId, slot, progress }, []);
        }, PROGRESS_INTERVAL_MS);
        progressPosts.set(slot, post);
      }
      return post;
    },
    postLoaded: (dataset, files, { fromKeptCopy, offline }) => {
      // Shared buffers are shared by posting; plain ones must be moved, never copied (47 MB).
      const transfer = deps.shared
        ? []
        : [dataset.train.images.buffer, dataset.train.labels.buffer, dataset.test.images.buffer, dataset.test.labels.buffer];
      const reply: LoaderReply = { type: 'loaded', requestId, dataset, files, shared: deps.shared, decodeMs: now() - started, startedAt: performance.timeOrigin + started, fromKeptCopy, offline };
      deps.post(reply, transfer as ArrayBuffer[]);
    },
  };
  return load;
}
