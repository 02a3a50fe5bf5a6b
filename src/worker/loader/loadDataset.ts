import { assembleDataset, DatasetFileError, type Dataset, type DecodedFiles } from '../../data/dataset/dataset';
import type { Allocate, DecodedIdx } from '../../data/decode/idx';
import { CATALOG, type DatasetEntry } from '../../data/dataset/catalog';
import { MNIST_FILES, type MnistFileName } from '../../data/dataset/mnist';
import type { FileUrls } from '../../data/sources/sources';
import type { FileValidator } from '../../data/kept/decodedCopyMeta';
import { FileLoadError, loadFile, type FileDecodeState } from './loadFile';
import { DecodeError } from '../../data/decode/decodeError';
import type { FileProgress, LoadedFileInfo } from './protocol';

export { FileLoadError } from './loadFile';

/**
 * The largest dataset the explorer takes: 1.5 GiB of images and labels in all (about two million
 * 28 × 28 images; EMNIST ByClass, the largest published, has 640 MB). Every byte is held in the
 * tab's memory, so a larger one is refused as its headers arrive, before its buffers are made.
 */
export const MAX_DATASET_BYTES = 1.5 * 1024 ** 3;

export interface LoadOptions {
  /** By MNIST's role names; a dataset with one split has only that split's two. */
  readonly urls: Partial<FileUrls>;
  /** The files' own names where they differ from the entry's (the visitor's files). */
  readonly names?: Partial<Record<MnistFileName, string>>;
  /** What the files must be (shape, classes); MNIST when absent. */
  readonly entry?: DatasetEntry;
  readonly fetch: typeof fetch;
  readonly allocate: Allocate;
  readonly signal: AbortSignal;
  readonly onProgress: (file: MnistFileName, progress: FileProgress) => void;
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
  /** Per file, in MNIST_FILES order: the decoded IDX and what the server said identifies it. */
  readonly decoded: readonly { readonly idx: DecodedIdx; readonly validator: FileValidator }[];
}

/**
 * Fetches the four files at once and decodes each while it streams in, so inflating the large
 * training images overlaps with the network. Resolves only when all
 * four decoded and form MNIST; any failure rejects with a FileLoadError and the other downloads
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
  const states = new Map<MnistFileName, FileDecodeState>();
  let lastReady = 0;
  const onChunk = (name: MnistFileName, state: FileDecodeState) => {
    states.set(name, state);
    if (!options.onTrainPrefix) return;
    const images = states.get('train-images-idx3-ubyte.gz');
    const labels = states.get('train-labels-idx1-ubyte.gz');
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
    const present = MNIST_FILES.filter((file) => options.urls[file.name] !== undefined);
    const decoded = await Promise.all(
      present.map((file) => {
        return loadFile(file.name, options.urls[file.name]!, {
          fetch: options.fetch,
          allocate,
          signal: inner.signal,
          maxBytes: options.maxBytes,
          stallTimeoutMs: options.stallTimeoutMs,
          displayName: options.names?.[file.name] ?? entryFileName(entry, file.name),
          onProgress: (progress) => options.onProgress(file.name, progress),
          onChunk: (state) => onChunk(file.name, state),
        }).catch((error: unknown) => {
          inner.abort();
          throw error;
        });
      }),
    );
    const dataset = assembleNamed(new Map(present.map((f, i) => [f.name, decoded[i]!.idx])), options.urls, entry, options.names);
    return { dataset, files: decoded.map((d) => d.info), served: decoded.map((d) => d.served), decoded };
  } finally {
    options.signal.removeEventListener('abort', abortInner);
  }
}

/** The entry's own name for the file in MNIST's role `name` (EMNIST's are not MNIST's). */
export function entryFileName(entry: DatasetEntry, name: MnistFileName): string {
  const file = MNIST_FILES.find((f) => f.name === name)!;
  return entry.files[file.split][file.role];
}

/** Checks four decoded files form a dataset of `entry`'s kind; a refusal names the file, as a FileLoadError. */
export function assembleNamed(
  byName: ReadonlyMap<MnistFileName, DecodedIdx>,
  urls: Partial<FileUrls>,
  entry: DatasetEntry = CATALOG.mnist,
  ownNames: Partial<Record<MnistFileName, string>> = {},
): Dataset {
  const pair = (images: MnistFileName, labels: MnistFileName) => {
    const i = byName.get(images);
    const l = byName.get(labels);
    return i && l ? { images: i, labels: l } : null;
  };
  const files: DecodedFiles = {
    train: pair('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'),
    test: pair('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'),
  };
  const nameOf = (name: MnistFileName) => ownNames[name] ?? entryFileName(entry, name);
  const names = {
    train: { images: nameOf('train-images-idx3-ubyte.gz'), labels: nameOf('train-labels-idx1-ubyte.gz') },
    test: { images: nameOf('t10k-images-idx3-ubyte.gz'), labels: nameOf('t10k-labels-idx1-ubyte.gz') },
  };
  try {
    return assembleDataset(files, entry, names);
  } catch (error) {
    if (error instanceof DatasetFileError) {
      const name = MNIST_FILES.find((f) => nameOf(f.name) === error.fileName)?.name ?? 'train-images-idx3-ubyte.gz';
      throw new FileLoadError(name, urls[name] ?? null, `${error.fileName}: ${error.message}`);
    }
    throw error;
  }
}
