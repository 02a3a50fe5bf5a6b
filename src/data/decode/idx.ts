import { concatBytes, hexBytes } from './bytes';
import { DecodeError } from './decodeError';
import { MAX_FILE_BYTES } from '../limits';

// IDX, as LeCun's MNIST page defines it: two zero bytes, a type byte, a dimension count, then one
// big-endian uint32 per dimension, then the data in row-major order. MNIST only uses ubyte.
export const IDX_TYPE_UBYTE = 0x08;
const IDX_TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};
/** More dimensions than any image data set needs; a larger count means the bytes are not IDX. */
export const IDX_MAX_DIMS = 4;
/** Refuse to allocate more than this for one file unless told otherwise. */
export const DEFAULT_MAX_IDX_BYTES = MAX_FILE_BYTES;

export interface IdxHeader {
  readonly type: number;
  readonly dims: readonly number[];
  readonly headerBytes: number;
  readonly dataBytes: number;
}

export interface DecodedIdx {
  readonly header: IdxHeader;
  readonly data: Uint8Array;
}

/** Whether these first bytes look like an IDX header rather than gzip or anything else. */
export function looksLikeIdx(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0 && bytes[1] === 0;
}

/** Bytes needed before `parseIdxHeader` can answer: the fixed 4, then 4 per dimension. */
export function idxHeaderLength(prefix: Uint8Array): number | null {
  if (prefix.length < 4) return null;
  return 4 + 4 * (prefix[3] ?? 0);
}

/**
 * Reads and validates an IDX header. `bytes` must hold at least `idxHeaderLength` bytes.
 * Throws DecodeError for anything that is not a ubyte IDX header of a sane size.
 */
export function parseIdxHeader(bytes: Uint8Array, maxBytes = DEFAULT_MAX_IDX_BYTES): IdxHeader {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DecodeError('idx-bad-magic', `wrong magic number ${hexBytes(bytes)} (an IDX file starts 00 00)`);
  }
  const type = bytes[2] ?? 0;
  const ndims = bytes[3] ?? 0;
  if (!(type in IDX_TYPE_NAMES)) {
    throw new DecodeError('idx-bad-magic', `wrong magic number ${hexBytes(bytes)}: unknown IDX type 0x${hexBytes(Uint8Array.of(type), 1)}`);
  }
  if (type !== IDX_TYPE_UBYTE) {
    throw new DecodeError(
      'idx-unsupported-type',
      `IDX element type 0x${hexBytes(Uint8Array.of(type), 1)} (${IDX_TYPE_NAMES[type]}) is not supported; MNIST uses 0x08 (unsigned byte)`,
    );
  }
  if (ndims === 0 || ndims > IDX_MAX_DIMS) {
    throw new DecodeError('idx-bad-dimensions', `IDX header declares ${ndims} dimensions (expected 1 to ${IDX_MAX_DIMS})`);
  }
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) {
    throw new DecodeError('idx-truncated', `file ends inside the IDX header (${bytes.length} of ${headerBytes} bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
  const dims: number[] = [];
  let dataBytes = 1;
  for (let i = 0; i < ndims; i++) {
    const dim = view.getUint32(4 + 4 * i, false);
    if (dim === 0) {
      throw new DecodeError('idx-bad-dimensions', `IDX dimension ${i + 1} is 0`);
    }
    dims.push(dim);
    dataBytes *= dim;
  }
  // Checked before anything is allocated: a hostile header must not make us reserve gigabytes.
  if (dataBytes > maxBytes) {
    throw new DecodeError(
      'idx-too-large',
      `IDX header declares ${dims.join(' × ')} = ${dataBytes.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')}: ` +
        'the explorer holds every image in memory and takes files of up to that size (EMNIST ByClass, the largest published, has 547 MB); ' +
        'nothing was allocated. Open a subset of the data (fewer images per file) instead',
    );
  }
  return { type, dims, headerBytes, dataBytes };
}

export type Allocate = (byteLength: number) => Uint8Array;

export const allocatePlain: Allocate = (byteLength) => new Uint8Array(byteLength);

/**
 * Decodes an IDX byte stream chunk by chunk, writing the data straight into one buffer from
 * `allocate` (a SharedArrayBuffer in the app), so the payload is never held twice.
 */
