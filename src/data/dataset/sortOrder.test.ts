import { describe, expect, it } from 'vitest';
import { makeIdx } from '../../testing/idxFiles';
import { assembleDataset, type Dataset } from './dataset';
import { decodeIdx } from '../decode/idx';
import { IMAGE_SIDE, PIXELS_PER_IMAGE } from './mnist';
import { sortIds } from './sortOrder';
import { computeStatistics } from '../analysis/statistics';

/** A dataset whose digits are mostly blank with a few inked pixels: many equal inks (ties). */
function dataset(): Dataset {
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) / 2 ** 24;
  const split = (count: number, labels: readonly number[]) => {
    const pixels = new Uint8Array(count * PIXELS_PER_IMAGE);
    for (let i = 0; i < count; i++) {
      const strokes = Math.floor(random() * 4);
      for (let k = 0; k < strokes; k++) pixels[i * PIXELS_PER_IMAGE + Math.floor(random() * PIXELS_PER_IMAGE)] = [64, 128, 255][Math.floor(random() * 3)]!;
    }
    return {
      images: decodeIdx(makeIdx({ dims: [count, IMAGE_SIDE, IMAGE_SIDE], data: pixels })),
      labels: decodeIdx(makeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => labels[i % labels.length]!) })),
    };
  };
  return assembleDataset({ train: split(90, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), test: split(30, [1, 2, 12]) });
}

// Keys computed here from the pixels, not by the statistics code: ink as a plain sum, the
// distance from class means computed here too.
function independentKeys(data: Dataset) {
  const ink: number[] = [];
  const distance: number[] = [];
  for (const s of [data.train, data.test]) {
    const means = new Map<number, number[]>();
    for (let label = 0; label < 10; label++) {
      const members = [...Array(s.count).keys()].filter((i) => s.labels[i] === label);
      if (members.length === 0) continue;
      means.set(label, Array.from({ length: PIXELS_PER_IMAGE }, (_, p) => members.reduce((sum, i) => sum + s.images[i * PIXELS_PER_IMAGE + p]!, 0) / members.length));
    }
    for (let i = 0; i < s.count; i++) {
      const pixels = s.images.subarray(i * PIXELS_PER_IMAGE, (i + 1) * PIXELS_PER_IMAGE);
      ink.push(pixels.reduce((a, b) => a + b, 0));
      const mean = means.get(s.labels[i]!);
      distance.push(mean ? Math.sqrt(mean.reduce((sum, m, p) => sum + (pixels[p]! - m) ** 2, 0)) : NaN);
    }
  }
  return { ink, distance };
}

describe('sort orders', () => {
  const data = dataset();
  const stats = computeStatistics(data);
  const keys = { trainCount: data.train.count, train: stats.train, test: stats.test };
  const all = Uint32Array.from({ length: data.train.count + data.test.count }, (_, i) => i);
  const { ink, distance } = independentKeys(data);

  it('file order is the selection as it is', () => {
    expect(sortIds(all, 'file', keys)).toBe(all);
  });

  it('by ink, both ways: ties keep file order (train before test)', () => {
    const expected = (sign: 1 | -1) => [...all].sort((a, b) => sign * (ink[a]! - ink[b]!) || a - b);
    expect(Array.from(sortIds(all, 'ink', keys))).toEqual(expected(1));
    expect(Array.from(sortIds(all, '-ink', keys))).toEqual(expected(-1));
    // There are ties to keep: many digits have the same ink.
    expect(new Set(ink).size).toBeLessThan(all.length / 2);
  });

  it('by distance to the class mean, both ways: digits without a class (label 12) last, in file order', () => {
    for (const order of ['typical', 'atypical'] as const) {
      const sorted = Array.from(sortIds(all, order, keys));
      const sign = order === 'typical' ? 1 : -1;
      const known = sorted.filter((id) => !Number.isNaN(distance[id]!));
      const unknown = sorted.slice(known.length);
      expect(unknown.every((id) => Number.isNaN(distance[id]!))).toBe(true);
      expect(unknown).toEqual([...unknown].sort((a, b) => a - b));
      expect(unknown.length).toBe(10);
      for (let k = 1; k < known.length; k++) {
        const [a, b] = [known[k - 1]!, known[k]!];
        // In order by the distances computed here (to rounding); equal ones in file order.
        expect(sign * (distance[b]! - distance[a]!)).toBeGreaterThan(-1e-9);
        if (Math.abs(distance[b]! - distance[a]!) < 1e-9) expect(b).toBeGreaterThan(a);
      }
    }
  });

  it('sorts a filtered selection, not the whole set', () => {
    const evens = all.filter((id) => id % 2 === 0);
    const sorted = Array.from(sortIds(evens, '-ink', keys));
    expect(sorted.slice().sort((a, b) => a - b)).toEqual(Array.from(evens));
    expect(sorted).toEqual([...evens].sort((a, b) => ink[b]! - ink[a]! || a - b));
  });
});
