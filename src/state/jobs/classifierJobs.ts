// The classifier of the dataset on screen (the Model view's): every digit's features once, in
// chunks shared between two analysis workers, then the first model — trained on the train split,
// its probabilities of the test split — and the train split's out-of-sample probabilities by
// stratified k-fold cross-validation. The first model and the folds are two analyses (the first
// is what the Model view, the detail view and the drawing pad need, in under a minute; the folds
// take longer), each kept with the decoded copy; their heads go to whichever worker is free, the
// first model first. The features sit in shared memory where the page has it, so the workers read
// them without a copy. The workers go once neither analysis runs.
import { labelsByGlobalId, type Dataset } from '../../data/dataset/dataset';
import { featureCount } from '../../data/analysis/fixedFeatureClassifier';
import { classifierMetrics } from '../../data/analysis/classifierMetrics';
import { MODEL_BACKEND, MODEL_SETTINGS, modelClasses, stratifiedFolds, type CrossValidation, type TrainedModel } from '../../data/analysis/trainedModel';
import { keepCrossValidation, keepTrainedModel, readKeptCrossValidation, readKeptTrainedModel } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { MAX_CLASSIFIER_DIGITS } from '../../data/limits';
import { explorerStore } from '../store/explorerStore';
import { AnalysisFailure, analysisWorker, cancelled, type AnalysisWorker } from './analysisClient';
import type { AnalysisJob } from './runAnalysis';

const WORKERS = 2;
/** Digits per features question: progress every few percent, answers of ~10 MB. */
const FEATURE_CHUNK = 5000;

interface Waiting {
  /** The first model before the folds: it is what the Model view and the drawing pad wait for. */
  readonly first: boolean;
  readonly take: (worker: AnalysisWorker) => void;
}

interface Pool {
  readonly dataset: Dataset;
  readonly workers: AnalysisWorker[];
  readonly free: AnalysisWorker[];
  readonly waiting: Waiting[];
  /** First-model runs under way that have no worker yet: the folds leave them one. */
  reserved: number;
  features: Promise<{ features: Float32Array<ArrayBufferLike>; ms: number }> | null;
  /** Analyses of the pool under way; its workers go when none is. */
  users: number;
}

let pool: Pool | null = null;

function poolFor(dataset: Dataset): Pool {
  if (pool?.dataset !== dataset) {
    pool?.workers.forEach((w) => w.close());
    const workers = Array.from({ length: WORKERS }, (_, i) => analysisWorker(`mnist-classifier-${i + 1}`));
    pool = { dataset, workers, free: [...workers], waiting: [], reserved: 0, features: null, users: 0 };
  }
  return pool;
}

function releaseWorkers(): void {
  pool?.workers.forEach((w) => w.close());
  pool = null;
}

/** Hands free workers to who waits: the first model first; a fold only what the first model does not need. */
function dispatch(current: Pool): void {
  while (current.free.length > 0) {
    const next = current.waiting.find((w) => w.first) ?? (current.free.length > current.reserved ? current.waiting[0] : undefined);
    if (!next) return;
    current.waiting.splice(current.waiting.indexOf(next), 1);
    next.take(current.free.shift()!);
  }
}

/** Runs `task` on a worker of `current` once one is free for it. */
async function onFreeWorker<T>(current: Pool, signal: AbortSignal, first: boolean, task: (worker: AnalysisWorker) => Promise<T>): Promise<T> {
  const worker = await new Promise<AnalysisWorker>((resolve, reject) => {
    const entry: Waiting = {
      first,
      take: (w) => {
        signal.removeEventListener('abort', onAbort);
        resolve(w);
      },
    };
    const onAbort = () => {
      current.waiting.splice(current.waiting.indexOf(entry), 1);
      reject(cancelled());
    };
    if (signal.aborted) return reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    current.waiting.push(entry);
    dispatch(current);
  });
  try {
    return await task(worker);
  } finally {
    current.free.push(worker);
    dispatch(current);
  }
}

/** A buffer both workers can read without a copy when the page is cross-origin isolated; a plain one otherwise. */
function featureBuffer(length: number): Float32Array<ArrayBufferLike> {
  const shared = explorerStore.getState().sharedMemory && typeof SharedArrayBuffer === 'function';
  return shared ? new Float32Array(new SharedArrayBuffer(length * 4)) : new Float32Array(length);
}

