import { concatBytes, hexBytes } from './bytes';
import { DecodeError } from './decodeError';
import { GunzipStream, looksLikeGzip } from './gunzip';
import { IdxStreamDecoder, looksLikeIdx, type Allocate, type DecodedIdx } from './idx';

export type FileFormat = 'gzip' | 'idx';

/**
 * Turns the bytes of one served file into IDX data, whatever arrives: gzip'd IDX (the usual
 * case) or raw IDX (what a server that sets Content-Encoding: gzip hands to fetch). The format is
 * told by the first bytes, never by the file name.
 */
export class MnistFileDecoder {
  private readonly idx: IdxStreamDecoder;
  private gunzip: GunzipStream | null = null;
  private formatValue: FileFormat | null = null;
  private prefix: Uint8Array = new Uint8Array(0);
  private compressedIn = 0;

  constructor(options: { allocate?: Allocate; maxBytes?: number } = {}) {
    this.idx = new IdxStreamDecoder(options);
  }

  get format(): FileFormat | null {
    return this.formatValue;
  }

  get bytesIn(): number {
    return this.compressedIn;
  }

  get idxDecoder(): IdxStreamDecoder {
    return this.idx;
  }

  /** Takes the next served bytes; copies what it keeps, so `chunk` may be reused or freed after. */
  push(chunk: Uint8Array): void {
    this.compressedIn += chunk.length;
    if (this.formatValue === null) {
      const joined = concatBytes(this.prefix, chunk);
      if (joined.length < 2) {
        // Kept for the next push, so a copy: push() keeps nothing it was handed.
        this.prefix = joined.slice();
        return;
      }
      chunk = joined;
      this.prefix = new Uint8Array(0);
      this.detectFormat(chunk);
    }
    if (this.gunzip) this.gunzip.push(chunk);
    else this.idx.push(chunk);
  }

  finish(): DecodedIdx {
    if (this.formatValue === null) {
      if (this.prefix.length === 0) throw new DecodeError('idx-truncated', 'file is empty');
      throw new DecodeError('not-gzip-or-idx', `file is only ${this.prefix.length} byte long: not gzip or IDX`);
    }
    this.gunzip?.finish();
    return this.idx.finish();
  }

  private detectFormat(first: Uint8Array): void {
    if (looksLikeGzip(first)) {
      this.formatValue = 'gzip';
      this.gunzip = new GunzipStream((inflated) => this.idx.push(inflated));
    } else if (looksLikeIdx(first)) {
      this.formatValue = 'idx';
    } else {
      throw new DecodeError('not-gzip-or-idx', `not gzip or IDX: starts with ${hexBytes(first)}${describeText(first)}`);
    }
  }
}

/** Decodes one whole file held in memory (tests, scripts). */
export function decodeMnistFile(bytes: Uint8Array, options: { allocate?: Allocate; maxBytes?: number } = {}): DecodedIdx {
  const decoder = new MnistFileDecoder(options);
  decoder.push(bytes);
  return decoder.finish();
}

// Servers that answer a missing file with a page, not a 404, are common; say so plainly.
function describeText(first: Uint8Array): string {
  const head = String.fromCharCode(...first.subarray(0, 16)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return ' (an HTML page)';
  if (head.startsWith('<?xml') || head.startsWith('<')) return ' (an XML or HTML document)';
  if (head.startsWith('{')) return ' (JSON text)';
  return '';
}
