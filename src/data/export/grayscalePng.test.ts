// The grayscale PNG, read back by a reader apart from the writer (Node's zlib and CRC-32,
// testing/png.ts): one 8-bit gray channel holding exactly the bytes given.
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { patternBytes } from '../../testing/idxFiles';
import { decodePng } from '../../testing/png';
import { crc32, grayscalePng } from './grayscalePng';

describe('grayscalePng', () => {
  it('writes 8-bit gray pixels that read back as the very bytes', async () => {
    const bytes = patternBytes(28 * 28, 5);
    const png = decodePng(await grayscalePng(bytes, 28, 28));
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([28, 28, 8, 0]);
    expect(png.pixels).toEqual(bytes);
  });

  it('keeps rows apart in an image that is not square', async () => {
    const bytes = patternBytes(3 * 5, 8);
    const png = decodePng(await grayscalePng(bytes, 5, 3));
    expect([png.width, png.height]).toEqual([5, 3]);
    expect(png.pixels).toEqual(bytes);
  });

  it('computes the CRC-32 zlib computes', () => {
    for (const bytes of [new Uint8Array(0), Uint8Array.from([73, 69, 78, 68]), patternBytes(1000, 2)]) expect(crc32(bytes)).toBe(nodeCrc32(bytes));
  });

  it('refuses a size the bytes are not', async () => {
    await expect(grayscalePng(new Uint8Array(10), 3, 3)).rejects.toThrow(RangeError);
  });
});
