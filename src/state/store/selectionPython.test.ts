// Selection as Python where the classifier decides (predicted=, the hard and mistaken orders,
// confident learning's suspect order): numpy reads the saved probabilities and orders the
// notebook's arrays; the result must be the grid's own order (the selectors, not the snippet).
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { notebookPrelude, PYTHON_WITH_NUMPY, runPython } from '../../testing/numpy';
import { writeGeneratedMnist, datasetFromDir } from '../../testing/mnistDir';
import { pixelsOf } from '../../data/dataset/dataset';
import { ALL_DIGITS } from '../../data/dataset/labelIndex';
import { selectionPython } from '../../data/export/pythonSnippet';
import { modelReadout } from '../../data/analysis/modelReadout';
import { MODEL_SETTINGS, type TrainedModel } from '../../data/analysis/trainedModel';
import { probabilitiesCsv } from '../../data/export/probabilitiesCsv';
import { sortedIdsFor } from './selectors';

const python = PYTHON_WITH_NUMPY ?? 'python3';

describe.skipIf(!PYTHON_WITH_NUMPY)('Selection as Python with the classifier: predicted=, hard, mistaken, suspect by confident learning', () => {
  it.each([
    ['all', ALL_DIGITS, 'hard', []],
    ['all', [1, 3], 'mistaken', []],
    ['test', ALL_DIGITS, 'suspect', []],
    ['all', [2, 3], 'suspect', [0, 3]],
    ['train', ALL_DIGITS, 'file', [1]],
  ] as const)('%s / %j sorted %s, predicted %j: numpy on the saved probabilities orders it as the app', { timeout: 60_000 }, (split, digits, sort, predicted) => {
    const dir = writeGeneratedMnist('mnist-snippet-model-', { train: { count: 300, labels: [0, 1, 2, 3], seed: 21 }, test: { count: 120, labels: [0, 1, 2, 3], seed: 22 } });
    const dataset = datasetFromDir(dir);
    const total = dataset.train.count + dataset.test.count;
    const labels = new Uint8Array(total);
    labels.set(dataset.train.labels);
    labels.set(dataset.test.labels, dataset.train.count);
    // Planted probabilities: mostly sure of the label, 10 % sure of another class, some unsure.
    let state = 99;
    const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const classes = 4;
    const p = new Float32Array(total * classes);
    for (let id = 0; id < total; id++) {
      const favoured = random() < 0.1 ? Math.floor(random() * classes) : labels[id]!;
      const row = Array.from({ length: classes }, (_, j) => (j === favoured ? 1 + 5 * random() : random()) ** 3);
      const sum = row.reduce((a, b) => a + b, 0);
      row.forEach((v, j) => (p[id * classes + j] = v / sum));
    }
    const test = p.slice(dataset.train.count * classes);
    const train = p.slice(0, dataset.train.count * classes);
    const readout = modelReadout(labels, dataset.train.count, { classes, settings: MODEL_SETTINGS, testProbabilities: test } as unknown as TrainedModel, { classes, settings: MODEL_SETTINGS, trainProbabilities: train, ms: 0 })!;
    const file = join(dir, 'mnist-probabilities.csv');
    writeFileSync(file, probabilitiesCsv(dataset, readout.probabilities, readout.predicted, classes));
    const ids = sortedIdsFor(dataset, split, digits, sort, null, null, null, { classes: predicted, readout });
    const snippet = selectionPython(split, digits, sort, null, undefined, { predicted, suspectByModel: true, probabilitiesFile: file, classes });
    const out = runPython(python, `${notebookPrelude(dir)}${snippet}print(" ".join(map(str, (X_sel.astype(np.int64) @ np.arange(1, 785)).tolist())))\n`);
    const fingerprint = (id: number) => Array.from(pixelsOf(dataset, id)).reduce((a, b, q) => a + b * (q + 1), 0);
    expect(ids.length).toBeGreaterThan(10);
    expect(out.trim().split(' ').map(Number)).toEqual(Array.from(ids, fingerprint));
  });
});
