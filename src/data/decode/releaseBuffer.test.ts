import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipBytes, makeIdx, patternBytes } from '../../testing/idxFiles';
import { releaseBuffer } from './bytes';
import { decodeMnistFile, MnistFileDecoder } from './fileDecoder';
import { GunzipStream } from './gunzip';
import { IdxStreamDecoder } from './idx';

// Node 20 has no ArrayBuffer.prototype.transfer, so releaseBuffer does nothing there. These tests
// give it one that really detaches (structuredClone with transfer does, in Node 20 too), so
// reading a released buffer reads as empty, as it does in the browser: anything that kept a view
// of a buffer it was only lent shows up as a wrong result.
type WithTransfer = { transfer?: (this: ArrayBuffer, length: number) => ArrayBuffer };
const proto = ArrayBuffer.prototype as unknown as WithTransfer;
let released: ArrayBuffer[] = [];
let own = false;

beforeEach(() => {
  released = [];
  own = typeof proto.transfer !== 'function';
  if (own) {
    proto.transfer = function (this: ArrayBuffer, length: number) {
      released.push(this);
      structuredClone(this, { transfer: [this] });
      return new ArrayBuffer(length);
    };
  }
});
afterEach(() => {
  if (own) delete proto.transfer;
});

describe('releaseBuffer', () => {
  it('detaches a plain buffer, leaves a shared one alone', () => {
    const plain = new Uint8Array(16).fill(7);
    releaseBuffer(plain);
    expect(plain.length).toBe(0);
    const shared = new Uint8Array(new SharedArrayBuffer(16)).fill(7);
    releaseBuffer(shared);
    expect(shared.length).toBe(16);
    expect(shared[3]).toBe(7);
  });
});

describe('decoders keep nothing they are lent', () => {
  it('GunzipStream frees each inflated chunk after its consumer copied it, and the result is exact', () => {
    const raw = patternBytes(3_000_000, 5);
    const gz = gzipBytes(raw);
    const out = new Uint8Array(raw.length);
    let at = 0;
    const stream = new GunzipStream((chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    for (let i = 0; i < gz.length; i += 70_001) stream.push(gz.subarray(i, i + 70_001));
    stream.finish();
    expect(at).toBe(raw.length);
    expect(Buffer.from(out).equals(Buffer.from(gunzipSync(gz)))).toBe(true);
    // 3 MB in pako's 256 KiB output buffers: each one given back.
    if (own) expect(released.length).toBeGreaterThanOrEqual(Math.floor(raw.length / (256 * 1024)));
  });

  it('an IDX header split over chunks survives its chunks being freed after each push', () => {
    const idx = makeIdx({ type: 0x08, dims: [3, 28, 28], data: patternBytes(3 * 784, 9) });
    const decoder = new MnistFileDecoder();
    // One byte at a time through the header, each chunk freed as soon as push returns (as the
    // gzip path now does): a decoder that kept a chunk as its header prefix would read garbage.
    for (let i = 0; i < idx.length; i += i < 20 ? 1 : 500) {
      const chunk = idx.slice(i, i + (i < 20 ? 1 : 500));
      decoder.push(chunk);
      releaseBuffer(chunk);
    }
    const decoded = decoder.finish();
    const whole = decodeMnistFile(idx);
    expect(decoded.header).toEqual(whole.header);
    expect(Buffer.from(decoded.data).equals(Buffer.from(whole.data))).toBe(true);
  });

  it('IdxStreamDecoder keeps a copy of a first chunk too short for the header, not the chunk', () => {
    const idx = makeIdx({ type: 0x08, dims: [2, 28, 28], data: patternBytes(2 * 784, 3) });
    const decoder = new IdxStreamDecoder();
    for (const [from, to] of [[0, 6], [6, 13], [13, idx.length]] as const) {
      const chunk = idx.slice(from, to);
      decoder.push(chunk);
      releaseBuffer(chunk);
    }
    const decoded = decoder.finish();
    expect(decoded.header.dims).toEqual([2, 28, 28]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(idx.subarray(16)))).toBe(true);
  });
});
