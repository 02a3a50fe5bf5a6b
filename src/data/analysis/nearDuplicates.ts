// Near-duplicate pairs — the same digit twice, or nearly, within a split or across the splits
// (train/test leakage): pairs whose Euclidean distance over the 784 pixels is at most a
// threshold, found among the neighbour tables' pairs. A projection on principal components
// never lengthens a distance, so two digits within the threshold in pixels are within it on the
// components too; the pair is in a's table unless a's k-th neighbour there is nearer still —
// then a is "crowded". So a pair can be missed only when both its digits are crowded; the
// result says how many are. Candidates are measured exactly in pixels (integer sums).
import type { Dataset } from '../dataset/dataset';
import { pixelsOf } from '../dataset/dataset';
import type { NeighbourTable } from './knn';

export interface DigitPair {
  /** Global ids, a < b. */
  readonly a: number;
  readonly b: number;
  /** Euclidean distance over the pixels. */
  readonly distance: number;
}

export type PairScope = 'across' | 'all';

/** Exact pixel distance between two digits. */
export function pixelDistance(dataset: Dataset, a: number, b: number): number {
  const x = pixelsOf(dataset, a);
  const y = pixelsOf(dataset, b);
  let sum = 0;
  for (let p = 0; p < x.length; p++) {
    const d = x[p]! - y[p]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/**
 * Pairs of `tables`' digits and their neighbours within `threshold` pixels: across the splits
 * only (`across`) or all; nearest first, then by ids. `limit` caps how many are measured (the
 * nearest on the components first), so a large threshold stays quick.
 */
export function nearDuplicatePairs(
  dataset: Dataset,
  tables: readonly NeighbourTable[],
  threshold: number,
  scope: PairScope,
  limit = 5000,
): { pairs: DigitPair[]; capped: boolean; crowded: number } {
  const trainCount = dataset.train.count;
  const seen = new Set<number>();
  const candidates: { a: number; b: number; projected: number }[] = [];
  let crowded = 0;
  for (const table of tables) {
    for (let row = 0; row < table.to - table.from; row++) {
      const q = table.from + row;
      // Its k-th neighbour on the components is within the threshold: a pair may lie beyond it.
      if (table.k > 0 && table.distances[row * table.k + table.k - 1]! <= threshold) crowded++;
      for (let j = 0; j < table.k; j++) {
        const projected = table.distances[row * table.k + j]!;
        // Sorted nearest first: the rest of the row is farther still.
        if (projected > threshold) break;
        const n = table.ids[row * table.k + j]!;
        if (scope === 'across' && q < trainCount === n < trainCount) continue;
        const [a, b] = q < n ? [q, n] : [n, q];
        const key = a * 0x1_0000_0000 + b;
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push({ a, b, projected });
      }
    }
  }
  candidates.sort((x, y) => x.projected - y.projected || x.a - y.a || x.b - y.b);
  const capped = candidates.length > limit;
  const pairs: DigitPair[] = [];
  for (const { a, b } of candidates.slice(0, limit)) {
    const distance = pixelDistance(dataset, a, b);
    if (distance <= threshold) pairs.push({ a, b, distance });
  }
  pairs.sort((x, y) => x.distance - y.distance || x.a - y.a || x.b - y.b);
  return { pairs, capped, crowded };
}
