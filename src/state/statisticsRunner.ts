// The page side of the analysis worker, for the statistics: asked for once a dataset is shown,
// answered into the store. One worker per request, let go with its answer: on a page without
// shared memory the dataset is copied into it (55 MB), and a worker that ends frees it at once.
import type { Dataset } from '../data/dataset';
import type { AnalysisReply, AnalysisRequest } from '../worker/protocol';
import { explorerStore } from './explorerStore';
import { PERF_MARKS } from './perfMarks';

let running: { worker: Worker; requestId: number } | null = null;
let nextRequestId = 1;

/** Computes the statistics of `dataset` in a worker; a newer request ends an older one. */
export function computeStatisticsOf(dataset: Dataset): void {
  running?.worker.terminate();
  const requestId = nextRequestId++;
  const worker = new Worker(new URL('../worker/analysis.worker.ts', import.meta.url), { type: 'module', name: 'mnist-analysis' });
  running = { worker, requestId };
  const store = explorerStore.getState();
  store.statisticsChanged({ status: 'computing', dataset });
  const finish = () => {
    worker.terminate();
    if (running?.requestId === requestId) running = null;
  };
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    if (reply.requestId !== requestId) return;
    finish();
    switch (reply.type) {
      case 'analysed':
        performance.mark(PERF_MARKS.statistics, { detail: { ms: reply.ms } });
        explorerStore.getState().statisticsChanged({ status: 'ready', dataset, value: reply.result.statistics, ms: reply.ms });
        break;
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