export class IdxStreamDecoder {
  private readonly allocate: Allocate;
  private readonly maxBytes: number;
  private headerPrefix: Uint8Array = new Uint8Array(0);
  private headerValue: IdxHeader | null = null;
  private data: Uint8Array | null = null;
  private written = 0;

  constructor(options: { allocate?: Allocate; maxBytes?: number } = {}) {
    this.allocate = options.allocate ?? allocatePlain;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_IDX_BYTES;
  }

  get header(): IdxHeader | null {
    return this.headerValue;
  }

  /** Data bytes written so far (after the header). */
  get bytesWritten(): number {
    return this.written;
  }

  /** The data buffer, once the header is known; filled up to `bytesWritten`. */
  get partialData(): Uint8Array | null {
    return this.data;
  }

  /** Takes the next bytes of the file; copies what it keeps, so `chunk` may be reused or freed after. */
  push(chunk: Uint8Array): void {
    let rest = chunk;
    if (!this.data) {
      rest = this.consumeHeader(chunk);
      if (!this.data) return;
    }
    if (rest.length === 0) return;
    const room = this.data.length - this.written;
    if (rest.length > room) {
      throw new DecodeError(
        'idx-too-long',
        `file is longer than its IDX header declares (more than ${this.data.length.toLocaleString('en-US')} data bytes)`,
      );
    }
    this.data.set(rest, this.written);
    this.written += rest.length;
  }

  finish(): DecodedIdx {
    if (!this.headerValue || !this.data) {
      const have = this.headerPrefix.length;
      if (have === 0) throw new DecodeError('idx-truncated', 'file is empty');
      const needed = idxHeaderLength(this.headerPrefix);
      if (needed !== null) parseIdxHeader(this.headerPrefix, this.maxBytes);
      throw new DecodeError('idx-truncated', `file ends inside the IDX header (${have} of ${needed ?? 4}+ bytes)`);
    }
    if (this.written !== this.data.length) {
      throw new DecodeError(
        'idx-truncated',
        `file is cut short: the IDX header declares ${this.data.length.toLocaleString('en-US')} data bytes but only ${this.written.toLocaleString('en-US')} arrived`,
      );
    }
    return { header: this.headerValue, data: this.data };
  }

  private consumeHeader(chunk: Uint8Array): Uint8Array {
    const joined = concatBytes(this.headerPrefix, chunk);
    // Check the magic as soon as 4 bytes are here, so a wrong file fails before we wait for more.
    if (joined.length >= 4) parseMagicOnly(joined, this.maxBytes);
    const needed = idxHeaderLength(joined);
    if (needed === null || joined.length < needed) {
      // Never the caller's chunk itself: push() keeps nothing it was handed (see GunzipStream).
      this.headerPrefix = joined === chunk ? chunk.slice() : joined;
      return new Uint8Array(0);
    }
    const header = parseIdxHeader(joined, this.maxBytes);
    this.headerValue = header;
    this.headerPrefix = joined.slice(0, header.headerBytes);
    this.data = this.allocate(header.dataBytes);
    return joined.subarray(header.headerBytes);
  }
}

function parseMagicOnly(bytes: Uint8Array, maxBytes: number): void {
  const ndims = bytes[3] ?? 0;
  // Only the fixed part: feed a header with dims of 1 so type and ndims get the full checks.
  const probe = new Uint8Array(4 + 4 * Math.min(ndims, IDX_MAX_DIMS));
  probe.set(bytes.subarray(0, 4));
  for (let i = 4; i < probe.length; i += 4) probe[i + 3] = 1;
  parseIdxHeader(probe, maxBytes);
}

/** Decodes a whole IDX file held in memory. */
export function decodeIdx(bytes: Uint8Array, options: { allocate?: Allocate; maxBytes?: number } = {}): DecodedIdx {
  const decoder = new IdxStreamDecoder(options);
  decoder.push(bytes);
  return decoder.finish();
}

/**
 * The header bytes of an IDX file of this type and shape: the magic (two zero bytes, the type,
 * the dimension count) and each dimension as a big-endian 32-bit number. A decoded file's header
 * is exactly these bytes, so its IDX hash can be taken from the decoded data alone.
 */
export function encodeIdxHeader(type: number, dims: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(2, type);
  view.setUint8(3, dims.length);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  return bytes;
}
