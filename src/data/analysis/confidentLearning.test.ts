// Confident learning on a hand-made case, and on planted probabilities against numpy computing
// cleanlab's rule itself (thresholds, confident joint, off-diagonal issues and their order).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numpyFile, probabilitiesForNumpy, PYTHON_WITH_NUMPY, runPython } from '../../testing/numpy';
import { confidentLearning } from './confidentLearning';

describe('confidentLearning', () => {
  it('holds each class to its own mean self-confidence and counts the off-diagonal digits as issues', () => {
    // Three classes; thresholds 0.55 (mean of 0.9, 0.7, 0.05), 0.5667 (0.85, 0.85, 0) and 0.5
    // (0.6, 0.4): class 2 is one the model is shy of, and is held to 0.5, not to the others' 0.55.
    const p = Float64Array.of(
      0.9, 0.05, 0.05, // 0: labelled 0, confident of 0
      0.7, 0.2, 0.1, //   1: labelled 0, confident of 0
      0.1, 0.85, 0.05, // 2: labelled 1, confident of 1
      0.05, 0.85, 0.1, // 3: labelled 1, confident of 1
      0.1, 0.3, 0.6, //   4: labelled 2, 0.6 ≥ 0.5: confident of 2
      0.6, 0.0, 0.4, //   5: labelled 2, 0.4 < 0.5, 0.6 ≥ 0.55: confident of 0, an issue
      0.05, 0.9, 0.05, // 6: labelled 0, confident of 1: an issue
      0.82, 0.0, 0.18, // 7: labelled 1, confident of 0: an issue
    );
    const labels = Uint8Array.of(0, 0, 1, 1, 2, 2, 0, 1);
    const cl = confidentLearning(p, labels, 3);
    expect(Array.from(cl.thresholds).map((t) => +t.toFixed(4))).toEqual([0.55, 0.5667, 0.5]);
    expect(Array.from(cl.confidentClass)).toEqual([0, 0, 1, 1, 2, 0, 1, 0]);
    expect(Array.from(cl.confidentJoint)).toEqual([2, 1, 0, 1, 2, 0, 1, 0, 1]);
    // By self-confidence: 7 (0), 6 (0.05), 5 (0.4). By normalised margin: 6 (0.075), 7 (0.09), 5 (0.4).
    expect(Array.from(cl.issues)).toEqual([7, 6, 5]);
    expect(Array.from(confidentLearning(p, labels, 3, 'normalised-margin').issues)).toEqual([6, 7, 5]);
  });

  it('with two or more confident classes takes the most probable, as cleanlab does; a class nobody carries is never confident', () => {
    const p = Float64Array.of(0.5, 0.5, 0, 0.4, 0.6, 0, 0.2, 0.3, 0.5);
    const cl = confidentLearning(p, Uint8Array.of(0, 1, 0), 3);
    // Thresholds 0.35 (0.5, 0.2), 0.6, NaN. Digit 0: 0.5 ≥ 0.35 only → 0; digit 1: 0.6 ≥ 0.6 and
    // 0.4 ≥ 0.35 → the most probable, 1; digit 2: 0.2 < 0.35, 0.3 < 0.6, class 2 has no threshold.
    expect(Array.from(cl.confidentClass)).toEqual([0, 1, -1]);
    expect(cl.issues).toHaveLength(0);
  });

  it('refuses probabilities that do not fit the labels', () => {
    expect(() => confidentLearning(new Float64Array(5), new Uint8Array(2), 3)).toThrow('5 probabilities for 2 digits of 3 classes');
    expect(() => confidentLearning(new Float64Array(6), Uint8Array.of(0, 3), 3)).toThrow('digit 1 is labelled 3, past the 3 classes');
  });

  it.skipIf(!PYTHON_WITH_NUMPY)('equals numpy computing cleanlab’s rule on 3,000 planted digits with planted label errors', { timeout: 60_000 }, () => {
    // Probabilities of a model that is right, then 6 % of labels flipped: the flipped digits are
    // what confident learning should find first.
    const count = 3000;
    const classes = 10;
    let state = 12345;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const truth = Uint8Array.from({ length: count }, () => Math.floor(random() * classes));
    const labels = truth.map((t) => (random() < 0.06 ? (t + 1 + Math.floor(random() * (classes - 1))) % classes : t));
    const p = new Float64Array(count * classes);
    for (let i = 0; i < count; i++) {
      let sum = 0;
      for (let j = 0; j < classes; j++) sum += p[i * classes + j] = (j === truth[i] ? 6 + 4 * random() : random()) ** 2;
      for (let j = 0; j < classes; j++) p[i * classes + j]! /= sum;
    }
    const { dir, prelude } = probabilitiesForNumpy(p, labels, classes);
    runPython(
      PYTHON_WITH_NUMPY!,
      `${prelude}t = np.array([p[y == k, k].mean() for k in range(${classes})])
ok = p >= t - 1e-6
n_ok = ok.sum(axis=1)
guess = np.where(n_ok > 1, p.argmax(axis=1), ok.argmax(axis=1))
C = np.zeros((${classes}, ${classes}), dtype=np.int64)
np.add.at(C, (y[n_ok > 0], guess[n_ok > 0]), 1)
issues = np.flatnonzero((n_ok > 0) & (guess != y))
self_conf = p[np.arange(len(y)), y]
other = np.where(np.arange(${classes})[None, :] == y[:, None], -np.inf, p).max(axis=1)
margin = (self_conf - other + 1) / 2
by_self = issues[np.lexsort((issues, self_conf[issues]))]
by_margin = issues[np.lexsort((issues, margin[issues]))]
t.tofile(${JSON.stringify(join(dir, 'thresholds'))})
C.astype(np.uint32).tofile(${JSON.stringify(join(dir, 'joint'))})
by_self.astype(np.uint32).tofile(${JSON.stringify(join(dir, 'by_self'))})
by_margin.astype(np.uint32).tofile(${JSON.stringify(join(dir, 'by_margin'))})
`,
    );
    const read = <T,>(name: string, make: (b: ArrayBuffer) => T) => make(numpyFile(dir, name));
    const cl = confidentLearning(p, labels, classes);
    // numpy's mean sums pairwise, this one in order: the last bit may differ.
    read('thresholds', (b) => new Float64Array(b)).forEach((t, j) => expect(Math.abs(cl.thresholds[j]! - t)).toBeLessThan(1e-15));
    expect(Array.from(cl.confidentJoint)).toEqual(Array.from(read('joint', (b) => new Uint32Array(b))));
    expect(Array.from(cl.issues)).toEqual(Array.from(read('by_self', (b) => new Uint32Array(b))));
    expect(Array.from(confidentLearning(p, labels, classes, 'normalised-margin').issues)).toEqual(Array.from(read('by_margin', (b) => new Uint32Array(b))));
    // And it finds what was planted: most issues are flipped labels.
    const flipped = Array.from(cl.issues).filter((i) => labels[i] !== truth[i]).length;
    expect(flipped / cl.issues.length).toBeGreaterThan(0.9);
  });
});
