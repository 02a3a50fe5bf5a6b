// Near-duplicate pairs from the neighbour tables against a brute force over every pair, on
import { MNIST_INFO } from '../dataset/catalog';
// generated digits with planted copies (exact, nudged, within and across the splits).
import { describe, expect, it } from 'vitest';
import { patternBytes } from '../../testing/idxFiles';
import type { Dataset, SplitData } from '../dataset/dataset';
import { nearestNeighbourTable } from './knn';
import { PIXELS_PER_IMAGE } from '../dataset/mnist';
import { nearDuplicatePairs, pixelDistance } from './nearDuplicates';
import { principalComponents, project } from './pca';

function plantedDataset(): Dataset {
  const [trainCount, testCount] = [240, 80];
  const images = patternBytes((trainCount + testCount) * PIXELS_PER_IMAGE, 21);
  const copy = (from: number, to: number, nudge: number) => {
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) images[to * PIXELS_PER_IMAGE + p] = images[from * PIXELS_PER_IMAGE + p]!;
    for (let p = 0; p < nudge; p++) images[to * PIXELS_PER_IMAGE + p * 37] = (images[to * PIXELS_PER_IMAGE + p * 37]! + 40) % 256;
  };
  copy(3, trainCount + 5, 0); // an exact copy across the splits
  copy(10, trainCount + 6, 4); // nudged across
  copy(11, trainCount + 40, 20); // nudged more across
  copy(20, 21, 2); // within train
  copy(trainCount + 70, trainCount + 71, 0); // within test
  const split = (name: 'train' | 'test', from: number, count: number): SplitData => ({
    split: name,
    count,
    images: images.subarray(from * PIXELS_PER_IMAGE, (from + count) * PIXELS_PER_IMAGE),
    labels: new Uint8Array(count),
  });
  return { train: split('train', 0, trainCount), test: split('test', trainCount, testCount), rows: 28, cols: 28, info: MNIST_INFO, warnings: [] };
}

describe('nearDuplicatePairs', () => {
  const dataset = plantedDataset();
  const total = dataset.train.count + dataset.test.count;
  const blocks = [dataset.train, dataset.test];
  const points = project(blocks, principalComponents(blocks, PIXELS_PER_IMAGE, 50), 50);
  const tables = [nearestNeighbourTable(points, 50, 10, 0, dataset.train.count), nearestNeighbourTable(points, 50, 10, dataset.train.count, total)];

  function bruteForce(threshold: number, across: boolean) {
    const pairs: { a: number; b: number; distance: number }[] = [];
    for (let a = 0; a < total; a++) {
      for (let b = a + 1; b < total; b++) {
        if (across && a < dataset.train.count === b < dataset.train.count) continue;
        const distance = pixelDistance(dataset, a, b);
        if (distance <= threshold) pairs.push({ a, b, distance });
      }
    }
    return pairs.sort((x, y) => x.distance - y.distance || x.a - y.a || x.b - y.b);
  }

  it.each([
    { threshold: 0, across: true },
    { threshold: 150, across: true },
    { threshold: 400, across: false },
    { threshold: 1200, across: false },
  ])('equal a brute force over every pair (threshold $threshold, across only: $across)', ({ threshold, across }) => {
    const want = bruteForce(threshold, across);
    const { pairs, capped, crowded } = nearDuplicatePairs(dataset, tables, threshold, across ? 'across' : 'all');
    expect(capped).toBe(false);
    expect(crowded).toBe(0);
    expect(pairs).toEqual(want);
  });

  it('counts the crowded digits, and misses only pairs between two of them', () => {
    // Beyond every random pair's distance: every digit is crowded, and most pairs are beyond the tables.
    const { pairs, crowded } = nearDuplicatePairs(dataset, tables, 1e9, 'all', 1e9);
    expect(crowded).toBe(total);
    expect(pairs.length).toBeLessThan((total * (total - 1)) / 2);
  });

  it('plants are found, and a cap measures the nearest first and says so', () => {
    const { pairs } = nearDuplicatePairs(dataset, tables, 400, 'all');
    expect(pairs.map((p) => [p.a, p.b])).toEqual(expect.arrayContaining([[3, 245], [10, 246], [20, 21], [310, 311]]));
    const capped = nearDuplicatePairs(dataset, tables, 1e9, 'all', 3);
    expect(capped.capped).toBe(true);
    expect(capped.pairs).toHaveLength(3);
  });
});
