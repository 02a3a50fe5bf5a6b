// A classifier's figures on a hand-made case, and on planted probabilities against numpy
// computing them itself (argmax, confusion matrix, precision, recall, entropy, the mistaken order).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numpyFile, probabilitiesForNumpy, PYTHON_WITH_NUMPY, runPython } from '../../testing/numpy';
import { classifierMetrics, hardness, mistakenOrder } from './classifierMetrics';

describe('classifierMetrics', () => {
  it('predicts the most probable class (ties to the smaller) and counts label × predicted', () => {
    const p = Float64Array.of(0.7, 0.2, 0.1, 0.4, 0.4, 0.2, 0.1, 0.1, 0.8, 0.2, 0.5, 0.3);
    const m = classifierMetrics(p, Uint8Array.of(0, 1, 2, 2), 3);
    expect(Array.from(m.predicted)).toEqual([0, 0, 2, 1]);
    expect(m.correct).toBe(2);
    expect(Array.from(m.confusion)).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 1]);
    // Predicted 0: two digits, one labelled 0; predicted 1: one, labelled 2; predicted 2: one, right.
    expect(Array.from(m.precision)).toEqual([0.5, 0, 1]);
    expect(Array.from(m.recall)).toEqual([1, 0, 0.5]);
    expect(Array.from(classifierMetrics(p, Uint8Array.of(0, 0, 0, 0), 3).recall)).toEqual([0.5, NaN, NaN]);
  });

  it('orders the confidently wrong first, then the right ones least sure first', () => {
    const p = Float64Array.of(0.9, 0.1, 0.4, 0.6, 0.2, 0.8, 0.55, 0.45, 0.3, 0.7);
    const labels = Uint8Array.of(0, 0, 0, 0, 1);
    const { predicted } = classifierMetrics(p, labels, 2);
    // Wrong: 2 (0.8 for 1), 1 (0.6); right: 3 (0.55 for its label), 4 (0.7), 0 (0.9).
    expect(Array.from(mistakenOrder(p, labels, 2, predicted))).toEqual([2, 1, 3, 4, 0]);
    const [sure, lost] = hardness(Float64Array.of(1, 0, 0.5, 0.5), 2);
    expect(sure).toBe(0);
    expect(lost).toBeCloseTo(Math.log(2), 15);
  });

  it.skipIf(!PYTHON_WITH_NUMPY)('equals numpy on 5,000 planted digits', { timeout: 60_000 }, () => {
    const count = 5000;
    const classes = 10;
    let state = 99;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const labels = Uint8Array.from({ length: count }, () => Math.floor(random() * classes));
    const p = new Float64Array(count * classes);
    for (let i = 0; i < count; i++) {
      // Mostly right, sometimes sure of another class, sometimes lost; every 50th has an exact tie.
      const favourite = random() < 0.9 ? labels[i]! : Math.floor(random() * classes);
      let sum = 0;
      for (let j = 0; j < classes; j++) sum += p[i * classes + j] = i % 50 === 0 ? 1 : j === favourite ? 2 + 8 * random() : random();
      for (let j = 0; j < classes; j++) p[i * classes + j]! /= sum;
    }
    const { dir, prelude } = probabilitiesForNumpy(p, labels, classes);
    runPython(
      PYTHON_WITH_NUMPY!,
      `${prelude}pred = p.argmax(axis=1)
C = np.zeros((${classes}, ${classes}), dtype=np.int64)
np.add.at(C, (y, pred), 1)
with np.errstate(invalid="ignore", divide="ignore"):
    precision = np.diag(C) / C.sum(axis=0)
    recall = np.diag(C) / C.sum(axis=1)
    h = -np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0).sum(axis=1)
wrong = pred != y
conf = p[np.arange(len(y)), pred]
own = p[np.arange(len(y)), y]
order = np.lexsort((np.arange(len(y)), np.where(wrong, -conf, own), ~wrong))
pred.astype(np.uint8).tofile(${JSON.stringify(join(dir, 'pred'))})
C.astype(np.uint32).tofile(${JSON.stringify(join(dir, 'C'))})
np.stack([precision, recall]).tofile(${JSON.stringify(join(dir, 'pr'))})
h.tofile(${JSON.stringify(join(dir, 'h'))})
order.astype(np.uint32).tofile(${JSON.stringify(join(dir, 'order'))})
`,
    );
    const bytes = (name: string) => numpyFile(dir, name);
    const m = classifierMetrics(p, labels, classes);
    expect(Array.from(m.predicted)).toEqual(Array.from(new Uint8Array(bytes('pred'))));
    expect(Array.from(m.confusion)).toEqual(Array.from(new Uint32Array(bytes('C'))));
    const pr = new Float64Array(bytes('pr'));
    expect(Array.from(m.precision)).toEqual(Array.from(pr.subarray(0, classes)));
    expect(Array.from(m.recall)).toEqual(Array.from(pr.subarray(classes)));
    // numpy sums the entropy's terms pairwise: the last bit may differ.
    const h = new Float64Array(bytes('h'));
    hardness(p, classes).forEach((v, i) => expect(Math.abs(v - h[i]!)).toBeLessThan(1e-14));
    expect(Array.from(mistakenOrder(p, labels, classes, m.predicted))).toEqual(Array.from(new Uint32Array(bytes('order'))));
  });
});
