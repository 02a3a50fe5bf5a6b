// Look-alikes: the digits nearest to one digit among all of them, by the Euclidean distance over
// the 784 pixel values, found exactly (every digit is measured; nothing is approximated).
//
// |x − q|² = |x|² + |q|² − 2 x·q, all integers below 2^53, so exact in float64: two digits at the
// same distance tie exactly, and the tie goes to the smaller global id (train before test). The
// query's zero pixels add nothing to x·q, so only its inked pixels (about one in five) are read
// from each candidate.
import { pixelCount, type Dataset } from '../dataset/dataset';

export interface Neighbour {
  /** Global id: train digits first, then test. */
  readonly id: number;
  readonly distance: number;
}

/** Every digit's squared norm (the sum of its squared pixel values), by global id. */
export function squaredNorms(dataset: Dataset): Float64Array<ArrayBuffer> {
  const PIXELS_PER_IMAGE = pixelCount(dataset);
  const total = dataset.train.count + dataset.test.count;
  const norms = new Float64Array(total);
  let id = 0;
  for (const split of [dataset.train, dataset.test]) {
    const { images, count } = split;
    for (let i = 0; i < count; i++, id++) {
      let sum = 0;
      for (let p = i * PIXELS_PER_IMAGE, end = p + PIXELS_PER_IMAGE; p < end; p++) {
        const v = images[p]!;
        sum += v * v;
      }
      norms[id] = sum;
    }
  }
  return norms;
}

/**
 * The `k` digits nearest to digit `query` (a global id), nearest first, the query itself left
 * out (a digit with the very same pixels stays in, at distance 0). `norms` is `squaredNorms`.
 */
export function nearestNeighbours(dataset: Dataset, norms: Float64Array, query: number, k: number): Neighbour[] {
  const trainCount = dataset.train.count;
  const total = trainCount + dataset.test.count;
  if (!(query >= 0 && query < total) || k <= 0) return [];
  const pixels = pixelCount(dataset);
  const [images, index] = query < trainCount ? [dataset.train.images, query] : [dataset.test.images, query - trainCount];
  return nearestToImage(dataset, norms, images.subarray(index * pixels, (index + 1) * pixels), k, query);
}

/**
 * The `k` digits nearest to `image` (rows × cols bytes of the dataset's shape, from anywhere: the
 * drawing pad's), nearest first; `skip`, a global id, is left out (the query itself), −1 for none.
 */
export function nearestToImage(dataset: Dataset, norms: Float64Array, image: Uint8Array, k: number, skip = -1): Neighbour[] {
  const PIXELS_PER_IMAGE = pixelCount(dataset);
  if (image.length !== PIXELS_PER_IMAGE || k <= 0) return [];
  const inked: number[] = [];
  const values: number[] = [];
  let qNorm = 0;
  for (let p = 0; p < PIXELS_PER_IMAGE; p++) {
    const v = image[p]!;
    if (v !== 0) {
      inked.push(p);
      values.push(v);
      qNorm += v * v;
    }
  }
  const pixels = Int32Array.from(inked);
  const weights = Float64Array.from(values);

  // The best k so far, sorted by (squared distance, id); `worst` is the k-th, the bar to beat.
  const bestIds = new Float64Array(k);
  const bestSquares = new Float64Array(k).fill(Infinity);
  let found = 0;
  let worst = Infinity;
  let id = 0;
  for (const split of [dataset.train, dataset.test]) {
    const { images, count } = split;
    for (let i = 0; i < count; i++, id++) {
      if (id === skip) continue;
      const base = i * PIXELS_PER_IMAGE;
      let dot = 0;
      for (let j = 0; j < pixels.length; j++) dot += weights[j]! * images[base + pixels[j]!]!;
      const square = qNorm + norms[id]! - 2 * dot;
      // Equal squares keep the earlier (smaller) id, which was seen first.
      if (found === k && square >= worst) continue;
      let at = found < k ? found++ : k - 1;
      while (at > 0 && bestSquares[at - 1]! > square) {
        bestSquares[at] = bestSquares[at - 1]!;
        bestIds[at] = bestIds[at - 1]!;
        at--;
      }
      bestSquares[at] = square;
      bestIds[at] = id;
      if (found === k) worst = bestSquares[k - 1]!;
    }
  }
  return Array.from({ length: found }, (_, n) => ({ id: bestIds[n]!, distance: Math.sqrt(bestSquares[n]!) }));
}
