// The page side of the suspect labels: a split at a time (the one on screen first), each split's
// digits shared between two analysis workers (the machine's two cores), each worker keeping the
// 50-dimensional projection between splits. Progress goes to the store; Cancel ends the workers.
// Only what a visitor asks for is computed: it takes tens of seconds of both cores.
import type { Dataset } from '../../data/dataset/dataset';
import type { NeighbourTable } from '../../data/analysis/knn';
import type { Split } from '../../data/dataset/mnist';
import { SUSPECT_NEIGHBOURS, suspectScores } from '../../data/analysis/suspects';
import type { AnalysisErrorCode, AnalysisReply, AnalysisRequest } from '../../worker/analysis/protocol';
import { datasetId } from '../store/datasetIds';
import { explorerStore, NO_SUSPECTS, type SuspectsState } from '../store/explorerStore';
import { PERF_MARKS } from '../app/perfMarks';
import { keepNeighbourTable, readKeptNeighbourTable, statisticsKey, whenKeyKnown } from '../kept/keptResults';

const WORKERS = 2;

interface Running {
  readonly dataset: Dataset;
  /** Made when a split is computed (none when every split is read back from the kept copy). */
  workers: Worker[];
  /** Which workers have been handed the dataset (later requests send only its key). */
  handedOver: boolean[];
  readonly queue: Split[];
  current: { split: Split; started: number } | null;
}

let running: Running | null = null;
let nextRequestId = 1;

const state = (): SuspectsState => {
  const { suspects, dataset } = explorerStore.getState();
  return suspects.dataset === dataset ? suspects : { ...NO_SUSPECTS, dataset };
};
const update = (change: Partial<SuspectsState>) => explorerStore.getState().suspectsChanged({ ...state(), ...change });

function rangeOf(dataset: Dataset, split: Split): [number, number] {
  return split === 'train' ? [0, dataset.train.count] : [dataset.train.count, dataset.train.count + dataset.test.count];
}

function labelsOf(dataset: Dataset): Uint8Array {
  const labels = new Uint8Array(dataset.train.count + dataset.test.count);
  labels.set(dataset.train.labels.subarray(0, dataset.train.count));
  labels.set(dataset.test.labels.subarray(0, dataset.test.count), dataset.train.count);
  return labels;
}

function stop(): void {
  running?.workers.forEach((w) => w.terminate());
  running = null;
}

/** Datasets whose suspects the visitor cancelled: not started again by themselves, only when asked. */
const cancelled = new WeakSet<Dataset>();

/** Stops computing suspect labels; what is done stays. */
export function cancelSuspects(): void {
  if (!running) return;
  cancelled.add(running.dataset);
  stop();
  update({ job: null });
}

/**
 * Computes the suspect labels of `splits` of `dataset` (those not known yet), in that order.
 * `asked`: a visitor's request (a button), which overrides an earlier Cancel.
 */
export function wantSuspects(dataset: Dataset, splits: readonly Split[], asked = true): void {
  const { dataset: shown } = explorerStore.getState();
  if (shown !== dataset) return;
  if (asked) cancelled.delete(dataset);
  else if (cancelled.has(dataset) || state().failure) return;
  if (running && running.dataset !== dataset) stop();
  const missing = splits.filter((s) => unknown(s, dataset));
  const pending = (s: Split) => running?.dataset === dataset && (running.queue.includes(s) || running.current?.split === s);
  const toAdd = missing.filter((s) => !pending(s));
  // Nothing new: do not touch the store (its subscribers call this again).
  if (toAdd.length === 0) return;
  running ??= { dataset, workers: [], handedOver: [], queue: [], current: null };
  running.queue.push(...toAdd);
  if (state().failure) update({ failure: null });
  if (!running.current) next(running);
}

/** Whether `split` of `dataset` still needs its suspects (and has digits). */
function unknown(split: Split, dataset: Dataset): boolean {
  const [from, to] = rangeOf(dataset, split);
  return state().parts[split] === null && to > from;
}

function next(job: Running): void {
  const split = job.queue.shift();
  if (!split) {
    stop();
    update({ job: null });
    return;
  }
  const [from, to] = rangeOf(job.dataset, split);
  const started = performance.now();
  job.current = { split, started };
  update({ job: { split, done: 0, total: to - from } });
  const total = job.dataset.train.count + job.dataset.test.count;
  const key = statisticsKey(explorerStore.getState().loadedFiles);
  if (!key) {
    compute(job, split, from, to, started);
    return;
  }
  void readKeptNeighbourTable(split, { key, k: SUSPECT_NEIGHBOURS, from, to, total }).then((read) => {
    if (running !== job) return;
    if (read && 'table' in read) {
      finishSplit(job, split, [read.table], started, [], true);
      return;
    }
    if (read) console.warn(`The kept suspect labels of the ${split} split could not be used (${read.problem}); computing them again.`);
    compute(job, split, from, to, started);
  });
}