/** Every digit's features, computed once per pool; a failed or cancelled try is not kept. */
function featuresOf(current: Pool, signal: AbortSignal, progress: (done: number, total: number, stage: string) => void) {
  const { dataset, workers } = current;
  const compute = async () => {
    const started = performance.now();
    const total = dataset.train.count + dataset.test.count;
    const features = featureBuffer(total * featureCount);
    let next = 0;
    let done = 0;
    progress(0, total, 'features');
    await Promise.all(
      workers.map(async (worker) => {
        while (next < total) {
          const from = next;
          next = Math.min(total, next + FEATURE_CHUNK);
          const { result } = await worker.ask(dataset, { kind: 'features', from, to: next, seed: MODEL_SETTINGS.seed }, { signal });
          if (result.from !== from || result.features.length !== (result.to - from) * featureCount) throw new AnalysisFailure('protocol', `features of ${result.from}–${result.to} came back for ${from}–${next}`);
          features.set(result.features, from * featureCount);
          progress((done += result.to - from), total, 'features');
        }
      }),
    );
    return { features, ms: performance.now() - started };
  };
  // Started a microtask later, once the promise is in place: compute's first progress report
  // reaches the scheduler synchronously, which starts the folds, which ask for the features too —
  // they must find this promise, not start a second computation of them on the same workers.
  current.features ??= Promise.resolve().then(compute).catch((error: unknown) => {
    current.features = null;
    throw error;
  });
  return current.features;
}

const range = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);

/** The classes of a dataset's model, checked: a model needs two classes and digits to learn from. */
function classesOf(dataset: Dataset): number {
  const total = dataset.train.count + dataset.test.count;
  if (total > MAX_CLASSIFIER_DIGITS) {
    throw new AnalysisFailure(
      'too-large',
      `the classifier takes up to ${MAX_CLASSIFIER_DIGITS.toLocaleString('en-US')} digits (their features are 2 KB each, held in memory); this dataset has ${total.toLocaleString('en-US')}`,
    );
  }
  if (dataset.train.count < MODEL_SETTINGS.folds * 2) {
    throw new AnalysisFailure('failed', `a classifier needs at least ${MODEL_SETTINGS.folds * 2} train digits to learn from; this dataset has ${dataset.train.count}`);
  }
  return modelClasses([dataset.train.labels.subarray(0, dataset.train.count), dataset.test.labels.subarray(0, dataset.test.count)]);
}

/** Runs `body` as one of the pool's users: the workers go when the last one ends. */
async function asUser<T>(dataset: Dataset, body: (current: Pool) => Promise<T>): Promise<T> {
  const current = poolFor(dataset);
  current.users++;
  try {
    return await body(current);
  } finally {
    if (--current.users === 0 && pool === current) releaseWorkers();
  }
}

const counts = (dataset: Dataset) => ({ train: dataset.train.count, test: dataset.test.count });

