import { Inflate } from 'pako';
import { hexBytes, releaseBuffer } from './bytes';
import { DecodeError } from './decodeError';

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function looksLikeGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

// 15 window bits + 16 = "gzip wrapper only": a zlib or raw deflate stream is refused, not guessed.
const GZIP_WINDOW_BITS = 15 + 16;
const OUTPUT_CHUNK_BYTES = 256 * 1024;

/**
 * Inflates a gzip stream as its bytes arrive, handing each inflated chunk to `onData` right away
 * (pako's streaming API), so a 47 MB file is never held twice while it decodes.
 * Each chunk is only lent to `onData`: it is freed when the call returns, so copy what you keep.
 *
 * A gzip file may hold several members one after another (`cat a.gz b.gz`), which `gunzip`
 * inflates as one; so does this. Anything else after a member is refused at once, whatever the
 * network's chunks: the rule is decided on the first byte after a member, the same rule pako
 * applies inside one chunk (a zero byte is trailing data, any other byte must start the next
 * member), so a file's fate never depends on how it was split. Refusing at the first stray
 * byte also bounds what is read: a valid file followed by endless zeros stops there.
 */
export class GunzipStream {
  private readonly onData: (chunk: Uint8Array) => void;
  private inflate: Inflate;
  /** Between members: the last member ended at a chunk's end, the next one has not started. */
  private betweenMembers = false;
  private compressedIn = 0;
  // An exception thrown inside pako's onData would leave pako half-way through a call, so it is
  // kept here and rethrown once push returns.
  private failure: Error | null = null;

  constructor(onData: (chunk: Uint8Array) => void) {
    this.onData = onData;
    this.inflate = this.member();
  }

  private member(): Inflate {
    const inflate = new Inflate({ windowBits: GZIP_WINDOW_BITS, chunkSize: OUTPUT_CHUNK_BYTES });
    inflate.onData = (chunk) => {
      try {
        if (!this.failure) this.onData(chunk);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error('gzip consumer failed', { cause: error });
      } finally {
        // pako 3 allocates a new output buffer after each onData and never touches this one
        // again; the consumer has copied it. Freed now rather than at the worker's next garbage
        // collection: a whole file's worth of them otherwise stays allocated in an idle worker.
        releaseBuffer(chunk);
      }
    };
    return inflate;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.betweenMembers) {
      this.startNextMember(chunk, 0);
      return;
    }
    this.compressedIn += chunk.length;
    this.inflate.push(chunk, false);
    this.check();
    if (this.inflate.ended) {
      // The member ended (pako ends it on its trailer). Bytes pako did not take are what follows.
      // pako's stream state is not in its typings; avail_in is zlib's count of unread input.
      const strm = (this.inflate as unknown as { strm: { avail_in: number } }).strm;
      if (strm.avail_in > 0) this.startNextMember(chunk, chunk.length - strm.avail_in);
      else this.betweenMembers = true;
    }
  }

  private startNextMember(chunk: Uint8Array, offset: number): void {
    if (chunk[offset] === 0) {
      throw new DecodeError(
        'gzip-trailing-data',
        `more data than the file holds: bytes after the end of the gzip data (${hexBytes(chunk.subarray(offset))}…) are not another gzip member`,
      );
    }
    this.betweenMembers = false;
    this.inflate = this.member();
    this.compressedIn -= offset; // counted once, in the push below
    this.push(chunk.subarray(offset));
  }

  finish(): void {
    if (this.betweenMembers) return;
    if (!this.inflate.ended) {
      this.inflate.push(new Uint8Array(0), true);
      this.check();
    }
    if (!this.inflate.ended || this.inflate.err) {
      throw new DecodeError(
        'gzip-truncated',
        `gzip stream is cut short after ${this.compressedIn.toLocaleString('en-US')} bytes`,
      );
    }
  }

  private check(): void {
    const failure = this.failure;
    if (failure) {
      this.failure = null;
      throw failure;
    }
    if (this.inflate.err) throw gzipError(this.inflate.msg);
  }
}

function gzipError(msg: string): DecodeError {
  switch (msg) {
    case 'incorrect header check':
    case 'unknown compression method':
      return new DecodeError('gzip-corrupt', `not a valid gzip header (${msg})`);
    case 'incorrect data check':
      return new DecodeError('gzip-corrupt', 'gzip CRC check failed: the file is corrupt');
    case 'incorrect length check':
      return new DecodeError('gzip-corrupt', 'gzip length trailer does not match the inflated size: the file is corrupt');
    case 'unexpected end of file':
    case 'buffer error':
      return new DecodeError('gzip-truncated', 'gzip stream is cut short');
    default:
      return new DecodeError('gzip-corrupt', `corrupt gzip data (${msg || 'unknown inflate error'})`);
  }
}
