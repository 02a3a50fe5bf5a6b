// One file: fetched with a streaming read and decoded chunk by chunk as it arrives.
import { hexBytes } from '../../data/decode/bytes';
import { DecodeError } from '../../data/decode/decodeError';
import { MnistFileDecoder } from '../../data/decode/fileDecoder';
import { DEFAULT_MAX_IDX_BYTES, IDX_MAX_DIMS, type Allocate, type DecodedIdx } from '../../data/decode/idx';
import type { FileSlot } from '../../data/dataset/fileSlots';
import { validatorOf, type FileValidator } from '../../data/kept/decodedCopyMeta';
import type { LoadFailureCause } from '../../data/sources/loadFailure';
import { LoadFailureError } from './loadFailureError';
import type { FileProgress, LoadedFileInfo } from './protocol';

/** How far a file's decoding has got: the buffer being filled, and how much of it is. */
export interface FileDecodeState {
  readonly partialData: Uint8Array | null;
  readonly bytesWritten: number;
  readonly header: { readonly dims: readonly number[] } | null;
}

/** How the server answered: what decides whether the answer may be handed to the service worker. */
export interface AnswerFacts {
  readonly status: number;
  /** Every byte the answer declared arrived (no Content-Length, or as many bytes as it said). */
  readonly complete: boolean;
  readonly contentType: string | null;
}

export interface LoadedFile {
  readonly idx: DecodedIdx;
  readonly info: LoadedFileInfo;
  /** The served bytes as they arrived, for hashing and the download link. */
  readonly served: Uint8Array[];
  readonly validator: FileValidator;
  readonly answer: AnswerFacts;
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
  const file = { slot, name, url };
  const fail = (cause: LoadFailureCause) => new LoadFailureError(cause, file);
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const stalled = (receivedBytes: number | null) => fail({ code: 'stall', detail: { seconds: stallMs / 1000, receivedBytes } });
  let response: Response;
  try {
    response = await withinStallTimeout(options.fetch(url, { signal: options.signal, credentials: 'omit' }), stallMs);
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (error instanceof StallError) throw stalled(null);
    throw fail({ code: 'network', detail: { receivedBytes: null, reason: describe(error) } });
  }
  // Data must come from the origin the person chose; a redirect elsewhere is refused, not followed.
  if (response.redirected && new URL(response.url).origin !== new URL(url).origin) {
    throw fail({ code: 'redirect', detail: { toOrigin: new URL(response.url).origin } });
  }
  const httpStatus = () => fail({ code: 'http', detail: { status: response.status, statusText: response.statusText } });
  if (!response.ok) throw httpStatus();
  // Servers with a single-page fallback answer a missing file with their index page and a 200.
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/html')) throw fail({ code: 'html-page', detail: { contentType: contentType.slice(0, 80) } });
  // A success without a body (204) is no file either: said by its status.
  if (!response.body) throw httpStatus();
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
        if (error instanceof StallError) throw stalled(received);
        // A failure its source already named (an archive's damaged entry) is that, not a lost connection.
        if (error instanceof LoadFailureError) throw error.onFile(file);
        throw fail({ code: 'network', detail: { receivedBytes: received, reason: describe(error) } });
      }
      if (chunk.done) break;
      // No file is bigger than the size limit: what a server sends past it is never kept (the
      // decoders refuse most excess at once; this bounds what they cannot see, such as an
      // endless run of empty gzip members).
      if (received + chunk.value.length > servedLimit) {
        throw fail({ code: 'too-large', detail: { limitBytes: servedLimit } });
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
    const answer: AnswerFacts = { status: response.status, complete: total === null || total === received, contentType: response.headers.get('content-type') };
    return { idx, info, served, validator: validatorOf(response.headers), answer };
  } catch (error) {
    if (error instanceof DecodeError) throw fail({ code: error.code, detail: { reason: error.message } });
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
