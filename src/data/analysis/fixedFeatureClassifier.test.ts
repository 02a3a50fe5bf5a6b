// The fixed-feature classifier: its filters, its features against a plain convolution written
// here, the head learning planted classes and real MNIST digits, and a seed giving the same weights.
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED_MNIST, SHARED_MNIST_DIR } from '../../testing/numpy';
import { datasetFromDir } from '../../testing/mnistDir';
import { convolutionFeatures, featureCount, FILTERS, headProbabilities, POOL_GRID, randomFilters, trainHead } from './fixedFeatureClassifier';

const accuracy = (p: Float64Array, labels: ArrayLike<number>, classes: number) => {
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (p[i * classes + c]! > p[i * classes + best]!) best = c;
    if (best === labels[i]) right++;
  }
  return right / labels.length;
};

describe('the fixed-feature classifier', () => {
  it('draws zero-mean filters of unit norm, the same for a seed', () => {
    const f = randomFilters(42);
    for (let k = 0; k < FILTERS; k++) {
      const taps = Array.from({ length: 25 }, (_, i) => f[i * FILTERS + k]!);
      expect(Math.abs(taps.reduce((a, b) => a + b, 0))).toBeLessThan(1e-5);
      expect(Math.hypot(...taps)).toBeCloseTo(1, 5);
    }
    expect(randomFilters(42)).toEqual(f);
    expect(randomFilters(43)).not.toEqual(f);
  });

  it('computes the features a plain convolution, ReLU and 6 × 6 mean compute', () => {
    let state = 5;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const count = 70; // more than one product's worth of images
    const images = Uint8Array.from({ length: count * 784 }, () => (random() < 0.3 ? Math.floor(random() * 256) : 0));
    const filters = randomFilters(1);
    const got = convolutionFeatures(images, count, 28, 28, filters);
    for (const i of [0, 33, 63, 64, 69]) {
      for (let gy = 0; gy < POOL_GRID; gy++) {
        for (let gx = 0; gx < POOL_GRID; gx++) {
          for (let k = 0; k < FILTERS; k++) {
            let sum = 0;
            for (let y = gy * 6; y < gy * 6 + 6; y++) {
              for (let x = gx * 6; x < gx * 6 + 6; x++) {
                let z = 0;
                for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) z += (images[i * 784 + (y + a) * 28 + x + b]! / 255) * filters[(a * 5 + b) * FILTERS + k]!;
                sum += Math.max(0, z);
              }
            }
            expect(Math.abs(got[i * featureCount + (gy * POOL_GRID + gx) * FILTERS + k]! - sum / 36)).toBeLessThan(1e-5);
          }
        }
      }
    }
  });

  it('learns planted classes, and a seed gives the same weights', () => {
    let state = 11;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const count = 1200;
    const classes = 3;
    const labels = Uint8Array.from({ length: count }, (_, i) => i % classes);
    // Each class a blob around its own corner of the feature space, noise of the same size.
    const features = Float32Array.from({ length: count * featureCount }, (_, p) => (Math.floor(p / featureCount) % classes === p % classes ? 1 : 0) + (random() - 0.5) * 2);
    const train = Uint32Array.from({ length: 1000 }, (_, i) => i);
    const test = Uint32Array.from({ length: 200 }, (_, i) => 1000 + i);
    const weights = trainHead(features, labels, train, classes, { epochs: 3, seed: 7 });
    expect(accuracy(headProbabilities(weights, features, test), labels.subarray(1000), classes)).toBeGreaterThan(0.95);
    expect(trainHead(features, labels, train, classes, { epochs: 3, seed: 7 })).toEqual(weights);
    expect(trainHead(features, labels, train, classes, { epochs: 3, seed: 8 }).w1).not.toEqual(weights.w1);
    const epochs: number[] = [];
    trainHead(features, labels, train, classes, { epochs: 5, seed: 7, onEpoch: (e) => (epochs.push(e), e < 2) });
    expect(epochs).toEqual([1, 2]);
  });

  it('gives one image alone (the drawing pad’s question) the very features and probabilities it has in a batch', () => {
    let state = 9;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const count = 70;
    const images = Uint8Array.from({ length: count * 784 }, () => (random() < 0.3 ? Math.floor(random() * 256) : 0));
    const filters = randomFilters(1);
    const features = convolutionFeatures(images, count, 28, 28, filters);
    const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
    const weights = trainHead(features, labels, Uint32Array.from({ length: count }, (_, i) => i), 10, { epochs: 1, seed: 3 });
    const all = headProbabilities(weights, features, Uint32Array.from({ length: count }, (_, i) => i));
    for (const i of [0, 5, 64, 69]) {
      const alone = convolutionFeatures(images.subarray(i * 784, (i + 1) * 784), 1, 28, 28, filters);
      expect(alone).toEqual(features.subarray(i * featureCount, (i + 1) * featureCount));
      expect(headProbabilities(weights, alone, Uint32Array.of(0))).toEqual(all.subarray(i * 10, (i + 1) * 10));
    }
  });

  it.skipIf(!HAVE_SHARED_MNIST)('reads real MNIST: trained on 10,000 training digits for 3 epochs, ≥ 96 % of 2,000 test digits right', { timeout: 60_000 }, () => {
    const { train, test } = datasetFromDir(SHARED_MNIST_DIR);
    const images = new Uint8Array(12_000 * 784);
    images.set(train.images.subarray(0, 10_000 * 784));
    images.set(test.images.subarray(0, 2000 * 784), 10_000 * 784);
    const labels = new Uint8Array(12_000);
    labels.set(train.labels.subarray(0, 10_000));
    labels.set(test.labels.subarray(0, 2000), 10_000);
    const features = convolutionFeatures(images, 12_000, 28, 28, randomFilters(42));
    const weights = trainHead(features, labels, Uint32Array.from({ length: 10_000 }, (_, i) => i), 10, { epochs: 3, seed: 42 });
    const p = headProbabilities(weights, features, Uint32Array.from({ length: 2000 }, (_, i) => 10_000 + i));
    expect(accuracy(p, labels.subarray(10_000), 10)).toBeGreaterThanOrEqual(0.96);
    for (let i = 0; i < 2000; i++) expect(Math.abs(p.subarray(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
  });
});
