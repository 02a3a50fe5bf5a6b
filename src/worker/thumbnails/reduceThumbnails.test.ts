import { describe, expect, it } from 'vitest';
import { MNIST_GEOMETRY } from '../../data/dataset/dataset';
import type { ThumbnailsReply, ThumbnailsRequest } from './protocol';
import { reduceThumbnails } from './reduceThumbnails';

// Planted digits in shared memory, as the loader leaves them; the thumbnails are checked against
// block means computed here (28 px → 4 px: 7 × 7 blocks; → 7 px: 4 × 4).
const TRAIN = 40;
const TEST = 9;
function planted(count: number, salt: number): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(count * 784));
  for (let d = 0; d < count; d++) for (let i = 0; i < 784; i++) bytes[d * 784 + i] = (d * 53 + i * 7 + salt * 97 + ((i * i) >> 4)) & 0xff;
  return bytes;
}
const train = planted(TRAIN, 1);
const test = planted(TEST, 2);
const pixels = { train, test, trainCount: TRAIN, total: TRAIN + TEST, geometry: MNIST_GEOMETRY };
const shared = (n: number) => new Uint8Array(new SharedArrayBuffer(n));

function blockMean(id: number, size: number, x: number, y: number): number {
  const stored = id < TRAIN ? train.subarray(id * 784) : test.subarray((id - TRAIN) * 784);
  const block = 28 / size;
  let sum = 0;
  for (let sy = y * block; sy < (y + 1) * block; sy++) for (let sx = x * block; sx < (x + 1) * block; sx++) sum += stored[sy * 28 + sx]!;
  return Math.round(sum / (block * block));
}

function run(request: Omit<ThumbnailsRequest, 'type'>): ThumbnailsReply {
  const replies: ThumbnailsReply[] = [];
  reduceThumbnails({ type: 'reduce', ...request }, (reply) => replies.push(reply));
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

describe('the thumbnail worker', () => {
  it.each([4, 7])('reduces every digit of the selection to %i px, each the mean of its block, and flags it made', (size) => {
    const total = TRAIN + TEST;
    const bytes = shared(total * size * size);
    const made = shared(total);
    // A sorted selection (not file order), without ids 0 and 48: those stay unmade.
    const ids = Uint32Array.from({ length: total - 2 }, (_, i) => 1 + ((i * 11) % (total - 2)));
    expect(new Set(ids).size).toBe(total - 2);
    expect(run({ pixels, size, ids, start: 13, bytes, made }).type).toBe('reduced');
    for (let id = 0; id < total; id++) {
      const wanted = id !== 0 && id !== total - 1;
      expect(made[id], `id ${id}`).toBe(wanted ? 1 : 0);
      if (!wanted) continue;
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) expect(bytes[id * size * size + y * size + x], `id ${id} (${x}, ${y})`).toBe(blockMean(id, size, x, y));
    }
  });

  it('leaves a digit the page already made as it is', () => {
    const size = 4;
    const bytes = shared(pixels.total * 16);
    const made = shared(pixels.total);
    bytes.fill(200, 5 * 16, 6 * 16);
    made[5] = 1;
    run({ pixels, size, ids: Uint32Array.from([4, 5, 6]), start: 0, bytes, made });
    expect(Array.from(bytes.subarray(5 * 16, 6 * 16))).toEqual(new Array(16).fill(200));
    expect(bytes[4 * 16]).toBe(blockMean(4, 4, 0, 0));
  });

  it('answers a request it cannot serve with the reason, and writes nothing', () => {
    const bytes = shared(pixels.total * 16);
    const made = shared(pixels.total);
    const ids = Uint32Array.from([0, 1]);
    expect(run({ pixels, size: 28, ids, start: 0, bytes, made })).toEqual({ type: 'reduce-failed', message: 'no thumbnails of 28 px for 49 digits of 28 × 28 in 784 bytes' });
    expect(run({ pixels, size: 7, ids, start: 0, bytes, made }).type).toBe('reduce-failed');
    expect(made.every((m) => m === 0)).toBe(true);
  });
});
