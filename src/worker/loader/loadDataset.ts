import { MAX_DATASET_BYTES } from '../../data/limits';
import { assembleDataset, DatasetFileError, type Dataset, type DecodedFiles } from '../../data/dataset/dataset';
import type { Allocate, DecodedIdx } from '../../data/decode/idx';
import { CATALOG, type DatasetEntry } from '../../data/dataset/catalog';
import { FILE_SLOTS, type FileSlot } from '../../data/dataset/fileSlots';
import type { FileUrls } from '../../data/sources/sources';
import type { FileValidator } from '../../data/kept/decodedCopyMeta';
import type { AnswerFacts } from './loadFile';
import { loadFile, type FileDecodeState } from './loadFile';
import { LoadFailureError } from './loadFailureError';
import { DecodeError } from '../../data/decode/decodeError';
import type { FileProgress, LoadedFileInfo } from './protocol';

export interface LoadOptions {
  /** By MNIST's role names; a dataset with one split has only that split's two. */
  readonly urls: Partial<FileUrls>;
  /** The files' own names where they differ from the entry's (the visitor's files). */
  readonly names?: Partial<Record<FileSlot, string>>;
  /** What the files must be (shape, classes); MNIST when absent. */
  readonly entry?: DatasetEntry;
  readonly fetch: typeof fetch;
  readonly allocate: Allocate;
  readonly signal: AbortSignal;
  readonly onProgress: (file: FileSlot, progress: FileProgress) => void;
  /**
   * Called as training images arrive, once the training labels are complete: the buffers being
   * filled and how many whole images they hold so far. Lets a shared-memory page draw the first
   * rows long before the last file is done.
   */
  readonly onTrainPrefix?: (prefix: TrainPrefix) => void;
  readonly maxBytes?: number;
  /** All files together may hold at most this many data bytes (default MAX_DATASET_BYTES). */
  readonly maxTotalBytes?: number;
  /** A file that sends nothing for this long fails as stalled (default 10 s). */
  readonly stallTimeoutMs?: number;
}

export interface TrainPrefix {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly ready: number;
  readonly rows: number;
  readonly cols: number;
}

export interface LoadedMnist {
  readonly dataset: Dataset;
  readonly files: readonly LoadedFileInfo[];
  /** The served bytes of each file as they arrived, for hashing once the data is on screen. */
  readonly served: readonly (readonly Uint8Array[])[];
  /** Per file, in FILE_SLOTS order: the decoded IDX, what the server said identifies it, and how it answered. */
  readonly decoded: readonly { readonly idx: DecodedIdx; readonly validator: FileValidator; readonly answer: AnswerFacts }[];
}

/**
 * Fetches the four files at once and decodes each while it streams in, so inflating the large
 * training images overlaps with the network. Resolves only when all
 * four decoded and form MNIST; any failure rejects with a LoadFailureError and the other downloads
 * are aborted.
 */
export async function loadMnist(options: LoadOptions): Promise<LoadedMnist> {
  const inner = new AbortController();
  const abortInner = () => inner.abort();
  options.signal.addEventListener('abort', abortInner);
  const entry = options.entry ?? CATALOG.mnist;
  // One budget for all the files: each buffer is asked for once its header is read.
  const budget = options.maxTotalBytes ?? MAX_DATASET_BYTES;
  let allocated = 0;
  const allocate: Allocate = (byteLength) => {
    if (allocated + byteLength > budget) {
      throw new DecodeError(
        'idx-too-large',
        `its ${byteLength.toLocaleString('en-US')} bytes would bring the dataset to ${(allocated + byteLength).toLocaleString('en-US')}, over the limit of ${budget.toLocaleString('en-US')} for a whole dataset ` +
          '(the explorer holds every image in memory); nothing was allocated for it. Open a subset of the data instead',
      );
    }
    allocated += byteLength;
    return options.allocate(byteLength);
  };
  const states = new Map<FileSlot, FileDecodeState>();
  let lastReady = 0;
  const onChunk = (slot: FileSlot, state: FileDecodeState) => {
    states.set(slot, state);
    if (!options.onTrainPrefix) return;
    const images = states.get('train-images');
    const labels = states.get('train-labels');
    const labelData = labels?.partialData;
    const imageData = images?.partialData;
    if (!images || !labels || !labelData || !imageData || labels.bytesWritten !== labelData.length) return;
    const dims = images.header?.dims;
    if (!dims || dims.length !== 3) return;
    const [, rows = 0, cols = 0] = dims;
    const expected = entry.shape;
    if (rows * cols === 0 || (expected && (expected.rows !== rows || expected.cols !== cols))) return;
    const ready = Math.min(Math.floor(images.bytesWritten / (rows * cols)), labelData.length);
    if (ready > lastReady) {
      lastReady = ready;
      options.onTrainPrefix({ images: imageData, labels: labelData, ready, rows, cols });
    }
  };
  try {
    const present = FILE_SLOTS.filter((file) => options.urls[file.slot] !== undefined);
    const decoded = await Promise.all(
      present.map((file) => {
        return loadFile(file.slot, options.urls[file.slot]!, {
          fetch: options.fetch,
          allocate,
          signal: inner.signal,
          maxBytes: options.maxBytes,
          stallTimeoutMs: options.stallTimeoutMs,
          name: options.names?.[file.slot] ?? entryFileName(entry, file.slot),
          onProgress: (progress) => options.onProgress(file.slot, progress),
          onChunk: (state) => onChunk(file.slot, state),
        }).catch((error: unknown) => {
          inner.abort();
          throw error;
        });
      }),
    );
    const dataset = assembleNamed(new Map(present.map((f, i) => [f.slot, decoded[i]!.idx])), options.urls, entry, options.names);
    return { dataset, files: decoded.map((d) => d.info), served: decoded.map((d) => d.served), decoded };
  } finally {
    options.signal.removeEventListener('abort', abortInner);
  }
}

/** The entry's own name for the file in `slot`. */
export function entryFileName(entry: DatasetEntry, slot: FileSlot): string {
  const file = FILE_SLOTS.find((f) => f.slot === slot)!;
  return entry.files[file.split][file.role];
}

/** Checks four decoded files form a dataset of `entry`'s kind; a refusal names the file, as a LoadFailureError. */
export function assembleNamed(
  bySlot: ReadonlyMap<FileSlot, DecodedIdx>,
  urls: Partial<FileUrls>,
  entry: DatasetEntry = CATALOG.mnist,
  ownNames: Partial<Record<FileSlot, string>> = {},
): Dataset {
  const pair = (images: FileSlot, labels: FileSlot) => {
    const i = bySlot.get(images);
    const l = bySlot.get(labels);
    return i && l ? { images: i, labels: l } : null;
  };
  const files: DecodedFiles = {
    train: pair('train-images', 'train-labels'),
    test: pair('test-images', 'test-labels'),
  };
  const nameOf = (slot: FileSlot) => ownNames[slot] ?? entryFileName(entry, slot);
  const names = {
    train: { images: nameOf('train-images'), labels: nameOf('train-labels') },
    test: { images: nameOf('test-images'), labels: nameOf('test-labels') },
  };
  try {
    return assembleDataset(files, entry, names);
  } catch (error) {
    if (error instanceof DatasetFileError) {
      const slot = FILE_SLOTS.find((f) => nameOf(f.slot) === error.fileName)?.slot ?? 'train-images';
      throw new LoadFailureError({ code: error.code, detail: { reason: error.message } }, { slot, name: error.fileName, url: urls[slot] ?? null });
    }
    throw error;
  }
}
