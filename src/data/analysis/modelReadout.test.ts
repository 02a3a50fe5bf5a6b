// The classifier's readout of a dataset: each split judged on its own probabilities, against
// numpy computing predictions, hardness, mistakenness and cleanlab's issues per split itself.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numpyFile, probabilitiesForNumpy, PYTHON_WITH_NUMPY, runPython } from '../../testing/numpy';
import { hardRanking, labelIssues, mistakenRanking, modelReadout, UNKNOWN } from './modelReadout';
import type { CrossValidation, TrainedModel } from './trainedModel';
import { MODEL_SETTINGS } from './trainedModel';

const classes = 4;

/** Planted probabilities: right about the truth, labels 8 % flipped; float32 as the model gives them. */
function planted(count: number, seed: number) {
  let state = seed;
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  const truth = Uint8Array.from({ length: count }, () => Math.floor(random() * classes));
  const labels = truth.map((t) => (random() < 0.08 ? (t + 1 + Math.floor(random() * (classes - 1))) % classes : t));
  const p = new Float32Array(count * classes);
  for (let i = 0; i < count; i++) {
    const row = Array.from({ length: classes }, (_, j) => (j === truth[i] ? 3 + 4 * random() : random()) ** 2);
    const sum = row.reduce((a, b) => a + b, 0);
    row.forEach((v, j) => (p[i * classes + j] = v / sum));
  }
  return { labels, p };
}

const model = (test: Float32Array<ArrayBuffer>) => ({ classes, settings: MODEL_SETTINGS, testProbabilities: test }) as unknown as TrainedModel;
const folds = (train: Float32Array<ArrayBuffer>) => ({ classes, settings: MODEL_SETTINGS, trainProbabilities: train, ms: 1 }) as CrossValidation;

describe('modelReadout', () => {
  it('knows a split only once its probabilities are there; predictions elsewhere are unknown', () => {
    const train = planted(30, 7);
    const test = planted(10, 9);
    const labels = new Uint8Array([...train.labels, ...test.labels]);
    const first = modelReadout(labels, 30, model(test.p), null)!;
    expect(first.known).toEqual({ train: false, test: true });
    expect(Array.from(first.predicted.subarray(0, 30)).every((p) => p === UNKNOWN)).toBe(true);
    expect(Array.from(first.predicted.subarray(30)).every((p) => p < classes)).toBe(true);
    expect(labelIssues(first, labels).counts.train).toBe(0);
    expect(modelReadout(labels, 30, null, null)).toBeNull();
  });

  it.skipIf(!PYTHON_WITH_NUMPY)('equals numpy: predictions, hardest and most mistaken orders, and issues per split ranked together', { timeout: 60_000 }, () => {
    const train = planted(2000, 11);
    const test = planted(700, 13);
    const labels = new Uint8Array([...train.labels, ...test.labels]);
    const readout = modelReadout(labels, 2000, model(test.p), folds(train.p))!;
    const all = Float64Array.from([...train.p, ...test.p]);
    const { dir, prelude } = probabilitiesForNumpy(all, labels, classes);
    const out = (name: string) => JSON.stringify(join(dir, name));
    runPython(
      PYTHON_WITH_NUMPY!,
      `${prelude}p = p.astype(np.float32).astype(np.float64)
n = len(y); ids = np.arange(n)
pred = p.argmax(axis=1)
with np.errstate(divide="ignore", invalid="ignore"):
    h = -np.where(p > 0, p * np.log(p), 0).sum(axis=1)
hard = np.lexsort((ids, -h))
wrong = pred != y
key = np.where(wrong, -p[ids, pred], p[ids, y])
mistaken = np.lexsort((ids, key, ~wrong))
issue = np.zeros(n, bool)
for a, b in ((0, 2000), (2000, n)):
    q, l = p[a:b], y[a:b]
    t = np.array([q[l == k, k].mean() for k in range(${classes})])
    ok = q >= t - 1e-6
    k = ok.sum(axis=1)
    g = np.where(k > 1, q.argmax(axis=1), ok.argmax(axis=1))
    issue[a:b] = (k > 0) & (g != l)
self_conf = p[ids, y]
suspect = np.lexsort((ids, self_conf, ~issue))
pred.astype(np.uint8).tofile(${out('pred')})
hard.astype(np.uint32).tofile(${out('hard')})
mistaken.astype(np.uint32).tofile(${out('mistaken')})
suspect.astype(np.uint32).tofile(${out('suspect')})
`,
    );
    const read = (name: string) => Array.from(new Uint32Array(numpyFile(dir, name)));
    expect(Array.from(readout.predicted)).toEqual(Array.from(new Uint8Array(numpyFile(dir, 'pred'))));
    // Entropies summed in another order may differ in the last bit: compare where they are apart.
    const hard = Array.from(hardRanking(readout));
    expect(hard.slice(0, 100)).toEqual(read('hard').slice(0, 100));
    expect(Array.from(mistakenRanking(readout, labels))).toEqual(read('mistaken'));
    const issues = labelIssues(readout, labels);
    expect(Array.from(issues.ranking)).toEqual(read('suspect'));
    expect(issues.counts.train + issues.counts.test).toBe(Array.from(issues.issue).filter(Boolean).length);
  });
});
