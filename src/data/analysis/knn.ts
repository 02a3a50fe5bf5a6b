// Every digit's k nearest neighbours among all digits, by Euclidean distance between their
// coordinates on the leading principal components — exact: every candidate is measured or
// provably farther than the k-th found so far.
//
// 70,000 queries × 70,000 candidates × 50 dimensions is 245 G multiply-adds done plainly. Two
// things make it cheap without giving up exactness:
// - partial distances: the components come by decreasing variance, so the first `HEAD` of them
//   carry most of a distance; a candidate whose partial sum already exceeds the k-th distance is
//   dropped without reading the rest (the sum only grows);
// - a good k-th distance from the start: queries are taken in order along the first component,
//   and each starts from its predecessor's neighbours (near points have near neighbours), so
//   almost every candidate fails the partial test.

import { HeadScanner, headScanSupported, SCAN_WIDTH } from './headScan';

/** Dimensions summed before a candidate is first checked against the k-th distance. */
const HEAD = 8;

/** The first `width` coordinates of every point, contiguous. */
function leading(points: Float64Array, dims: number, width: number): Float64Array {
  const count = points.length / dims;
  const out = new Float64Array(count * width);
  for (let i = 0; i < count; i++) out.set(points.subarray(i * dims, i * dims + width), i * width);
  return out;
}

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
  /** Scan candidates' heads with WebAssembly SIMD where it runs (default); false: plain loops only. */
  readonly simd?: boolean;
}

/** Queries whose neighbours seed the next one (with themselves). */
const SEEDED_FROM = 4;

