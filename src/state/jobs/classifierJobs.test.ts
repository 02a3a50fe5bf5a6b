// The classifier's jobs: features shared by two workers in chunks, the first model on the first
// free worker, the folds after it, both kept and read back; what reaches the store equals the
// model trained here directly on the same digits (the same computation, so the same bits).
import { describe, expect, it } from 'vitest';
import { explorerStore } from '../store/explorerStore';
import { bed, keptResults, show, smallImages, state, until, prepareJobsTestBed } from '../../testing/jobsTestBed';
import { askForClassifier, cancelClassifier } from './scheduler';
import { convolutionFeatures, headProbabilities, trainHead } from '../../data/analysis/fixedFeatureClassifier';
import { MODEL_SETTINGS, modelFilters, stratifiedFolds } from '../../data/analysis/trainedModel';
import { labelsByGlobalId, type Dataset } from '../../data/dataset/dataset';

prepareJobsTestBed();

const range = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);

/** The first model and the folds' probabilities, trained here on `dataset` as the jobs should. */
function trainedHere(dataset: Dataset) {
  const total = dataset.train.count + dataset.test.count;
  const images = new Uint8Array(total * dataset.rows * dataset.cols);
  images.set(dataset.train.images);
  images.set(dataset.test.images, dataset.train.images.length);
  const features = convolutionFeatures(images, total, dataset.rows, dataset.cols, modelFilters(MODEL_SETTINGS.seed));
  const labels = labelsByGlobalId(dataset);
  const { epochs, seed, folds } = MODEL_SETTINGS;
  const train = dataset.train.count;
  const model = trainHead(features, labels, range(0, train), 3, { epochs, seed });
  const test = Float32Array.from(headProbabilities(model, features, range(train, total)));
  const foldOf = stratifiedFolds(labels.subarray(0, train), folds, seed);
  const cv = new Float32Array(train * 3);
  for (let f = 0; f < folds; f++) {
    const ids = range(0, train);
    const weights = trainHead(features, labels, ids.filter((id) => foldOf[id] !== f), 3, { epochs, seed: seed + 1 + f });
    const held = ids.filter((id) => foldOf[id] === f);
    const p = Float32Array.from(headProbabilities(weights, features, held));
    held.forEach((id, row) => cv.set(p.subarray(row * 3, row * 3 + 3), id * 3));
  }
  return { test, cv };
}

