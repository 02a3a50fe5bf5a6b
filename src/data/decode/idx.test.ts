import { describe, expect, it } from 'vitest';
import { makeIdx, patternBytes } from '../../testing/idxFiles';
import { DecodeError, type DecodeErrorCode } from './decodeError';
import { decodeIdx, IdxStreamDecoder, parseIdxHeader } from './idx';

function refusal(run: () => unknown): { code: DecodeErrorCode; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    const e = error as DecodeError;
    return { code: e.code, message: e.message };
  }
  throw new Error('expected a DecodeError, but decoding succeeded');
}

describe('parseIdxHeader', () => {
  it('reads type, every dimension, header and data sizes of an image file', () => {
    const header = parseIdxHeader(makeIdx({ dims: [3, 28, 28] }));
    expect(header).toEqual({ type: 0x08, dims: [3, 28, 28], headerBytes: 16, dataBytes: 3 * 784 });
  });

  it('reads a one-dimensional label file header', () => {
    expect(parseIdxHeader(makeIdx({ dims: [60000], data: new Uint8Array(60000) }))).toEqual({
      type: 0x08,
      dims: [60000],
      headerBytes: 8,
      dataBytes: 60000,
    });
  });

  it('reads dimensions as big-endian uint32', () => {
    const bytes = Uint8Array.of(0, 0, 8, 1, 0x00, 0x01, 0x02, 0x03);
    expect(parseIdxHeader(bytes).dims).toEqual([0x010203]);
  });

  it('refuses a wrong magic number and shows its bytes', () => {
    const r = refusal(() => parseIdxHeader(makeIdx({ dims: [1], magicPrefix: [0x1f, 0x8b] })));
    expect(r.code).toBe('idx-bad-magic');
    expect(r.message).toContain('1F 8B');
  });

  it('refuses an unknown type byte as a wrong magic number', () => {
    expect(refusal(() => parseIdxHeader(makeIdx({ dims: [1], type: 0x42 }))).code).toBe('idx-bad-magic');
  });

  it.each([
    [0x09, 'signed byte'],
    [0x0b, 'int16'],
    [0x0c, 'int32'],
    [0x0d, 'float32'],
    [0x0e, 'float64'],
  ])('refuses element type 0x%s (%s) by name', (type, name) => {
    const r = refusal(() => parseIdxHeader(makeIdx({ dims: [1], type, data: new Uint8Array(8) })));
    expect(r.code).toBe('idx-unsupported-type');
    expect(r.message).toContain(name);
  });

  it('refuses zero dimensions and more than four', () => {
    expect(refusal(() => parseIdxHeader(Uint8Array.of(0, 0, 8, 0))).code).toBe('idx-bad-dimensions');
    expect(refusal(() => parseIdxHeader(makeIdx({ dims: [1, 1, 1, 1, 1] }))).code).toBe('idx-bad-dimensions');
  });

  it('refuses a dimension of size 0', () => {
    const r = refusal(() => parseIdxHeader(makeIdx({ dims: [5, 0, 28] })));
    expect(r.code).toBe('idx-bad-dimensions');
    expect(r.message).toContain('dimension 2 is 0');
  });

  it('refuses a declared size above the limit before allocating anything', () => {
    const header = makeIdx({ dims: [4_000_000_000, 28, 28], data: new Uint8Array(0) });
    const r = refusal(() => parseIdxHeader(header));
    expect(r.code).toBe('idx-too-large');
    expect(refusal(() => parseIdxHeader(makeIdx({ dims: [100] }), 99)).code).toBe('idx-too-large');
  });

  it('refuses a header cut short', () => {
    expect(refusal(() => parseIdxHeader(makeIdx({ dims: [2, 28, 28] }).subarray(0, 10))).code).toBe('idx-truncated');
  });
});

describe('IdxStreamDecoder', () => {
  it('decodes the same bytes whatever the chunking, into one buffer from the allocator', () => {
    const data = patternBytes(5 * 784);
    const file = makeIdx({ dims: [5, 28, 28], data });
    for (const chunkSize of [1, 3, 16, 17, 1000, file.length]) {
      const allocations: number[] = [];
      const decoder = new IdxStreamDecoder({
        allocate: (n) => {
          allocations.push(n);
          return new Uint8Array(new SharedArrayBuffer(n));
        },
      });
      for (let i = 0; i < file.length; i += chunkSize) decoder.push(file.subarray(i, i + chunkSize));
      const decoded = decoder.finish();
      expect(allocations).toEqual([5 * 784]);
      expect(decoded.data.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(decoded.data).toEqual(data);
      expect(decoded.header.dims).toEqual([5, 28, 28]);
    }
  });

  it('fails on a wrong magic number as soon as four bytes are in', () => {
    const decoder = new IdxStreamDecoder();
    decoder.push(Uint8Array.of(0x3c, 0x21));
    expect(() => decoder.push(Uint8Array.of(0x44, 0x4f))).toThrow(DecodeError);
  });

  it('refuses a file shorter than its header declares, saying how much arrived', () => {
    const file = makeIdx({ dims: [10] });
    const r = refusal(() => decodeIdx(file.subarray(0, file.length - 3)));
    expect(r.code).toBe('idx-truncated');
    expect(r.message).toContain('7 arrived');
  });

  it('refuses a file longer than its header declares', () => {
    const file = makeIdx({ dims: [10], data: new Uint8Array(11) });
    expect(refusal(() => decodeIdx(file)).code).toBe('idx-too-long');
  });

  it('refuses an empty file and one that ends inside the header', () => {
    expect(refusal(() => decodeIdx(new Uint8Array(0))).code).toBe('idx-truncated');
    expect(refusal(() => decodeIdx(Uint8Array.of(0, 0, 8, 3, 0, 0))).code).toBe('idx-truncated');
  });

  it('never allocates for a header over the limit', () => {
    let allocated = 0;
    const decoder = new IdxStreamDecoder({ maxBytes: 1000, allocate: (n) => ((allocated += n), new Uint8Array(n)) });
    expect(() => decoder.push(makeIdx({ dims: [2000], data: new Uint8Array(0) }))).toThrow(/over the limit/);
    expect(allocated).toBe(0);
  });
});