function compute(job: Running, split: Split, from: number, to: number, started: number): void {
  if (job.workers.length === 0) {
    job.workers = Array.from({ length: WORKERS }, (_, i) => new Worker(new URL('../../worker/analysis/analysis.worker.ts', import.meta.url), { type: 'module', name: `mnist-suspects-${i + 1}` }));
    job.handedOver = job.workers.map(() => false);
  }
  const bounds = Array.from({ length: WORKERS + 1 }, (_, i) => from + Math.round(((to - from) * i) / WORKERS));
  const done = new Array<number>(WORKERS).fill(0);
  const tables = new Array<NeighbourTable | null>(WORKERS).fill(null);
  const timings: { components: number; search: number }[] = [];
  job.workers.forEach((worker, w) => {
    const requestId = nextRequestId++;
    const listener = (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      if (reply.requestId !== requestId || running !== job) return;
      switch (reply.type) {
        case 'analysis-progress':
          done[w] = reply.done;
          update({ job: { split, done: done.reduce((a, b) => a + b, 0), total: to - from } });
          break;
        case 'analysed':
          worker.removeEventListener('message', listener);
          if (reply.result.kind !== 'neighbour-table') {
            fail('failed', `the worker answered with ${reply.result.kind}`);
            return;
          }
          tables[w] = reply.result.table;
          timings.push(reply.result.timings);
          if (tables.every((t) => t !== null)) finishSplit(job, split, tables, started, timings, false);
          break;
        case 'analysis-failed':
          worker.removeEventListener('message', listener);
          fail(reply.code, reply.message);
          break;
      }
    };
    worker.addEventListener('message', listener);
    worker.onerror = (event) => fail('failed', `an analysis worker failed: ${event.message || 'unknown error'}`);
    const request: AnalysisRequest = {
      type: 'analyse',
      requestId,
      kind: 'neighbour-table',
      datasetKey: datasetId(job.dataset),
      dataset: job.handedOver[w] ? null : job.dataset,
      from: bounds[w]!,
      to: bounds[w + 1]!,
      k: SUSPECT_NEIGHBOURS,
    };
    job.handedOver[w] = true;
    worker.postMessage(request);
  });
}

function fail(code: AnalysisErrorCode, message: string): void {
  stop();
  update({ job: null, failure: { code, message } });
}

/** Both halves are in: one table for the split, scored, shown. */
function finishSplit(job: Running, split: Split, tables: NeighbourTable[], started: number, timings: { components: number; search: number }[], kept: boolean): void {
  const { k } = tables[0]!;
  const from = tables[0]!.from;
  const to = tables[tables.length - 1]!.to;
  const ids = new Uint32Array((to - from) * k);
  const distances = new Float64Array((to - from) * k);
  for (const t of tables) {
    ids.set(t.ids, (t.from - from) * k);
    distances.set(t.distances, (t.from - from) * k);
  }
  const table = { k, from, to, ids, distances };
  const scores = suspectScores(table, labelsOf(job.dataset));
  const ms = performance.now() - started;
  performance.mark(PERF_MARKS.suspects, {
    detail: { split, ms, kept, componentsMs: Math.max(0, ...timings.map((t) => t.components)), searchMs: Math.max(0, ...timings.map((t) => t.search)) },
  });
  if (!kept) keepOnceKnown(job.dataset, split, table, ms);
  update({ parts: { ...state().parts, [split]: scores } });
  job.current = null;
  next(job);
}

/** Keeps a split's table under the data's identity once it is known. */
function keepOnceKnown(dataset: Dataset, split: Split, table: NeighbourTable, ms: number): void {
  const total = dataset.train.count + dataset.test.count;
  whenKeyKnown(dataset, (key) => void keepNeighbourTable(key, split, table, total, ms).then((done) => done && performance.mark(PERF_MARKS.suspectsKept, { detail: { split } })));
}

/** Computes the suspects the grid needs whenever it is sorted by them. */
export function startSuspectsWhenWanted(): () => void {
  const check = () => {
    const { dataset, sort, split, view } = explorerStore.getState();
    if (!dataset || sort !== 'suspect' || view === 'files' || view === 'stats' || view === 'map') return;
    // After Cancel (or a failure) the grid waits for the visitor to ask again.
    wantSuspects(dataset, splitsShown(split), false);
  };
  check();
  return explorerStore.subscribe(check);
}

/** The splits a split filter shows, the smaller (test) first: its suspects arrive sooner. */
export function splitsShown(split: 'train' | 'test' | 'all'): Split[] {
  return split === 'train' ? ['train'] : split === 'test' ? ['test'] : ['test', 'train'];
}
