// The page side of the statistics: asked for once a dataset is shown, answered into the store.
// Read back from the kept copy when this data's statistics were kept before; else computed by
// the analysis worker — one worker per request, let go with its answer (on a page without
// shared memory the dataset is copied into it, 55 MB, and a worker that ends frees it at once)
// — and then kept, as soon as the data's identity (its files' SHA-256) is known.
import { pixelCount, type Dataset } from '../../data/dataset/dataset';
import type { Rankings } from '../../data/dataset/sortOrder';
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { AnalysisReply, AnalysisRequest } from '../../worker/analysis/protocol';
import { explorerStore } from '../store/explorerStore';
import { keepStatistics, readKeptStatistics, statisticsKey, whenKeyKnown } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { provideRankings } from '../store/rankings';

let running: { worker: Worker | null; requestId: number; settle: () => void } | null = null;
let nextRequestId = 1;

const isCurrent = (requestId: number) => running?.requestId === requestId;

/** Ends the current request: its worker goes, and whoever waits for it is told. */
function settle(requestId: number): void {
  if (!isCurrent(requestId)) return;
  running!.worker?.terminate();
  running!.settle();
  running = null;
}

/**
 * Shows the statistics of `dataset`: kept ones at once, else computed; a newer request ends an
 * older one. Settles when this request is answered (or failed, or superseded).
 */
export function computeStatisticsOf(dataset: Dataset): Promise<void> {
  if (running) settle(running.requestId);
  const requestId = nextRequestId++;
  const settled = new Promise<void>((resolve) => (running = { worker: null, requestId, settle: resolve }));
  const store = explorerStore.getState();
  store.statisticsChanged({ status: 'computing', dataset });
  const key = store.dataset === dataset ? statisticsKey(store.loadedFiles) : null;
  if (!key) {
    compute(dataset, requestId);
    return settled;
  }
  const started = performance.now();
  const shape = { pixels: pixelCount(dataset), labelSlots: dataset.info.classNames.length };
  void readKeptStatistics(key, { train: dataset.train.count, test: dataset.test.count }, shape).then((read) => {
    if (!isCurrent(requestId)) return;
    if (read && 'statistics' in read) {
      settle(requestId);
      provideRankings(read.statistics, read.rankings);
      performance.mark(PERF_MARKS.statistics, { detail: { ms: performance.now() - started, kept: true } });
      explorerStore.getState().statisticsChanged({ status: 'ready', dataset, value: read.statistics, ms: read.ms, kept: true });
      return;
    }
    if (read) console.warn(`The kept statistics could not be used (${read.problem}); computing them again.`);
    compute(dataset, requestId);
  });
  return settled;
}

function compute(dataset: Dataset, requestId: number): void {
  const worker = new Worker(new URL('../../worker/analysis/analysis.worker.ts', import.meta.url), { type: 'module', name: 'mnist-analysis' });
  running!.worker = worker;
  const finish = () => {
    worker.terminate();
    settle(requestId);
  };
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    // Only long analyses report progress; this one's answer is what counts.
    if (reply.type === 'analysis-progress') return;
    if (reply.requestId !== requestId) return;
    finish();
    switch (reply.type) {
      case 'analysed': {
        if (reply.result.kind !== 'statistics') {
          explorerStore.getState().statisticsChanged({ status: 'failed', dataset, code: 'failed', message: `the worker answered with ${reply.result.kind}` });
          break;
        }
        const { statistics, rankings, rankMs } = reply.result;
        const ms = reply.ms - rankMs;
        provideRankings(statistics, rankings);
        performance.mark(PERF_MARKS.statistics, { detail: { ms, rankMs, kept: false } });
        explorerStore.getState().statisticsChanged({ status: 'ready', dataset, value: statistics, ms, kept: false });
        keepOnceKnown(dataset, statistics, rankings, ms);
        break;
      }
      case 'analysis-failed':
        explorerStore.getState().statisticsChanged({ status: 'failed', dataset, code: reply.code, message: reply.message });
        break;
    }
  });
  worker.addEventListener('error', (event) => {
    finish();
    explorerStore.getState().statisticsChanged({ status: 'failed', dataset, code: 'failed', message: `the analysis worker failed: ${event.message || 'unknown error'}` });
  });
  const request: AnalysisRequest = { type: 'analyse', requestId, kind: 'statistics', dataset };
  worker.postMessage(request);
}

/** Keeps the statistics under the data's identity once it is known. */
function keepOnceKnown(dataset: Dataset, statistics: DatasetStatistics, rankings: Rankings, ms: number): void {
  whenKeyKnown(dataset, (key) => void keepStatistics(key, statistics, rankings, ms).then((kept) => kept && performance.mark(PERF_MARKS.statisticsKept)));
}
