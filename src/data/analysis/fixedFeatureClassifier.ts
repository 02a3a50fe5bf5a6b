// The classifier the Model view will train (issue 23; docs/benchmark.md has the measurements that
// chose it): a convolutional network whose first layer is fixed — seeded random 5 × 5 filters,
// ReLU, average-pooled on a 4 × 4 grid — and whose dense head (features → 256, ReLU → classes) is
// trained with Adam. Only the head learns, so the features are computed once for every digit and
// cross-validation folds cost only head fits. Every product runs on gemm.ts; everything is seeded
// and summed in a fixed order, so a seed gives the same weights on one engine.
import { GemmMemory, GEMM_COLUMNS, GEMM_ROWS } from './gemm';

export const FILTERS = 32;
const SIDE = 5;
const TAPS = SIDE * SIDE;
export const POOL_GRID = 4;
export const HIDDEN = 256;

/** A seeded generator of uniform numbers in (0, 1) (Park–Miller), and normals from it. */
function generator(seed: number) {
  let state = (Math.abs(Math.floor(seed)) % 2_147_483_646) + 1;
  const uniform = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** `FILTERS` filters of 5 × 5, each zero-mean and of unit norm, tap-major (25 × FILTERS). */
export function randomFilters(seed: number): Float32Array {
  const { normal } = generator(seed);
  const out = new Float32Array(TAPS * FILTERS);
  for (let f = 0; f < FILTERS; f++) {
    const taps = Array.from({ length: TAPS }, normal);
    const mean = taps.reduce((a, b) => a + b, 0) / TAPS;
    const norm = Math.hypot(...taps.map((t) => t - mean));
    taps.forEach((t, i) => (out[i * FILTERS + f] = (t - mean) / norm));
  }
  return out;
}

export const featureCount = FILTERS * POOL_GRID * POOL_GRID;
/** Images whose windows go into one matrix product (a few megabytes of patches). */
const IMAGES_PER_PRODUCT = 64;

/**
 * Every image's features: each filter over every 5 × 5 window (pixels / 255), ReLU, then the
 * mean over each cell of a 4 × 4 grid of the windows (cells of ⌊(side − 4) / 4⌋ windows a side;
 * windows past the last whole cell are left out). `count × featureCount`, cell-major then filter.
 */
export function convolutionFeatures(images: Uint8Array, count: number, rows: number, cols: number, filters: Float32Array): Float32Array {
  const [outRows, outCols] = [rows - SIDE + 1, cols - SIDE + 1];
  const [cellRows, cellCols] = [Math.floor(outRows / POOL_GRID), Math.floor(outCols / POOL_GRID)];
  if (cellRows < 1 || cellCols < 1) throw new RangeError(`images of ${rows} × ${cols} are too small for a 4 × 4 grid of 5 × 5 windows`);
  const windows = outRows * outCols;
  // No larger than the images asked for: the drawing pad asks for one, and zeroing a product's
  // worth of patches it does not use cost more than the rest of its prediction.
  const batch = Math.min(IMAGES_PER_PRODUCT, Math.max(1, count));
  const patchRows = Math.ceil((batch * windows) / GEMM_ROWS) * GEMM_ROWS;
  const memory = new GemmMemory((patchRows * (TAPS + FILTERS) + TAPS * FILTERS) * 4 + 256);
  const taps = memory.allocate(TAPS, FILTERS);
  taps.set(filters);
  const patches = memory.allocate(patchRows, TAPS);
  const responses = memory.allocate(patchRows, FILTERS);
  const out = new Float32Array(count * featureCount);
  const share = 1 / (cellRows * cellCols);
  const pixels = rows * cols;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    patches.fill(0);
    for (let i = 0; i < n; i++) {
      const image = (start + i) * pixels;
      for (let y = 0; y < outRows; y++) {
        for (let x = 0; x < outCols; x++) {
          const row = (i * windows + y * outCols + x) * TAPS;
          for (let a = 0; a < SIDE; a++) for (let b = 0; b < SIDE; b++) patches[row + a * SIDE + b] = images[image + (y + a) * cols + x + b]! / 255;
        }
      }
    }
    responses.fill(0);
    // Rows of whole images, a multiple of 4 (padding images are zeros, their features unused).
    memory.multiplyAdd(patches, taps, responses, Math.ceil((n * windows) / GEMM_ROWS) * GEMM_ROWS, FILTERS, TAPS);
    for (let i = 0; i < n; i++) {
      const base = (start + i) * featureCount;
      for (let y = 0; y < cellRows * POOL_GRID; y++) {
        for (let x = 0; x < cellCols * POOL_GRID; x++) {
          const cell = (Math.floor(y / cellRows) * POOL_GRID + Math.floor(x / cellCols)) * FILTERS;
          const at = (i * windows + y * outCols + x) * FILTERS;
          for (let f = 0; f < FILTERS; f++) {
            const v = responses[at + f]!;
            if (v > 0) out[base + cell + f]! += v * share;
          }
        }
      }
    }
  }
  return out;
}

