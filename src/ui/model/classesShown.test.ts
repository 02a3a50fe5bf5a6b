import { describe, expect, it } from 'vitest';
import { CATALOG, infoFor, MNIST_INFO } from '../../data/dataset/catalog';
import { classifierMetrics } from '../../data/analysis/classifierMetrics';
import { classesShown } from './classesShown';

/** Probabilities certain of `predicted`, one row per digit. */
const certain = (predicted: readonly number[], classes: number) => Float64Array.from({ length: predicted.length * classes }, (_, i) => (i % classes === predicted[Math.floor(i / classes)] ? 1 : 0));

describe('classesShown', () => {
  it('lists every class of the dataset, counted or not', () => {
    const metrics = classifierMetrics(certain([0, 1], 10), Uint8Array.of(0, 1), 10);
    expect(classesShown(metrics, MNIST_INFO)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves out an output that is no class (EMNIST letters’ 0), unless a digit is counted under it', () => {
    const letters = infoFor(CATALOG['emnist-letters'], 26);
    const none = classifierMetrics(certain([1, 2], 27), Uint8Array.of(1, 2), 27);
    expect(classesShown(none, letters)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    const predictedZero = classifierMetrics(certain([0, 2], 27), Uint8Array.of(1, 2), 27);
    expect(classesShown(predictedZero, letters)[0]).toBe(0);
  });
});