describe('the classifier', () => {
  it('trains the first model and the folds on two workers when the Model view opens; the results are the direct computation’s', async () => {
    const dataset = smallImages(60, 20, 10);
    show(dataset);
    explorerStore.getState().setView('model');
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'the model and the folds');
    const names = bed.workers.made.map((w) => w.name).filter((n) => n.startsWith('mnist-classifier'));
    expect(names).toEqual(['mnist-classifier-1', 'mnist-classifier-2']);
    // Features once for every digit, then six heads: the first model and five folds.
    const questions = bed.workers.made.flatMap((w) => w.requests.map((r) => r.question));
    expect(questions.filter((q) => q.kind === 'features').map((q) => (q.kind === 'features' ? [q.from, q.to] : null))).toEqual([[0, 80]]);
    const heads = questions.filter((q) => q.kind === 'train-model');
    expect(heads).toHaveLength(1 + MODEL_SETTINGS.folds);
    // The first model (the one asked about the test digits) is never behind the folds: it is among the first two heads asked, one per worker.
    const asked = bed.workers.posted.filter((p) => p.question.kind === 'train-model');
    const firstAt = asked.findIndex((p) => p.question.kind === 'train-model' && p.question.predict[0] === 60);
    expect(firstAt).toBeGreaterThanOrEqual(0);
    expect(firstAt).toBeLessThan(2);
    const model = state('classifier');
    const folds = state('classifier-folds');
    if (model.status !== 'ready' || folds.status !== 'ready') throw new Error('not ready');
    const here = trainedHere(dataset);
    expect(model.value.classes).toBe(3);
    expect(model.value.testProbabilities).toEqual(here.test);
    expect(folds.value.trainProbabilities).toEqual(here.cv);
    await until(() => bed.workers.live().length === 0, 'workers let go');
    // Both kept; the same data shown again reads them back, bit for bit.
    const modelFiles = async () => [...(await keptResults()).keys()].filter((n) => /^(model|folds)-/.test(n)).sort();
    for (let i = 0; i < 400 && (await modelFiles()).length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await modelFiles()).toEqual([expect.stringMatching(/^folds-[0-9a-f]{32}\.bin$/), expect.stringMatching(/^model-[0-9a-f]{32}\.bin$/)]);
    const again = smallImages(60, 20, 10);
    show(again);
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'read back');
    const read = state('classifier');
    const readFolds = state('classifier-folds');
    if (read.status !== 'ready' || readFolds.status !== 'ready') throw new Error('not read');
    expect([read.kept, readFolds.kept]).toEqual([true, true]);
    expect(read.value.testProbabilities).toEqual(here.test);
    expect(readFolds.value.trainProbabilities).toEqual(here.cv);
  });

  it('the first model gets a worker before the folds, even when the folds were asked first', async () => {
    show(smallImages(60, 20, 10));
    bed.workers.holdIf = (r) => r.question.kind === 'features';
    const { askFor } = await import('./scheduler');
    askFor('classifier-folds');
    await until(() => bed.workers.posted.some((p) => p.question.kind === 'features'), 'features asked');
    explorerStore.getState().setView('model');
    await until(() => state('classifier').status === 'computing', 'the first model asked');
    await new Promise((r) => setTimeout(r, 20));
    bed.workers.holdIf = null;
    for (const worker of bed.workers.made) worker.release();
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'both');
    const asked = bed.workers.posted.filter((p) => p.question.kind === 'train-model');
    expect(asked.findIndex((p) => p.question.kind === 'train-model' && p.question.predict[0] === 60)).toBeLessThan(2);
  });

  it('Cancel stops both; they start again only when asked', async () => {
    show(smallImages(60, 20, 10));
    bed.workers.holdIf = (r) => r.question.kind === 'train-model';
    explorerStore.getState().setView('model');
    await until(() => bed.workers.made.some((w) => w.requests.some((r) => r.question.kind === 'train-model')), 'training asked');
    cancelClassifier();
    expect(state('classifier')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(state('classifier-folds')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(bed.workers.live().filter((w) => w.name.startsWith('mnist-classifier'))).toEqual([]);
    explorerStore.getState().setView('draw');
    await new Promise((r) => setTimeout(r, 20));
    expect(state('classifier')).toMatchObject({ code: 'cancelled' });
    bed.workers.holdIf = null;
    askForClassifier();
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'asked again');
  });

  it('sorted by suspicion, waits for the neighbour tables (the stand-in) before it takes the cores', async () => {
    show(smallImages(60, 20, 10));
    bed.workers.holdIf = (r) => r.question.kind === 'neighbour-table';
    explorerStore.getState().setSort('suspect');
    await until(() => bed.workers.made.some((w) => w.requests.some((r) => r.question.kind === 'neighbour-table')), 'tables asked');
    await new Promise((r) => setTimeout(r, 30));
    expect(state('classifier').status).toBe('none');
    bed.workers.holdIf = null;
    for (const worker of bed.workers.made) worker.release();
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'trained after the tables');
    expect(state('suspects-train').status).toBe('ready');
  });

  it('says why images too small for its filters cannot be classified', async () => {
    show(smallImages(60, 20, 6));
    explorerStore.getState().setSort('hard');
    await until(() => state('classifier').status === 'failed', 'refused');
    expect(state('classifier')).toMatchObject({ code: 'too-large', message: expect.stringContaining('6 × 6') });
  });

  it('computes every digit’s features once when no kept copy is read first, and trains the first model first', async () => {
    // Before the files are hashed (a first load) no kept copy is read: the first model's run
    // reaches its features at once, and its first progress report starts the folds.
    show(smallImages(40, 20, 10), null);
    explorerStore.getState().setView('model');
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'both analyses');
    const asked = bed.workers.made.filter((w) => w.name.startsWith('mnist-classifier')).flatMap((w) => w.requests.map((r) => r.question));
    // 60 digits: one chunk of features, asked once (the folds wait for the same features).
    expect(asked.filter((q) => q.kind === 'features').map((q) => q.kind === 'features' && [q.from, q.to])).toEqual([[0, 60]]);
    const trainings = asked.flatMap((q) => (q.kind === 'train-model' ? [q.predict.length] : []));
    // The first model (predicting the 20 test digits) among the first two asked, then five folds of the 40 train digits.
    expect(trainings.slice(0, 2)).toContain(20);
    expect(trainings.reduce((a, b) => a + b, 0)).toBe(20 + 40);
    expect(trainings).toHaveLength(6);
  });

  it('once it covers the splits shown, the grid sorted by suspicion asks for no neighbours’ vote', { timeout: 30_000 }, async () => {
    show(smallImages(40, 20, 10));
    explorerStore.getState().setView('model');
    await until(() => state('classifier').status === 'ready' && state('classifier-folds').status === 'ready', 'both analyses');
    explorerStore.getState().showInGrid({ split: 'all', sort: 'suspect' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([state('suspects-test').status, state('suspects-train').status]).toEqual(['none', 'none']);
    expect(bed.workers.made.filter((w) => w.name.startsWith('mnist-suspects'))).toEqual([]);
  });
});