/** Candidates one SIMD scan covers before the k-th distance is looked at again. */
const SCAN_BLOCK = 2048;
/** The SIMD sum rounds differently from the sequential one: a limit this much above the k-th distance never drops a candidate. */
const SCAN_SLACK = 1e-9;

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

  // The head of every point apart and contiguous (it is read for every candidate), the rest beside.
  const heads = new Float64Array(count * head);
  const tails = new Float64Array(count * (dims - head));
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < head; d++) heads[i * head + d] = points[i * dims + d]!;
    for (let d = head; d < dims; d++) tails[i * (dims - head) + d - head] = points[i * dims + d]!;
  }
  const tail = dims - head;

  // Queries along the first component, so each is near the one before.
  const order = Array.from({ length: rows }, (_, r) => from + r).sort((a, b) => points[a * dims]! - points[b * dims]! || a - b);

  const bestIds = new Int32Array(k);
  const bestSquares = new Float64Array(k);
  const stamp = new Int32Array(count).fill(-1);
  const progressEvery = options.progressEvery ?? 1000;
  const scanner = dims >= SCAN_WIDTH && options.simd !== false && headScanSupported() ? new HeadScanner(leading(points, dims, SCAN_WIDTH), SCAN_BLOCK) : null;
  const recent: number[] = [];

  const squaredDistance = (q: number, c: number): number => {
    let s = 0;
    for (let d = 0, a = q * head, b = c * head; d < head; d++, a++, b++) {
      const x = heads[a]! - heads[b]!;
      s += x * x;
    }
    for (let d = 0, a = q * tail, b = c * tail; d < tail; d++, a++, b++) {
      const x = tails[a]! - tails[b]!;
      s += x * x;
    }
    return s;
  };

  for (let done = 0; done < rows; done++) {
    const q = order[done]!;
    bestSquares.fill(Infinity);
    bestIds.fill(-1);
    let worst = Infinity;
    let worstId = -1;
    const offer = (c: number, s: number) => {
      // Sorted by (distance, id): insert, dropping the last.
      let p = k - 1;
      if (s > bestSquares[p]! || (s === bestSquares[p]! && c > bestIds[p]! && bestIds[p]! !== -1)) return;
      while (p > 0 && (bestSquares[p - 1]! > s || (bestSquares[p - 1]! === s && bestIds[p - 1]! > c))) {
        bestSquares[p] = bestSquares[p - 1]!;
        bestIds[p] = bestIds[p - 1]!;
        p--;
      }
      bestSquares[p] = s;
      bestIds[p] = c;
      worst = bestSquares[k - 1]!;
      worstId = bestIds[k - 1]!;
    };

    // Seed with the previous query and its neighbours: a small k-th distance from the start.
    for (const p of recent) {
      const seeds = [p, ...ids.subarray((p - from) * k, (p - from + 1) * k)];
      for (const c of seeds) {
        if (c === q || stamp[c] === q) continue;
        stamp[c] = q;
        offer(c, squaredDistance(q, c));
      }
    }

    const qt = q * tail;
    const scanTail = (c: number, s: number) => {
      for (let d = 0, ct = c * tail; d < tail; d++) {
        const x = tails[qt + d]! - tails[ct + d]!;
        s += x * x;
        // Checked every 8 dimensions: often enough to stop early, rarely enough to cost little.
        if ((d & 7) === 7 && s > worst) return;
      }
      if (s < worst || (s === worst && c < worstId)) offer(c, s);
    };
    if (scanner) {
      // The kernel drops candidates past the k-th distance over up to 32 coordinates; the few
      // left are measured here in full, in dimension order, so distances are exact and equal
      // ones equal.
      const query = points.subarray(q * dims, q * dims + SCAN_WIDTH);
      for (let start = 0; start < count; start += SCAN_BLOCK) {
        const found = scanner.scan(query, start, start + SCAN_BLOCK, worst * (1 + SCAN_SLACK));
        for (let i = 0; i < found.length; i++) {
          const c = found[i]!;
          if (c === q || stamp[c] === q) continue;
          let s = 0;
          for (let d = 0, a = q * dims, b = c * dims; d < dims; d++, a++, b++) {
            const x = points[a]! - points[b]!;
            s += x * x;
            if ((d & 7) === 7 && s > worst) break;
          }
          if (s < worst || (s === worst && c < worstId)) offer(c, s);
        }
      }
    } else if (head === HEAD) {
      // The hot loop, unrolled: the query's head in locals, one candidate's head per step.
      const qh = q * HEAD;
      const [q0, q1, q2, q3, q4, q5, q6, q7] = [heads[qh]!, heads[qh + 1]!, heads[qh + 2]!, heads[qh + 3]!, heads[qh + 4]!, heads[qh + 5]!, heads[qh + 6]!, heads[qh + 7]!];
      for (let c = 0, ch = 0; c < count; c++, ch += HEAD) {
        const x0 = q0 - heads[ch]!;
        const x1 = q1 - heads[ch + 1]!;
        const x2 = q2 - heads[ch + 2]!;
        const x3 = q3 - heads[ch + 3]!;
        const x4 = q4 - heads[ch + 4]!;
        const x5 = q5 - heads[ch + 5]!;
        const x6 = q6 - heads[ch + 6]!;
        const x7 = q7 - heads[ch + 7]!;
        // Summed in dimension order, as squaredDistance does, so equal distances stay equal.
        const s = x0 * x0 + x1 * x1 + x2 * x2 + x3 * x3 + x4 * x4 + x5 * x5 + x6 * x6 + x7 * x7;
        if (s > worst || c === q || stamp[c] === q) continue;
        scanTail(c, s);
      }
    } else {
      const qh = q * head;
      for (let c = 0, ch = 0; c < count; c++, ch += head) {
        let s = 0;
        for (let d = 0; d < head; d++) {
          const x = heads[qh + d]! - heads[ch + d]!;
          s += x * x;
        }
        if (s > worst || c === q || stamp[c] === q) continue;
        scanTail(c, s);
      }
    }

    const row = (q - from) * k;
    for (let j = 0; j < k; j++) {
      ids[row + j] = bestIds[j]!;
      distances[row + j] = Math.sqrt(bestSquares[j]!);
    }
    recent.unshift(q);
    if (recent.length > SEEDED_FROM) recent.pop();
    if (options.progress && (done + 1) % progressEvery === 0) options.progress(done + 1);
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
