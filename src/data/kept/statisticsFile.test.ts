import { beforeAll, describe, expect, it } from 'vitest';
import { patternBytes } from '../../testing/idxFiles';
import type { Dataset, SplitData } from '../dataset/dataset';
import { PIXELS_PER_IMAGE } from '../dataset/mnist';
import { MNIST_INFO } from '../dataset/catalog';
import { rankAllOrders } from '../dataset/sortOrder';
import { computeStatistics } from '../analysis/statistics';
import { decodeStatistics, encodeStatistics } from './statisticsFile';

function splitOf(split: 'train' | 'test', count: number, seed: number): SplitData {
  return {
    split,
    count,
    images: patternBytes(count * PIXELS_PER_IMAGE, seed),
    labels: Uint8Array.from({ length: count }, (_, i) => (i * 3 + seed) % 11),
  };
}

const dataset: Dataset = { train: splitOf('train', 37, 1), test: splitOf('test', 13, 2), rows: 28, cols: 28, info: MNIST_INFO, warnings: [] };
const MNIST_SHAPE = { pixels: 784, labelSlots: 10 };
const counts = { train: 37, test: 13 };
const KEY = 'a'.repeat(64) + ':' + 'b'.repeat(64);

describe('kept statistics file', () => {
  const statistics = computeStatistics(dataset);
  const rankings = rankAllOrders({ trainCount: 37, train: statistics.train, test: statistics.test });
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await encodeStatistics(statistics, rankings, KEY, 123.5);
  });

  it('reads back exactly what was kept, from bytes at any offset', async () => {
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    for (const view of [bytes, shifted.subarray(3)]) {
      const read = await decodeStatistics(view, KEY, counts, MNIST_SHAPE);
      if ('problem' in read) throw new Error(read.problem);
      expect(read.ms).toBe(123.5);
      for (const split of ['train', 'test'] as const) {
        const a = read.statistics[split];
        const b = statistics[split];
        expect([a.split, a.count, a.labelCounts, a.otherLabels]).toEqual([b.split, b.count, b.labelCounts, b.otherLabels]);
        for (const field of ['pixelSums', 'pixelSquareSums', 'pixelHistogram', 'ink', 'distance'] as const) expect(Array.from(a[field])).toEqual(Array.from(b[field]));
      }
      for (const order of ['ink', '-ink', 'typical', 'atypical'] as const) expect(Array.from(read.rankings[order])).toEqual(Array.from(rankings[order]));
    }
  });

  it('refuses a file kept for other data, another shape, a changed byte or a cut file', async () => {
    expect(await decodeStatistics(bytes, 'c'.repeat(64), counts, MNIST_SHAPE)).toEqual({ problem: 'kept for other data' });
    expect(await decodeStatistics(bytes, KEY, { train: 37, test: 14 }, MNIST_SHAPE)).toHaveProperty('problem', expect.stringMatching(/^test: kept for 13 digits/));
    const flipped = bytes.slice();
    flipped[flipped.byteLength - 5]! ^= 1;
    expect(await decodeStatistics(flipped, KEY, counts, MNIST_SHAPE)).toEqual({ problem: 'its SHA-256 does not match' });
    expect(await decodeStatistics(bytes.subarray(0, bytes.byteLength - 8), KEY, counts, MNIST_SHAPE)).toEqual({ problem: 'its SHA-256 does not match' });
    expect(await decodeStatistics(new Uint8Array(3), KEY, counts, MNIST_SHAPE)).toEqual({ problem: 'not a MNSTATS1 file' });
  });

  it('refuses a file of format 3, whose own envelope hashed the body only: it is computed again', async () => {
    // Format 3's layout: magic, u32 header length, the JSON header (with the body's SHA-256), the body at a multiple of 8.
    const body = new Uint8Array(64);
    const json = new TextEncoder().encode(JSON.stringify({ version: 3, key: KEY, ms: 1, splits: {}, sha256: '0'.repeat(64) }));
    const start = Math.ceil((8 + 4 + json.byteLength) / 8) * 8;
    const old = new Uint8Array(start + body.byteLength);
    old.set(new TextEncoder().encode('MNSTATS1'));
    new DataView(old.buffer).setUint32(8, json.byteLength, true);
    old.set(json, 12);
    expect(await decodeStatistics(old, KEY, counts, MNIST_SHAPE)).toHaveProperty('problem');
  });

  it('refuses rankings that are not permutations of the ids, even with a matching SHA-256', async () => {
    const twice = { ...rankings, typical: new Uint32Array(rankings.typical.length) };
    expect(await decodeStatistics(await encodeStatistics(statistics, twice, KEY, 1), KEY, counts, MNIST_SHAPE)).toEqual({ problem: 'the typical ranking is not a permutation' });
  });

  it('never throws on damaged bytes, whatever is changed', async () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
    for (let round = 0; round < 300; round++) {
      const damaged = bytes.slice(0, round % 3 === 0 ? next() % bytes.byteLength : bytes.byteLength);
      // Damage the header part most of the time: that is where a parser can go wrong.
      for (let k = 0; k < 1 + (next() % 4); k++) damaged[next() % Math.min(damaged.byteLength, 400)] = next() & 0xff;
      await expect(decodeStatistics(damaged, KEY, counts, MNIST_SHAPE)).resolves.toBeDefined();
    }
  });
});
