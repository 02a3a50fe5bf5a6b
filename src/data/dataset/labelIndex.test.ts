import { describe, expect, it } from 'vitest';
import { MNIST_INFO } from './catalog';
import { buildLabelIndex, countSelected, positionOf, selectIds, type SplitFilter } from './labelIndex';
import type { Dataset } from './dataset';

function datasetWithLabels(train: number[], test: number[]): Dataset {
  const split = (name: 'train' | 'test', labels: number[]) => ({
    split: name,
    count: labels.length,
    images: new Uint8Array(labels.length * 784),
    labels: Uint8Array.from(labels),
  });
  return { train: split('train', train), test: split('test', test), rows: 28, cols: 28, info: MNIST_INFO, warnings: [] };
}

function bruteForce(dataset: Dataset, split: SplitFilter, digits: number[]): number[] {
  const ids: number[] = [];
  const all = digits.length === 0;
  dataset.train.labels.forEach((l, i) => {
    if (split !== 'test' && (all || digits.includes(l))) ids.push(i);
  });
  dataset.test.labels.forEach((l, i) => {
    if (split !== 'train' && (all || digits.includes(l))) ids.push(dataset.train.count + i);
  });
  return ids;
}

describe('label index', () => {
  const random = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 7919 + seed) * 104729) % 10);
  const dataset = datasetWithLabels(random(6000, 3), random(1000, 11));
  const index = buildLabelIndex(dataset);

  it('counts every label per split', () => {
    for (const split of ['train', 'test'] as const) {
      const counts = Array(10).fill(0);
      dataset[split].labels.forEach((l) => counts[l]++);
      expect(index.counts[split]).toEqual(counts);
    }
  });

  it.each<[SplitFilter, number[]]>([
    ['all', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['train', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['test', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['all', [3]],
    ['train', [0, 9]],
    ['test', [1, 4, 7]],
    ['all', [0, 1, 2, 3, 4, 5, 6, 7, 8]],
  ])('selects %s with digits %j in file order, as a plain filter would', (split, digits) => {
    const ids = selectIds(dataset, split, digits);
    expect(Array.from(ids)).toEqual(bruteForce(dataset, split, digits));
    expect(countSelected(index, split, digits)).toBe(ids.length);
    // With the label index the list's size comes from its counts: the same ids, no slot to spare shown.
    const indexed = selectIds(dataset, split, digits, index);
    expect(indexed.length).toBe(ids.length);
    expect(Array.from(indexed)).toEqual(Array.from(ids));
  });

  it('leaves labels outside 0–9 out of every digit filter but not out of All', () => {
    const odd = datasetWithLabels([1, 12, 1], [200]);
    expect(Array.from(selectIds(odd, 'all', [1]))).toEqual([0, 2]);
    expect(selectIds(odd, 'all', []).length).toBe(4);
    expect(selectIds(odd, 'all', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).length).toBe(2);
    const oddIndex = buildLabelIndex(odd);
    expect(Array.from(selectIds(odd, 'all', [1], oddIndex))).toEqual([0, 2]);
    // A label past the index's slots is counted by a pass of its own, not taken from the counts.
    expect(Array.from(selectIds(odd, 'all', [12, 200], oddIndex))).toEqual([1, 3]);
    expect(buildLabelIndex(odd).counts.train).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('positionOf', () => {
  it('finds an id in a selection in file order, and in one in any other order', () => {
    const ascending = Uint32Array.of(2, 5, 9, 40);
    expect([2, 5, 9, 40, 3, 41, 0].map((id) => positionOf(ascending, id))).toEqual([0, 1, 2, 3, -1, -1, -1]);
    const sorted = Uint32Array.of(40, 2, 9, 5);
    expect([40, 2, 9, 5, 3, 41, 0].map((id) => positionOf(sorted, id))).toEqual([0, 1, 2, 3, -1, -1, -1]);
    expect(positionOf(new Uint32Array(0), 0)).toBe(-1);
  });
});
