import { Inflate } from 'pako';
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
 */
export class GunzipStream {
  private readonly inflate: Inflate;
  private compressedIn = 0;
  // An exception thrown inside pako's onData would leave pako half-way through a call, so it is
  // kept here and rethrown once push returns.
  private failure: Error | null = null;

  constructor(onData: (chunk: Uint8Array) => void) {
    this.inflate = new Inflate({ windowBits: GZIP_WINDOW_BITS, chunkSize: OUTPUT_CHUNK_BYTES });
    this.inflate.onData = (chunk) => {
      if (this.failure) return;
      try {
        onData(chunk);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error('gzip consumer failed', { cause: error });
      }
    };
  }

  push(chunk: Uint8Array): void {
    if (this.inflate.ended) return; // bytes after the gzip member: ignored, like gunzip -q does
    this.compressedIn += chunk.length;
    this.inflate.push(chunk, false);
    this.check();
  }

  finish(): void {
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
