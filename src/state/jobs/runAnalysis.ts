// The one lifecycle of every background analysis: computing (with progress) → ready, or failed
// with a code, written to the store under the analysis's name and the dataset it is of. A newer
// run of the same analysis ends the older one; Cancel ends it and says so; a run whose dataset
// left the screen ends without a word (the store has already forgotten it). Jobs say only what
// to compute and how their result is kept: see statisticsJob.ts and its siblings.
import type { Dataset } from '../../data/dataset/dataset';
import type { AnalysisName, AnalysisValues } from '../store/analysisState';
import { explorerStore } from '../store/explorerStore';
import { AnalysisFailure } from './analysisClient';
import { keptOrComputed, type Computed, type KeptKind, type Obtained } from './keptOrComputed';

export interface JobContext {
  readonly dataset: Dataset;
  /** What within the dataset the run is about (look-alikes: the digit); null for most. */
  readonly subject: number | null;
  /** Aborted when the run is cancelled or superseded. */
  readonly signal: AbortSignal;
  readonly progress: (done: number, total: number, stage?: string) => void;
}

export interface Outcome<T> extends Obtained<T> {
  readonly dataset: Dataset;
  readonly subject: number | null;
  /** Page time from the run's start to its result (reading a kept copy included). */
  readonly elapsed: number;
}

export interface AnalysisJob<N extends AnalysisName> {
  readonly name: N;
  /** Jobs of one lane run one after another, in the order asked (the suspect labels' splits share two workers). */
  readonly lane?: string;
  /** How the result is kept with the decoded copy; absent: never kept. */
  readonly kept?: KeptKind<AnalysisValues[N]>;
  compute(context: JobContext): Promise<Computed<AnalysisValues[N]>>;
  /** After the result is in the store: marks for the benchmark, whatever else follows from it. */
  done?(outcome: Outcome<AnalysisValues[N]>): void;
  /** Once nothing of the job's lane runs or waits any more: let its workers go. */
  idle?(): void;
  /** When the dataset on screen changes: let go of whatever is held for the old one. */
  release?(): void;
}

interface Run {
  readonly name: AnalysisName;
  readonly dataset: Dataset;
  readonly subject: number | null;
  readonly controller: AbortController;
}

const runs = new Map<AnalysisName, Run>();
const lanes = new Map<string, { tail: Promise<void>; waiting: number }>();

const isLive = (run: Run) => runs.get(run.name) === run && !run.controller.signal.aborted;

/**
 * Runs `job` for `dataset` (and `subject`) unless that very run is already under way. Settles
 * when the run has ended, however it ended.
 */
export function runAnalysis<N extends AnalysisName>(job: AnalysisJob<N>, dataset: Dataset, subject: number | null = null): Promise<void> {
  if (explorerStore.getState().dataset !== dataset) return Promise.resolve();
  const current = runs.get(job.name);
  if (current && current.dataset === dataset && current.subject === subject) return Promise.resolve();
  current?.controller.abort();
  const run: Run = { name: job.name, dataset, subject, controller: new AbortController() };
  runs.set(job.name, run);
  let ended: Promise<void>;
  if (job.lane) {
    const lane = lanes.get(job.lane) ?? { tail: Promise.resolve(), waiting: 0 };
    lanes.set(job.lane, lane);
    lane.waiting++;
    ended = lane.tail.then(() => execute(job, run));
    lane.tail = ended.then(() => {
      if (--lane.waiting === 0) job.idle?.();
    });
  } else {
    ended = execute(job, run);
  }
  // Said once the run has its place: the store's subscribers may ask for more runs at once.
  explorerStore.getState().analysisChanged(job.name, { status: 'computing', dataset, subject, progress: null });
  return ended;
}

async function execute<N extends AnalysisName>(job: AnalysisJob<N>, run: Run): Promise<void> {
  if (!isLive(run)) return;
  const { dataset, subject, controller } = run;
  const { signal } = controller;
  const started = performance.now();
  const progress = (done: number, total: number, stage?: string) => {
    if (isLive(run)) explorerStore.getState().analysisChanged(job.name, { status: 'computing', dataset, subject, progress: stage ? { done, total, stage } : { done, total } });
  };
  try {
    const outcome = await keptOrComputed(dataset, job.kept ?? null, () => job.compute({ dataset, subject, signal, progress }), signal);
    if (!isLive(run)) return;
    runs.delete(job.name);
    explorerStore.getState().analysisChanged(job.name, { status: 'ready', dataset, subject, value: outcome.value, ms: outcome.ms, kept: outcome.kept });
    job.done?.({ ...outcome, dataset, subject, elapsed: performance.now() - started });
  } catch (error) {
    // Superseded or cancelled: whoever ended it has said what there is to say.
    if (!isLive(run)) return;
    runs.delete(job.name);
    const failure = error instanceof AnalysisFailure ? error : new AnalysisFailure('failed', error instanceof Error ? error.message : String(error));
    explorerStore.getState().analysisChanged(job.name, { status: 'failed', dataset, subject, code: failure.code, message: failure.message });
  }
}

/** Ends the run of `name`, if any; the store says it was cancelled (what others finished stays). */
export function cancelAnalysis(name: AnalysisName): void {
  const run = runs.get(name);
  if (!run) return;
  runs.delete(name);
  run.controller.abort();
  explorerStore.getState().analysisChanged(name, { status: 'failed', dataset: run.dataset, subject: run.subject, code: 'cancelled', message: 'cancelled' });
}

/** Ends every run of a dataset that is no longer on screen. */
export function endAnalysesOf(dataset: Dataset): void {
  for (const [name, run] of runs) {
    if (run.dataset !== dataset) continue;
    runs.delete(name);
    run.controller.abort();
  }
}

/** Whether `name` is running (or waiting in its lane) for `dataset`. */
export function isRunning(name: AnalysisName, dataset: Dataset): boolean {
  return runs.get(name)?.dataset === dataset;
}

/**
 * Resolves once the analysis `name` of `dataset` has a result or has failed, once another
 * dataset is shown, or after `timeoutMs`, whichever comes first.
 */
export function whenSettled(name: AnalysisName, dataset: Dataset, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => {
      const state = explorerStore.getState();
      const analysis = state.analyses[name];
      return state.dataset !== dataset || (analysis.status !== 'none' && analysis.status !== 'computing' && analysis.dataset === dataset);
    };
    if (settled()) return resolve();
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const unsubscribe = explorerStore.subscribe(() => settled() && finish());
  });
}
