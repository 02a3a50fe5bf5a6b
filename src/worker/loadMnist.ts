import { assembleDataset, DatasetFileError, type Dataset, type DecodedFiles } from '../data/dataset';
import type { Allocate, DecodedIdx } from '../data/idx';
import { MNIST_FILES, PIXELS_PER_IMAGE, type MnistFileName } from '../data/mnist';
import type { FileUrls } from '../data/sources';
import type { FileValidator } from './decodedCache';
import { FileLoadError, loadFile, type FileDecodeState } from './loadFile';
import type { FileProgress, LoadedFileInfo } from './protocol';

export { FileLoadError } from './loadFile';

export interface LoadOptions {
  readonly urls: FileUrls;
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
  /** A file that sends nothing for this long fails as stalled (default 10 s). */
  readonly stallTimeoutMs?: number;
}

export interface TrainPrefix {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly ready: number;
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
    const ready = Math.min(Math.floor(images.bytesWritten / PIXELS_PER_IMAGE), labelData.length);
    if (ready > lastReady) {
      lastReady = ready;
      options.onTrainPrefix({ images: imageData, labels: labelData, ready });
    }
  };
  try {
    const decoded = await Promise.all(
      MNIST_FILES.map((file) => {
        return loadFile(file.name, options.urls[file.name], {
          fetch: options.fetch,
          allocate: options.allocate,
          signal: inner.signal,
          maxBytes: options.maxBytes,
          stallTimeoutMs: options.stallTimeoutMs,
          onProgress: (progress) => options.onProgress(file.name, progress),
          onChunk: (state) => onChunk(file.name, state),
        }).catch((error: unknown) => {
          inner.abort();
          throw error;
        });
      }),
    );
    const dataset = assembleNamed(new Map(MNIST_FILES.map((f, i) => [f.name, decoded[i]!.idx])), options.urls);
    return { dataset, files: decoded.map((d) => d.info), served: decoded.map((d) => d.served), decoded };
  } finally {
    options.signal.removeEventListener('abort', abortInner);
  }
}

/** Checks four decoded files form MNIST; a refusal names the file, as a FileLoadError. */
export function assembleNamed(byName: ReadonlyMap<MnistFileName, DecodedIdx>, urls: FileUrls): Dataset {
  const files: DecodedFiles = {
    train: { images: byName.get('train-images-idx3-ubyte.gz')!, labels: byName.get('train-labels-idx1-ubyte.gz')! },
    test: { images: byName.get('t10k-images-idx3-ubyte.gz')!, labels: byName.get('t10k-labels-idx1-ubyte.gz')! },
  };
  try {
    return assembleDataset(files);
  } catch (error) {
    if (error instanceof DatasetFileError) {
      const name = error.fileName as MnistFileName;
      throw new FileLoadError(name, urls[name], `${name}: ${error.message}`);
    }
    throw error;
  }
}
