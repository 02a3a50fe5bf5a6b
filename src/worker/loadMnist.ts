import { assembleDataset, DatasetFileError, type Dataset, type DecodedFiles } from '../data/dataset';
import { DecodeError } from '../data/decodeError';
import { MnistFileDecoder } from '../data/fileDecoder';
import type { Allocate, DecodedIdx } from '../data/idx';
import { MNIST_FILES, PIXELS_PER_IMAGE, type MnistFileName } from '../data/mnist';
import type { FileUrls } from '../data/sources';
import { hexBytes } from '../data/bytes';
import { validatorOf, type FileValidator } from './decodedCache';
import type { FileProgress, LoadedFileInfo } from './protocol';

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

export const DEFAULT_STALL_TIMEOUT_MS = 10_000;

export interface TrainPrefix {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly ready: number;
}

class StallError extends Error {}

/** `promise`, or a StallError if it takes longer than `ms`. */
function withinStallTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StallError()), ms);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/** A load that failed, with the file and URL it failed on, ready to show to a person. */
export class FileLoadError extends Error {
  readonly file: MnistFileName | null;
  readonly url: string | null;
  constructor(file: MnistFileName | null, url: string | null, message: string) {
    super(message);
    this.name = 'FileLoadError';
    this.file = file;
    this.url = url;
  }
}

/**
 * Fetches the four files at once and decodes each while it streams in, so inflating the large
 * training images overlaps with the network. Resolves only when all four decoded and form MNIST;
 * any failure rejects with a FileLoadError and the other downloads are aborted.
 */
export interface LoadedMnist {
  readonly dataset: Dataset;
  readonly files: readonly LoadedFileInfo[];
  /** The served bytes of each file as they arrived, for hashing once the data is on screen. */
  readonly served: readonly (readonly Uint8Array[])[];
  /** Per file, in MNIST_FILES order: the decoded IDX and what the server said identifies it. */
  readonly decoded: readonly { readonly idx: DecodedIdx; readonly validator: FileValidator }[];
}

export async function loadMnist(options: LoadOptions): Promise<LoadedMnist> {
  const inner = new AbortController();
  const abortInner = () => inner.abort();
  options.signal.addEventListener('abort', abortInner);
  const decoders = new Map<MnistFileName, MnistFileDecoder>();
  let lastReady = 0;
  const onChunk = () => {
    if (!options.onTrainPrefix) return;
    const images = decoders.get('train-images-idx3-ubyte.gz')?.idxDecoder;
    const labels = decoders.get('train-labels-idx1-ubyte.gz')?.idxDecoder;
    const labelData = labels?.partialData;
    const imageData = images?.partialData;
    if (!images || !labelData || !imageData || labels.bytesWritten !== labelData.length) return;
    const ready = Math.min(Math.floor(images.bytesWritten / PIXELS_PER_IMAGE), labelData.length);
    if (ready > lastReady) {
      lastReady = ready;
      options.onTrainPrefix({ images: imageData, labels: labelData, ready });
    }
  };
  try {
    const decoded = await Promise.all(
      MNIST_FILES.map((file) =>
        loadFile(file.name, options.urls[file.name], { ...options, signal: inner.signal }, decoders, onChunk).catch((error: unknown) => {
          inner.abort();
          throw error;
        }),
      ),
    );
    const dataset = assembleNamed(
      new Map(MNIST_FILES.map((f, i) => [f.name, decoded[i]!.idx])),
      options.urls,
    );
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

async function loadFile(
  name: MnistFileName,
  url: string,
  options: LoadOptions,
  decoders: Map<MnistFileName, MnistFileDecoder>,
  onChunk: () => void,
): Promise<{ idx: DecodedIdx; info: LoadedFileInfo; served: Uint8Array[]; validator: FileValidator }> {
  const fail = (cause: string) => new FileLoadError(name, url, `${name}: ${cause}`);
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const seconds = `${(stallMs / 1000).toFixed(stallMs % 1000 ? 1 : 0)} s`;
  let response: Response;
  try {
    response = await withinStallTimeout(options.fetch(url, { signal: options.signal, credentials: 'omit' }), stallMs);
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (error instanceof StallError) throw fail(`${url} did not answer within ${seconds}`);
    throw fail(`could not connect to ${url} (${describe(error)}; the server may be down, or it may not allow cross-origin requests)`);
  }
  // Data must come from the origin the person chose; a redirect elsewhere is refused, not followed.
  if (response.redirected && new URL(response.url).origin !== new URL(url).origin) {
    throw fail(`${url} redirected to another origin (${new URL(response.url).origin}); redirects to other sites are not followed`);
  }
  if (!response.ok) {
    throw fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${url}${statusHint(response.status)}`);
  }
  // Servers with a single-page fallback answer a missing file with their index page and a 200.
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    throw fail(`${url} answered with an HTML page instead of the file (the file is probably missing there)`);
  }
  if (!response.body) throw fail(`empty response from ${url}`);
  const total = contentLength(response);
  const decoder = new MnistFileDecoder({ allocate: options.allocate, maxBytes: options.maxBytes });
  decoders.set(name, decoder);
  const reader = response.body.getReader();
  // Kept for the file view's download link: the served bytes, exactly (11 MB for all four).
  const served: Uint8Array[] = [];
  let received = 0;
  options.onProgress(name, { received, total });
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await withinStallTimeout(reader.read(), stallMs);
      } catch (error) {
        if (options.signal.aborted) throw error;
        if (error instanceof StallError) {
          throw fail(`the server stalled: no data for ${seconds} after ${received.toLocaleString('en-US')} bytes`);
        }
        throw fail(`connection lost after ${received.toLocaleString('en-US')} bytes (${describe(error)})`);
      }
      if (chunk.done) break;
      received += chunk.value.length;
      served.push(chunk.value);
      decoder.push(chunk.value);
      options.onProgress(name, { received, total });
      onChunk();
      // Buffered chunks resolve reads as microtasks, which would starve the task queue (the
      // other files' responses, cancel messages) until this file is done; let them in.
      await nextTask();
    }
    const idx = decoder.finish();
    const info: LoadedFileInfo = {
      name,
      url,
      servedBytes: received,
      format: decoder.format ?? 'idx',
      inflatedBytes: idx.header.headerBytes + idx.header.dataBytes,
      magic: hexBytes(Uint8Array.of(0, 0, idx.header.type, idx.header.dims.length)),
      idxType: idx.header.type,
      dims: idx.header.dims,
      sha256: null,
      blob: new Blob(served as BlobPart[], { type: 'application/gzip' }),
    };
    return { idx, info, served, validator: validatorOf(response.headers) };
  } catch (error) {
    if (error instanceof DecodeError) throw fail(error.message);
    throw error;
  } finally {
    // Stops the download too when decoding failed or the load was abandoned mid-file.
    reader.cancel().catch(() => undefined);
  }
}

/** Resolves in a fresh task, without setTimeout's 4 ms clamp. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function contentLength(response: Response): number | null {
  // With Content-Encoding the header counts encoded bytes while the body yields decoded ones.
  if (response.headers.get('content-encoding')) return null;
  const value = Number(response.headers.get('content-length'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

function statusHint(status: number): string {
  if (status === 404) return ' (the file is not there)';
  if (status === 502 || status === 504) return ' (the server could not reach the source it relays; is it online?)';
  if (status === 401 || status === 403) return ' (the server refuses access)';
  return '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
