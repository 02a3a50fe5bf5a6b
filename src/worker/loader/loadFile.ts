// One file: fetched with a streaming read and decoded chunk by chunk as it arrives.
import { hexBytes } from '../../data/decode/bytes';
import { DecodeError } from '../../data/decode/decodeError';
import { MnistFileDecoder } from '../../data/decode/fileDecoder';
import { DEFAULT_MAX_IDX_BYTES, IDX_MAX_DIMS, type Allocate, type DecodedIdx } from '../../data/decode/idx';
import type { FileSlot } from '../../data/dataset/fileSlots';
import { validatorOf, type FileValidator } from '../../data/kept/decodedCopyMeta';
import type { FileProgress, LoadedFileInfo } from './protocol';

/** A load that failed, with the file and URL it failed on, ready to show to a person. */
export class FileLoadError extends Error {
  readonly file: FileSlot | null;
  readonly url: string | null;
  constructor(file: FileSlot | null, url: string | null, message: string) {
    super(message);
    this.name = 'FileLoadError';
    this.file = file;
    this.url = url;
  }
}

/** How far a file's decoding has got: the buffer being filled, and how much of it is. */
export interface FileDecodeState {
  readonly partialData: Uint8Array | null;
  readonly bytesWritten: number;
  readonly header: { readonly dims: readonly number[] } | null;
}

export interface LoadedFile {
  readonly idx: DecodedIdx;
  readonly info: LoadedFileInfo;
  /** The served bytes as they arrived, for hashing and the download link. */
  readonly served: Uint8Array[];
  readonly validator: FileValidator;
}

export interface LoadFileOptions {
  readonly fetch: typeof fetch;
  readonly allocate: Allocate;
  readonly signal: AbortSignal;
  readonly maxBytes?: number;
  /** A file that sends nothing for this long fails as stalled (default 10 s). */
  readonly stallTimeoutMs?: number;
  readonly onProgress: (progress: FileProgress) => void;
  readonly onChunk?: (state: FileDecodeState) => void;
  /** The file's own name (the dataset's name for it, or the visitor's file's): refusals name it. */
  readonly name: string;
}

export const DEFAULT_STALL_TIMEOUT_MS = 10_000;
/** The largest IDX header (magic and its dimensions), and room for gzip headers and trailers. */
const MAX_IDX_HEADER_BYTES = 4 + 4 * IDX_MAX_DIMS;
const GZIP_MEMBER_OVERHEAD_BYTES = 64 * 1024;
/** Compressed bytes decoded between yields: ~2 ms of inflating. */
const DECODE_SLICE_BYTES = 64 * 1024;

class StallError extends Error {}

/** `promise`, or a StallError if it takes longer than `ms`. */
function withinStallTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StallError()), ms);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/** The Content-Encoding a response declares, if any (and if CORS lets the page see it). */
function transportEncodingOf(headers: Headers): string | null {
  const encoding = headers.get('content-encoding')?.trim().toLowerCase() ?? '';
  return encoding === '' || encoding === 'identity' ? null : encoding.slice(0, 32);
}

/** Fetches one file and decodes it as it streams in, into a buffer from `options.allocate`. */
export async function loadFile(slot: FileSlot, url: string, options: LoadFileOptions): Promise<LoadedFile> {
  const { name } = options;
  const fail = (cause: string) => new FileLoadError(slot, url, `${name}: ${cause}`);
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
  const reader = response.body.getReader();
  // Kept for the file view's download link: the served bytes, exactly (11 MB for all four).
  const served: Uint8Array[] = [];
  const maxData = options.maxBytes ?? DEFAULT_MAX_IDX_BYTES;
  // gzip of incompressible data is a little larger than the data (5 bytes per 64 KiB block).
  const servedLimit = maxData + Math.ceil(maxData / 1000) + MAX_IDX_HEADER_BYTES + GZIP_MEMBER_OVERHEAD_BYTES;
  let received = 0;
  options.onProgress({ received, total });
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
      // No file is bigger than the size limit: what a server sends past it is never kept (the
      // decoders refuse most excess at once; this bounds what they cannot see, such as an
      // endless run of empty gzip members).
      if (received + chunk.value.length > servedLimit) {
        throw fail(`more data than the file holds: over ${servedLimit.toLocaleString('en-US')} bytes`);
      }
      served.push(chunk.value);
      // A local server hands over ~1 MB at a time, 35 ms of inflating: decode it in slices, and
      // after each let other tasks run (the other files' responses, a cancel) and report how far
      // decoding got, so the first digits show after milliseconds, not after the whole chunk.
      for (let at = 0; at < chunk.value.length; at += DECODE_SLICE_BYTES) {
        const slice = chunk.value.subarray(at, at + DECODE_SLICE_BYTES);
        decoder.push(slice);
        received += slice.length;
        options.onProgress({ received, total });
        options.onChunk?.(decoder.idxDecoder);
        // Buffered reads resolve as microtasks, which would starve the task queue; yield a task.
        await nextTask();
      }
    }
    const idx = decoder.finish();
    const info: LoadedFileInfo = {
      slot,
      name,
      url,
      servedBytes: received,
      format: decoder.format ?? 'idx',
      inflatedBytes: idx.header.headerBytes + idx.header.dataBytes,
      magic: hexBytes(Uint8Array.of(0, 0, idx.header.type, idx.header.dims.length)),
      idxType: idx.header.type,
      dims: idx.header.dims,
      sha256: null,
      idxSha256: null,
      transportEncoding: transportEncodingOf(response.headers),
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
