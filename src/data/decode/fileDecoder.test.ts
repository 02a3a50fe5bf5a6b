import { describe, expect, it } from 'vitest';
import { gzipBytes, makeIdx } from '../../testing/idxFiles';
import { DecodeError } from './decodeError';
import { decodeMnistFile, MnistFileDecoder } from './fileDecoder';

describe('MnistFileDecoder', () => {
  const idx = makeIdx({ dims: [4, 28, 28] });

  it('inflates gzip and decodes the IDX inside', () => {
    const decoder = new MnistFileDecoder();
    decoder.push(gzipBytes(idx));
    expect(decoder.finish().header.dims).toEqual([4, 28, 28]);
    expect(decoder.format).toBe('gzip');
  });

  it('accepts raw IDX without inflating, even when it arrives one byte at a time', () => {
    const decoder = new MnistFileDecoder();
    for (const byte of idx) decoder.push(Uint8Array.of(byte));
    expect(decoder.finish().data).toEqual(idx.subarray(16));
    expect(decoder.format).toBe('idx');
  });

  it('says what an HTML page is when one arrives instead of the file', () => {
    const html = new TextEncoder().encode('<!doctype html><html></html>');
    expect(() => decodeMnistFile(html)).toThrow(/not gzip or IDX: starts with 3C 21 64 6F \(an HTML page\)/);
  });

  it('refuses an empty file and a one-byte file', () => {
    expect(() => decodeMnistFile(new Uint8Array(0))).toThrow(/empty/);
    expect(() => decodeMnistFile(Uint8Array.of(0x1f))).toThrow(DecodeError);
  });

  it('refuses a gzip whose content is not IDX with the IDX reason', () => {
    const gz = gzipBytes(new TextEncoder().encode('hello world, not idx'));
    expect(() => decodeMnistFile(gz)).toThrow(/wrong magic number 68 65 6C 6C/);
  });
});