/** The trained head, with the standardisation of its inputs (the training digits' mean and spread). */
export interface HeadWeights {
  readonly classes: number;
  readonly mean: Float32Array;
  readonly scale: Float32Array;
  /** featureCount × HIDDEN, HIDDEN; HIDDEN × classes, classes. */
  readonly w1: Float32Array;
  readonly b1: Float32Array;
  readonly w2: Float32Array;
  readonly b2: Float32Array;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly seed: number;
  readonly batch?: number;
  /** After each epoch; return false to stop. */
  readonly onEpoch?: (epoch: number) => boolean | void;
}

/** Adam's step size and the digits per step, as the Model view states them. */
export const LEARNING_RATE = 1e-3;
export const BATCH_SIZE = 128;
const [BETA1, BETA2, EPSILON] = [0.9, 0.999, 1e-7];

/** The logits padded to whole blocks of the product's columns. */
const padded = (classes: number) => Math.ceil(classes / GEMM_COLUMNS) * GEMM_COLUMNS;

/** A head's matrices in one memory, for a batch of `batch` rows. */
function headMemory(batch: number, classes: number) {
  const C = padded(classes);
  const D = featureCount;
  const memory = new GemmMemory((batch * D * 2 + D * HIDDEN * 2 + batch * HIDDEN * 4 + HIDDEN * C * 3 + batch * C * 2) * 4 + 1024);
  return {
    memory,
    C,
    x: memory.allocate(batch, D),
    xT: memory.allocate(D, batch),
    w1: memory.allocate(D, HIDDEN),
    gw1: memory.allocate(D, HIDDEN),
    h: memory.allocate(batch, HIDDEN),
    hT: memory.allocate(HIDDEN, batch),
    dh: memory.allocate(batch, HIDDEN),
    w2: memory.allocate(HIDDEN, C),
    w2T: memory.allocate(C, HIDDEN),
    gw2: memory.allocate(HIDDEN, C),
    z: memory.allocate(batch, C),
    dz: memory.allocate(batch, C),
  };
}

type Head = ReturnType<typeof headMemory>;

/** Rows `ids` of `features`, standardised, into `head.x` (rows past `ids.length` zero). */
function loadBatch(head: Head, features: Float32Array, ids: ArrayLike<number>, mean: Float32Array, scale: Float32Array): void {
  const D = featureCount;
  head.x.fill(0);
  for (let r = 0; r < ids.length; r++) {
    const at = ids[r]! * D;
    for (let d = 0; d < D; d++) head.x[r * D + d] = (features[at + d]! - mean[d]!) / scale[d]!;
  }
}

/** Hidden activations and logits (bias included) of the batch in `head.x`. */
function forward(head: Head, rows: number, batch: number, b1: Float32Array, b2: Float32Array): void {
  const { memory, C } = head;
  head.h.fill(0);
  memory.multiplyAdd(head.x, head.w1, head.h, batch, HIDDEN, featureCount);
  for (let r = 0; r < batch; r++) {
    for (let j = 0; j < HIDDEN; j++) {
      const v = head.h[r * HIDDEN + j]! + b1[j]!;
      head.h[r * HIDDEN + j] = r < rows && v > 0 ? v : 0;
    }
  }
  head.z.fill(0);
  memory.multiplyAdd(head.h, head.w2, head.z, batch, C, HIDDEN);
  for (let r = 0; r < rows; r++) for (let c = 0; c < b2.length; c++) head.z[r * C + c]! += b2[c]!;
}

