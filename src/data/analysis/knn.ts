// Every digit's k nearest neighbours among all digits, by Euclidean distance between their
// coordinates on the leading principal components — exact: every candidate is measured or
// provably farther than the k-th found so far.
//
// 70,000 queries × 70,000 candidates × 50 dimensions is 245 G multiply-adds done plainly. Three
// things make it cheap without giving up exactness:
// - partial distances: the components come by decreasing variance, so the first few of them carry
//   most of a distance; a candidate whose partial sum already exceeds the k-th distance is
//   dropped without reading the rest (the sum only grows);
// - a good k-th distance from the start: queries are taken in an order that keeps near points
//   together (halved again and again at the median of their widest leading coordinate), and each
//   starts from its predecessors' neighbours (near points have near neighbours), so almost every
//   candidate fails the partial test;
// - four queries at a time in WebAssembly SIMD (headScan.ts): each candidate's coordinates read
//   once for four queries, in float32 with a bound on its rounding; the few candidates it lets
//   through are measured again here in float64, in dimension order, so distances are exact and
//   equal distances compare equal.

import { HeadScanner, headScanSupported, SCAN_LANES } from './headScan';

/** Dimensions summed before a candidate is first checked against the k-th distance (plain loops). */
const HEAD = 8;
/** Leading coordinates the query order looks at. */
const ORDER_DIMS = 16;

export interface NeighbourTable {
  /** Neighbours per digit. */
  readonly k: number;
  /** Digits `from` … `to − 1` (global ids) have rows here, in that order. */
  readonly from: number;
  readonly to: number;
  /** Row-major `(to − from) × k` global ids, nearest first (ties to the smaller id). */
  readonly ids: Uint32Array<ArrayBuffer>;
  /** Euclidean distances, beside `ids`. */
  readonly distances: Float64Array<ArrayBuffer>;
}

export interface KnnOptions {
  /** Called now and then with how many of this call's queries are done. */
  readonly progress?: (done: number) => void;
  /** How often `progress` is called, in queries. */
  readonly progressEvery?: number;
  /** Scan candidates with WebAssembly SIMD where it runs (default); false: plain loops only. */
  readonly simd?: boolean;
}

/** Candidates one SIMD scan covers before the k-th distances are looked at again. */
const SCAN_BLOCK = 2048;

/**
 * Digits `from` … `to − 1` in an order that keeps near ones together: the range halved at the
 * median of its widest leading coordinate (ties by id), each half again, down to a few.
 */
export function nearbyOrder(points: Float64Array, dims: number, from: number, to: number): Int32Array {
  const order = Int32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  const width = Math.min(ORDER_DIMS, dims);
  const ranges: [number, number][] = [[0, order.length]];
  for (let r = 0; r < ranges.length; r++) {
    const [s, e] = ranges[r]!;
    if (e - s <= SCAN_LANES) continue;
    let widest = 0;
    let widestSpread = -1;
    for (let d = 0; d < width; d++) {
      let min = Infinity;
      let max = -Infinity;
      for (let t = s; t < e; t++) {
        const v = points[order[t]! * dims + d]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > widestSpread) [widest, widestSpread] = [d, max - min];
    }
    order.subarray(s, e).sort((a, b) => points[a * dims + widest]! - points[b * dims + widest]! || a - b);
    const mid = s + ((e - s) >> 1);
    ranges.push([s, mid], [mid, e]);
  }
  // Breadth first made the ranges; the order within each is already depth-first (each half sorted inside its parent's).
  return order;
}

/**
 * The `k` nearest neighbours of digits `from` … `to − 1` among all `points.length / dims` points
 * (image-major, `dims` coordinates each), the digit itself left out.
 */
