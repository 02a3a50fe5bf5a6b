// Every message between the page and the loader worker. Both sides import these types, so a new
// message kind is a compile error in each `switch` until it is handled.
import type { Dataset } from '../../data/dataset/dataset';
import type { FileUrls } from '../../data/sources/sources';
import type { FileSlot } from '../../data/dataset/fileSlots';
import type { DatasetId } from '../../data/dataset/catalog';
import type { FileProgress, LoadedFileInfo } from '../../data/sources/loadedFiles';
import type { LoadFailure } from '../../data/sources/loadFailure';

export type { FileProgress, LoadedFileInfo, LoadFailure };

export type LoaderRequest =
  | {
      readonly type: 'load';
      readonly requestId: number;
      /** By MNIST's role names; a one-split dataset of the visitor's own files has two. */
      readonly urls: Partial<FileUrls>;
      /** What the files are (shape, classes, names); MNIST when absent. */
      readonly dataset?: DatasetId;
      /**
       * The visitor's own files (blob: URLs of files they opened): named by their own names, never
       * kept (they are on this computer already) and never looked for in the kept copies.
       */
      readonly local?: {
        readonly names: Partial<Record<FileSlot, string>>;
        /** A zip archive holding the files (then `urls` is empty): its entries are chosen and streamed in the worker. */
        readonly archive?: File;
      };
      /**
       * The same files through the app's own server, used when `urls` cannot be read from the
       * browser (Azure's container sends no CORS headers). Absent for sources read directly.
       */
      readonly relayUrls?: FileUrls;
      /** Files whose IDX header declares more data bytes than this are refused unread. */
      readonly maxBytes?: number;
      /**
       * A first visit to a static host: the service worker is installed once this load is over,
       * and keeps the data files from the complete answers handed over to it (steps/handOver.ts).
       */
      readonly handOver?: boolean;
      /** All files together may declare at most this many data bytes (default: MAX_DATASET_BYTES). */
      readonly maxTotalBytes?: number;
    }
  | { readonly type: 'cancel'; readonly requestId: number }
  /**
   * The page has drawn the dataset of this load. The worker's work after a load (hashing,
   * checking and keeping the files) waits for it, so it does not take a core from the first paint.
   */
  | { readonly type: 'shown'; readonly requestId: number };

export type LoaderReply =
  | { readonly type: 'progress'; readonly requestId: number; readonly slot: FileSlot; readonly progress: FileProgress }
  | {
      readonly type: 'loaded';
      readonly requestId: number;
      readonly dataset: Dataset;
      readonly files: readonly LoadedFileInfo[];
      readonly shared: boolean;
      readonly decodeMs: number;
      /** When the worker took the request, as epoch ms (timeOrigin + now), for User Timing. */
      readonly startedAt: number;
      readonly fromKeptCopy: boolean;
      /**
       * The server could not be asked (no network): the kept copy was used because its files are
       * the ones the service worker keeps. The page says it is offline.
       */
      readonly offline: boolean;
    }
  /** The load failed: a code, its facts, and the file it failed on (see data/sources/loadFailure.ts). */
  | { readonly type: 'error'; readonly requestId: number; readonly failure: LoadFailure }
  | {
      readonly type: 'hashes';
      readonly requestId: number;
      readonly sha256: Readonly<Record<FileSlot, string>>;
      readonly idxSha256: Readonly<Record<FileSlot, string>>;
    }
  /**
   * The training digits decoded so far, as views of the shared buffers still being filled: the
   * page may draw them while the rest loads. Shared memory only.
   */
  | { readonly type: 'partial'; readonly requestId: number; readonly dataset: Dataset }
  /**
   * The kept copy just shown did not match the hashes recorded when it was kept: it has been
   * discarded, and the page should load the source again (from the network).
   */
  | { readonly type: 'kept-copy-damaged'; readonly requestId: number; readonly slot: FileSlot; readonly file: string; readonly what: 'data' | 'served bytes' }
  /** The kept copy just shown passed its content check: every hash matches what was recorded. */
  | { readonly type: 'kept-copy-checked'; readonly requestId: number }
  /** The decoded files were kept for the next visit (see decodedCopy.ts). */
  | { readonly type: 'kept-copy-written'; readonly requestId: number }
  | { readonly type: 'cancelled'; readonly requestId: number }
  /** All work for the newest load is over (after `kept-copy-written`, a failure or a cancel): nothing more will come. */
  | { readonly type: 'idle'; readonly requestId: number };