/** Trains the head on the digits `train` (indices into `features` and `labels`). */
export function trainHead(features: Float32Array, labels: Uint8Array, train: Uint32Array, classes: number, options: TrainOptions): HeadWeights {
  const D = featureCount;
  const batch = options.batch ?? BATCH_SIZE;
  const { uniform, normal } = generator(options.seed);
  const mean = new Float32Array(D);
  const scale = new Float32Array(D);
  const sums = new Float64Array(D);
  const squares = new Float64Array(D);
  for (const id of train) for (let d = 0; d < D; d++) sums[d]! += features[id * D + d]!;
  for (let d = 0; d < D; d++) mean[d] = sums[d]! / Math.max(1, train.length);
  for (const id of train) for (let d = 0; d < D; d++) squares[d]! += (features[id * D + d]! - mean[d]!) ** 2;
  for (let d = 0; d < D; d++) scale[d] = Math.sqrt(squares[d]! / Math.max(1, train.length)) + 1e-3;

  const head = headMemory(batch, classes);
  const { memory, C } = head;
  for (let i = 0; i < head.w1.length; i++) head.w1[i] = normal() * Math.sqrt(2 / D);
  for (let j = 0; j < HIDDEN; j++) for (let c = 0; c < classes; c++) head.w2[j * C + c] = normal() * Math.sqrt(1 / HIDDEN);
  const b1 = new Float32Array(HIDDEN);
  const b2 = new Float32Array(classes);
  const gb1 = new Float32Array(HIDDEN);
  const gb2 = new Float32Array(classes);
  const params = [head.w1, b1, head.w2, b2];
  const grads = [head.gw1, gb1, head.gw2, gb2];
  const moments = params.map((p) => ({ m: new Float32Array(p.length), v: new Float32Array(p.length) }));
  const order = Uint32Array.from(train);
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < order.length; start += batch) {
      const ids = order.subarray(start, Math.min(order.length, start + batch));
      const rows = ids.length;
      loadBatch(head, features, ids, mean, scale);
      forward(head, rows, batch, b1, b2);
      // Softmax cross-entropy's gradient, averaged over the batch.
      head.dz.fill(0);
      for (let r = 0; r < rows; r++) {
        let top = -Infinity;
        for (let c = 0; c < classes; c++) top = Math.max(top, head.z[r * C + c]!);
        let sum = 0;
        for (let c = 0; c < classes; c++) sum += head.dz[r * C + c] = Math.exp(head.z[r * C + c]! - top);
        for (let c = 0; c < classes; c++) head.dz[r * C + c] = (head.dz[r * C + c]! / sum - (c === labels[ids[r]!] ? 1 : 0)) / rows;
      }
      for (let r = 0; r < batch; r++) for (let j = 0; j < HIDDEN; j++) head.hT[j * batch + r] = head.h[r * HIDDEN + j]!;
      head.gw2.fill(0);
      memory.multiplyAdd(head.hT, head.dz, head.gw2, HIDDEN, C, batch);
      for (let j = 0; j < HIDDEN; j++) for (let c = 0; c < C; c++) head.w2T[c * HIDDEN + j] = head.w2[j * C + c]!;
      head.dh.fill(0);
      memory.multiplyAdd(head.dz, head.w2T, head.dh, batch, HIDDEN, C);
      for (let i = 0; i < batch * HIDDEN; i++) if (head.h[i]! <= 0) head.dh[i] = 0;
      for (let r = 0; r < batch; r++) for (let d = 0; d < D; d++) head.xT[d * batch + r] = head.x[r * D + d]!;
      head.gw1.fill(0);
      memory.multiplyAdd(head.xT, head.dh, head.gw1, D, HIDDEN, batch);
      gb1.fill(0);
      gb2.fill(0);
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < HIDDEN; j++) gb1[j]! += head.dh[r * HIDDEN + j]!;
        for (let c = 0; c < classes; c++) gb2[c]! += head.dz[r * C + c]!;
      }
      step++;
      const [c1, c2] = [1 - BETA1 ** step, 1 - BETA2 ** step];
      params.forEach((p, k) => {
        const g = grads[k]!;
        const { m, v } = moments[k]!;
        for (let i = 0; i < p.length; i++) {
          m[i] = BETA1 * m[i]! + (1 - BETA1) * g[i]!;
          v[i] = BETA2 * v[i]! + (1 - BETA2) * g[i]! * g[i]!;
          p[i]! -= (LEARNING_RATE * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + EPSILON);
        }
      });
    }
    if (options.onEpoch?.(epoch) === false) break;
  }
  const w2 = new Float32Array(HIDDEN * classes);
  for (let j = 0; j < HIDDEN; j++) for (let c = 0; c < classes; c++) w2[j * classes + c] = head.w2[j * C + c]!;
  return { classes, mean, scale, w1: Float32Array.from(head.w1), b1, w2, b2 };
}

/** The head's probabilities (softmax) for the digits `ids`, `ids.length × classes`. */
export function headProbabilities(weights: HeadWeights, features: Float32Array, ids: Uint32Array): Float64Array {
  const { classes } = weights;
  // Whole blocks of the product's rows, but no more than asked for (the drawing pad asks for one).
  const batch = Math.min(128, Math.max(GEMM_ROWS, Math.ceil(ids.length / GEMM_ROWS) * GEMM_ROWS));
  const head = headMemory(batch, classes);
  const C = head.C;
  head.w1.set(weights.w1);
  for (let j = 0; j < HIDDEN; j++) for (let c = 0; c < classes; c++) head.w2[j * C + c] = weights.w2[j * classes + c]!;
  const out = new Float64Array(ids.length * classes);
  for (let start = 0; start < ids.length; start += batch) {
    const part = ids.subarray(start, Math.min(ids.length, start + batch));
    loadBatch(head, features, part, weights.mean, weights.scale);
    forward(head, part.length, batch, weights.b1, weights.b2);
    for (let r = 0; r < part.length; r++) {
      let top = -Infinity;
      for (let c = 0; c < classes; c++) top = Math.max(top, head.z[r * C + c]!);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += out[(start + r) * classes + c] = Math.exp(head.z[r * C + c]! - top);
      for (let c = 0; c < classes; c++) out[(start + r) * classes + c]! /= sum;
    }
  }
  return out;
}