export function nearestNeighbourTable(points: Float64Array, dims: number, k: number, from: number, to: number, options: KnnOptions = {}): NeighbourTable {
  const count = points.length / dims;
  k = Math.min(k, Math.max(0, count - 1));
  const rows = to - from;
  const ids = new Uint32Array(rows * k);
  const distances = new Float64Array(rows * k);
  if (k === 0 || rows <= 0) return { k, from, to, ids, distances };
  const head = Math.min(HEAD, dims);
  const tail = dims - head;

  // The head of every point apart and contiguous (the plain loop reads it for every candidate), the rest beside.
  const heads = new Float64Array(count * head);
  const tails = new Float64Array(count * tail);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < head; d++) heads[i * head + d] = points[i * dims + d]!;
    for (let d = head; d < dims; d++) tails[i * tail + d - head] = points[i * dims + d]!;
  }

  const order = nearbyOrder(points, dims, from, to);
  const scanner = options.simd !== false && headScanSupported() && count < 2 ** 27 ? new HeadScanner(points, dims, SCAN_BLOCK) : null;
  const lanes = scanner ? SCAN_LANES : 1;

  // Each lane's query and its k best so far, sorted by (squared distance, id).
  const laneQuery = new Int32Array(lanes);
  const bestIds = new Int32Array(lanes * k);
  const bestSquares = new Float64Array(lanes * k);
  const worst = new Float64Array(lanes);
  const worstId = new Int32Array(lanes);
  const stamps = Array.from({ length: lanes }, () => new Int32Array(count).fill(-1));
  const progressEvery = options.progressEvery ?? 1000;
  /** The group before: it and its neighbours seed the next group. */
  const recent: number[] = [];

  const offer = (lane: number, c: number, s: number) => {
    // Insert, dropping the last.
    const base = lane * k;
    let p = k - 1;
    if (s > bestSquares[base + p]! || (s === bestSquares[base + p]! && c > bestIds[base + p]! && bestIds[base + p]! !== -1)) return;
    while (p > 0 && (bestSquares[base + p - 1]! > s || (bestSquares[base + p - 1]! === s && bestIds[base + p - 1]! > c))) {
      bestSquares[base + p] = bestSquares[base + p - 1]!;
      bestIds[base + p] = bestIds[base + p - 1]!;
      p--;
    }
    bestSquares[base + p] = s;
    bestIds[base + p] = c;
    worst[lane] = bestSquares[base + k - 1]!;
    worstId[lane] = bestIds[base + k - 1]!;
  };

  /** Measures candidate `c` for lane `lane` in float64, in dimension order, and offers it unless past the k-th. */
  const measure = (lane: number, c: number) => {
    const q = laneQuery[lane]!;
    if (c === q || stamps[lane]![c] === q) return;
    const limit = worst[lane]!;
    let s = 0;
    for (let d = 0, a = q * head, b = c * head; d < head; d++, a++, b++) {
      const x = heads[a]! - heads[b]!;
      s += x * x;
    }
    if (s > limit) return;
    for (let d = 0, a = q * tail, b = c * tail; d < tail; d++, a++, b++) {
      const x = tails[a]! - tails[b]!;
      s += x * x;
      // Checked every 8 dimensions: often enough to stop early, rarely enough to cost little.
      if ((d & 7) === 7 && s > limit) return;
    }
    if (s < limit || (s === limit && c < worstId[lane]!)) offer(lane, c, s);
  };

  /** The plain loop: every candidate's head for one query, the tail only where the head leaves a chance. */
  const scanPlain = (q: number) => {
    if (head === HEAD) {
      // The hot loop, unrolled: the query's head in locals, one candidate's head per step.
      const qh = q * HEAD;
      const [q0, q1, q2, q3, q4, q5, q6, q7] = [heads[qh]!, heads[qh + 1]!, heads[qh + 2]!, heads[qh + 3]!, heads[qh + 4]!, heads[qh + 5]!, heads[qh + 6]!, heads[qh + 7]!];
      let limit = worst[0]!;
      for (let c = 0, ch = 0; c < count; c++, ch += HEAD) {
        const x0 = q0 - heads[ch]!;
        const x1 = q1 - heads[ch + 1]!;
        const x2 = q2 - heads[ch + 2]!;
        const x3 = q3 - heads[ch + 3]!;
        const x4 = q4 - heads[ch + 4]!;
        const x5 = q5 - heads[ch + 5]!;
        const x6 = q6 - heads[ch + 6]!;
        const x7 = q7 - heads[ch + 7]!;
        // Summed in dimension order, as measure does, so equal distances stay equal.
        const s = x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + x5 * x5 + x6 * x6 + x7 * x7;
        if (s > limit) continue;
        measure(0, c);
        limit = worst[0]!;
      }
    } else {
      for (let c = 0; c < count; c++) measure(0, c);
    }
  };

  /** The SIMD scan for the group's lanes, block by block, the limits tightened between blocks. */
  const scanSimd = (scanner: HeadScanner, group: number) => {
    for (let start = 0; start < count; start += SCAN_BLOCK) {
      for (let lane = 0; lane < group; lane++) scanner.setLimit(lane, worst[lane]!);
      const found = scanner.scan(start, start + SCAN_BLOCK);
      for (let i = 0; i < found; i++) {
        const entry = scanner.found[i]!;
        const c = entry >>> 4;
        for (let lane = 0; lane < group; lane++) if (entry & (1 << lane)) measure(lane, c);
      }
    }
  };

  for (let done = 0; done < rows; ) {
    const group = Math.min(lanes, rows - done);
    const queries = Array.from(order.subarray(done, done + group));
    bestSquares.fill(Infinity);
    bestIds.fill(-1);
    worst.fill(Infinity);
    worstId.fill(-1);
    queries.forEach((q, lane) => {
      laneQuery[lane] = q;
      // Seed with the group before and its neighbours: a small k-th distance from the start.
      for (const p of recent) {
        for (const c of [p, ...ids.subarray((p - from) * k, (p - from + 1) * k)]) {
          if (c === q || stamps[lane]![c] === q) continue;
          measure(lane, c);
          stamps[lane]![c] = q;
        }
      }
    });
    if (scanner) {
      scanner.setQueries(points, dims, queries);
      scanSimd(scanner, group);
    } else {
      scanPlain(queries[0]!);
    }
    queries.forEach((q, lane) => {
      const row = (q - from) * k;
      for (let j = 0; j < k; j++) {
        ids[row + j] = bestIds[lane * k + j]!;
        distances[row + j] = Math.sqrt(bestSquares[lane * k + j]!);
      }
    });
    recent.length = 0;
    recent.push(...queries);
    const before = done;
    done += group;
    if (options.progress && Math.floor(done / progressEvery) > Math.floor(before / progressEvery)) options.progress(done);
  }
  options.progress?.(rows);
  return { k, from, to, ids, distances };
}

/** One table from consecutive parts (a worker's share of a split, or each split's table), in order. */
export function joinTables(parts: readonly NeighbourTable[]): NeighbourTable {
  const { k, from } = parts[0]!;
  const to = parts[parts.length - 1]!.to;
  const ids = new Uint32Array((to - from) * k);
  const distances = new Float64Array((to - from) * k);
  for (const t of parts) {
    ids.set(t.ids, (t.from - from) * k);
    distances.set(t.distances, (t.from - from) * k);
  }
  return { k, from, to, ids, distances };
}
