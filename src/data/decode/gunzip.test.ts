import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipBytes, patternBytes, withBadCrc, withBadLength } from '../../testing/idxFiles';
import { DecodeError } from './decodeError';
import { GunzipStream } from './gunzip';

function inflateInChunks(gz: Uint8Array, chunkSize: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const stream = new GunzipStream((chunk) => parts.push(chunk.slice()));
  for (let i = 0; i < gz.length; i += chunkSize) stream.push(gz.subarray(i, i + chunkSize));
  stream.finish();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('GunzipStream', () => {
  // Half compressible, half noise: exercises stored and Huffman blocks.
  const input = new Uint8Array(700_000);
  input.set(patternBytes(350_000), 350_000);
  const gz = gzipBytes(input);

  it('inflates chunk by chunk to exactly what zlib inflates', () => {
    for (const chunkSize of [1024, 65_536, 997, gz.length]) {
      // Buffer.equals, not toEqual: deep-comparing 700 kB element by element takes seconds.
      expect(Buffer.from(inflateInChunks(gz, chunkSize)).equals(gunzipSync(gz))).toBe(true);
    }
  });

  it('emits output before the input has all arrived', () => {
    let emitted = 0;
    const stream = new GunzipStream((chunk) => (emitted += chunk.length));
    stream.push(gz.subarray(0, gz.length >> 1));
    expect(emitted).toBeGreaterThan(0);
  });

  it('refuses a bad CRC and a bad length trailer as corrupt', () => {
    expect(() => inflateInChunks(withBadCrc(gz), 4096)).toThrow(/CRC check failed/);
    expect(() => inflateInChunks(withBadLength(gz), 4096)).toThrow(/length trailer/);
  });

  it('refuses a stream cut short', () => {
    for (const cut of [10, gz.length >> 1, gz.length - 1]) {
      const error = (() => {
        try {
          inflateInChunks(gz.subarray(0, cut), 4096);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DecodeError);
      expect((error as DecodeError).code).toBe('gzip-truncated');
    }
  });

  it('refuses a header that is not gzip', () => {
    const zlibLike = Uint8Array.of(0x1f, 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3);
    expect(() => inflateInChunks(zlibLike, 100)).toThrow(DecodeError);
  });

  it('passes on an exception thrown by the consumer instead of losing it', () => {
    const stream = new GunzipStream(() => {
      throw new Error('consumer full');
    });
    expect(() => stream.push(gz)).toThrow('consumer full');
  });
});
