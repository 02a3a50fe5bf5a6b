// The page side of the map: computed by an analysis worker the first time something needs it —
// the Map view, or a region (from a link or a drag) that must select digits — and not before,
// since it costs seconds of a core; read back instead when it was kept with the decoded copy,
// and kept once computed. One worker per request, let go with its answer.
import type { Dataset } from '../../data/dataset/dataset';
import type { AnalysisReply, AnalysisRequest } from '../../worker/analysis/protocol';
import { explorerStore } from '../store/explorerStore';
import { PERF_MARKS } from '../app/perfMarks';
import { keepMap, readKeptMap, statisticsKey, whenKeyKnown } from '../kept/keptResults';
import type { DigitMap } from '../../data/analysis/digitMap';

let running: { worker: Worker; dataset: Dataset } | null = null;
let nextRequestId = 1;

/** Starts computing the map of `dataset` unless it is there, on its way, or failed (Retry asks again with `again`). */
export function ensureMapOf(dataset: Dataset, again = false): void {
  const { map, dataset: shown } = explorerStore.getState();
  if (shown !== dataset) return;
  if (map.status !== 'none' && map.dataset === dataset && !(again && map.status === 'failed')) return;
  running?.worker.terminate();
  const requestId = nextRequestId++;
  const worker = new Worker(new URL('../../worker/analysis/analysis.worker.ts', import.meta.url), { type: 'module', name: 'mnist-map' });
  running = { worker, dataset };
  const finish = () => {
    worker.terminate();
    if (running?.worker === worker) running = null;
  };
  const store = explorerStore.getState();
  store.mapChanged({ status: 'computing', dataset });
  const key = statisticsKey(store.loadedFiles);
  const total = dataset.train.count + dataset.test.count;
  const started = performance.now();
  const compute = () => worker.postMessage({ type: 'analyse', requestId, kind: 'map', dataset } satisfies AnalysisRequest);
  if (!key) compute();
  else
    void readKeptMap(key, total).then((read) => {
      if (running?.worker !== worker) return;
      if (read && 'map' in read) {
        finish();
        performance.mark(PERF_MARKS.map, { detail: { ms: performance.now() - started, kept: true, ...read.map.timings } });
        explorerStore.getState().mapChanged({ status: 'ready', dataset, value: read.map, ms: read.ms, kept: true });
        return;
      }
      if (read) console.warn(`The kept map could not be used (${read.problem}); computing it again.`);
      compute();
    });
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    // Only long analyses report progress; this one's answer is what counts.
    if (reply.type === 'analysis-progress') return;
    if (reply.requestId !== requestId) return;
    finish();
    switch (reply.type) {
      case 'analysed':
        if (reply.result.kind !== 'map') {
          explorerStore.getState().mapChanged({ status: 'failed', dataset, code: 'failed', message: `the worker answered with ${reply.result.kind}` });
          break;
        }
        performance.mark(PERF_MARKS.map, { detail: { ms: reply.ms, kept: false, ...reply.result.map.timings } });
        explorerStore.getState().mapChanged({ status: 'ready', dataset, value: reply.result.map, ms: reply.ms, kept: false });
        keepOnceKnown(dataset, reply.result.map, reply.ms);
        break;
      case 'analysis-failed':
        explorerStore.getState().mapChanged({ status: 'failed', dataset, code: reply.code, message: reply.message });
        break;
    }
  });
  worker.addEventListener('error', (event) => {
    finish();
    explorerStore.getState().mapChanged({ status: 'failed', dataset, code: 'failed', message: `the analysis worker failed: ${event.message || 'unknown error'}` });
  });
}

/** Keeps the map under the data's identity once it is known. */
function keepOnceKnown(dataset: Dataset, map: DigitMap, ms: number): void {
  whenKeyKnown(dataset, (key) => void keepMap(key, map, ms).then((kept) => kept && performance.mark(PERF_MARKS.mapKept)));
}

/** Computes the map whenever the dataset on screen is wanted on it: the Map view, or a region to select by. */
export function startMapWhenWanted(): () => void {
  const check = () => {
    const { dataset, view, region } = explorerStore.getState();
    if (dataset && (view === 'map' || region !== null)) ensureMapOf(dataset);
  };
  check();
  return explorerStore.subscribe(check);
}