export const classifierJob: AnalysisJob<'classifier'> = {
  name: 'classifier',
  kept: {
    what: 'The kept classifier',
    read: async (key, dataset) => {
      const read = await readKeptTrainedModel(key, counts(dataset), MODEL_SETTINGS);
      return read && 'model' in read ? { value: read.model, ms: read.ms } : read;
    },
    keep: (key, model, ms, dataset) => keepTrainedModel(key, model, ms, counts(dataset)),
  },
  compute: ({ dataset, signal, progress }) =>
    asUser(dataset, async (current) => {
      const started = performance.now();
      const classes = classesOf(dataset);
      // Held from the start: the folds, which wait for the same features, must not take both workers.
      current.reserved++;
      let reserved = true;
      const unreserve = () => {
        if (reserved) current.reserved--;
        reserved = false;
      };
      try {
        const { features, ms: featuresMs } = await featuresOf(current, signal, progress);
        const trainIds = range(0, dataset.train.count);
        const testIds = range(dataset.train.count, dataset.train.count + dataset.test.count);
        const { result } = await onFreeWorker(current, signal, true, (worker) => {
          unreserve();
          return worker.ask(
            dataset,
            { kind: 'train-model', features, train: trainIds, predict: testIds, classes, seed: MODEL_SETTINGS.seed, epochs: MODEL_SETTINGS.epochs },
            { signal, onProgress: (done, total) => progress(done, total, 'training') },
          );
        });
        if (result.probabilities.length !== testIds.length * classes) throw new AnalysisFailure('protocol', `${result.probabilities.length} probabilities for ${testIds.length} test digits`);
        const model: TrainedModel = {
          classes,
          settings: MODEL_SETTINGS,
          weights: result.weights,
          testProbabilities: result.probabilities,
          timings: { features: featuresMs, training: result.trainingMs },
          backend: MODEL_BACKEND,
        };
        return { value: model, ms: performance.now() - started, detail: { featuresMs, trainingMs: result.trainingMs } };
      } finally {
        unreserve();
        dispatch(current);
      }
    }),
  done: ({ value, dataset, ms, elapsed, kept, detail, keeping }) => {
    const labels = dataset.test.labels.subarray(0, dataset.test.count);
    const accuracy = labels.length > 0 ? classifierMetrics(value.testProbabilities, labels, value.classes).correct / labels.length : null;
    performance.mark(PERF_MARKS.classifier, { detail: { ms: kept ? elapsed : ms, kept, featuresMs: 0, trainingMs: 0, ...detail, accuracy } });
    void keeping?.then((written) => written && performance.mark(PERF_MARKS.classifierKept));
  },
  release: releaseWorkers,
};

export const classifierFoldsJob: AnalysisJob<'classifier-folds'> = {
  name: 'classifier-folds',
  kept: {
    what: 'The kept cross-validated probabilities',
    read: async (key, dataset) => {
      const read = await readKeptCrossValidation(key, counts(dataset), MODEL_SETTINGS);
      return read && 'crossValidation' in read ? { value: read.crossValidation, ms: read.ms } : read;
    },
    keep: (key, cv, ms, dataset) => keepCrossValidation(key, cv, ms, counts(dataset)),
  },
  compute: ({ dataset, signal, progress }) =>
    asUser(dataset, async (current) => {
      const started = performance.now();
      const classes = classesOf(dataset);
      const { features } = await featuresOf(current, signal, progress);
      const { folds, epochs, seed } = MODEL_SETTINGS;
      const trainCount = dataset.train.count;
      const labels = labelsByGlobalId(dataset).subarray(0, trainCount);
      const foldOf = stratifiedFolds(labels, folds, seed);
      const trainProbabilities = new Float32Array(trainCount * classes);
      const epochsDone = new Array<number>(folds).fill(0);
      const report = () => progress(epochsDone.reduce((a, b) => a + b, 0), folds * epochs, 'cross-validation');
      report();
      await Promise.all(
        Array.from({ length: folds }, (_, fold) => {
          const train = Uint32Array.from(range(0, trainCount).filter((id) => foldOf[id] !== fold && labels[id]! < classes));
          const predict = Uint32Array.from(range(0, trainCount).filter((id) => foldOf[id] === fold));
          return onFreeWorker(current, signal, false, async (worker) => {
            // Each fold's head from its own seed: the folds are five models, not one five times.
            const { result } = await worker.ask(dataset, { kind: 'train-model', features, train, predict, classes, seed: seed + 1 + fold, epochs }, {
              signal,
              onProgress: (done) => {
                epochsDone[fold] = done;
                report();
              },
            });
            if (result.probabilities.length !== predict.length * classes) throw new AnalysisFailure('protocol', `${result.probabilities.length} probabilities for fold ${fold}'s ${predict.length} digits`);
            predict.forEach((id, row) => trainProbabilities.set(result.probabilities.subarray(row * classes, (row + 1) * classes), id * classes));
          });
        }),
      );
      const cv: CrossValidation = { classes, settings: MODEL_SETTINGS, trainProbabilities, ms: performance.now() - started };
      return { value: cv, ms: cv.ms };
    }),
  done: ({ ms, elapsed, kept, keeping }) => {
    performance.mark(PERF_MARKS.classifierFolds, { detail: { ms: kept ? elapsed : ms, kept } });
    void keeping?.then((written) => written && performance.mark(PERF_MARKS.classifierFoldsKept));
  },
  release: releaseWorkers,
};
