// The page side of look-alike queries: one analysis worker kept for the dataset on screen (it
// holds every digit's squared norm after the first query, so later ones are one pass over the
// pixels), handed the dataset once and then asked by its key. A newer dataset gets a new worker.
import type { Dataset } from '../../data/dataset/dataset';
import type { Neighbour } from '../../data/analysis/neighbours';
import type { AnalysisReply, AnalysisRequest } from '../../worker/analysis/protocol';
import { PERF_MARKS } from '../app/perfMarks';
import { datasetId } from '../store/datasetIds';

interface Pending {
  readonly resolve: (answer: { neighbours: readonly Neighbour[]; ms: number }) => void;
  readonly reject: (error: Error) => void;
}

let current: { worker: Worker; dataset: Dataset; handedOver: boolean } | null = null;
const pending = new Map<number, Pending>();
let nextRequestId = 1;

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function workerFor(dataset: Dataset): NonNullable<typeof current> {
  if (current?.dataset === dataset) return current;
  current?.worker.terminate();
  failAll('another dataset is shown');
  const worker = new Worker(new URL('../../worker/analysis/analysis.worker.ts', import.meta.url), { type: 'module', name: 'mnist-look-alikes' });
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    // Only long analyses report progress; this one's answer is what counts.
    if (reply.type === 'analysis-progress') return;
    const waiting = pending.get(reply.requestId);
    if (!waiting) return;
    pending.delete(reply.requestId);
    switch (reply.type) {
      case 'analysed':
        if (reply.result.kind === 'neighbours') waiting.resolve({ neighbours: reply.result.neighbours, ms: reply.ms });
        else waiting.reject(new Error(`a ${reply.result.kind} answer to a look-alike question`));
        break;
      case 'analysis-failed':
        waiting.reject(new Error(`${reply.code}: ${reply.message}`));
        break;
    }
  });
  worker.addEventListener('error', (event) => {
    failAll(`the analysis worker failed: ${event.message || 'unknown error'}`);
    if (current?.worker === worker) current = null;
  });
  current = { worker, dataset, handedOver: false };
  return current;
}

/** The `k` digits nearest to digit `query` (a global id) among all of `dataset`'s, nearest first. */
export function findLookAlikes(dataset: Dataset, query: number, k: number): Promise<{ neighbours: readonly Neighbour[]; ms: number }> {
  const target = workerFor(dataset);
  const requestId = nextRequestId++;
  const asked = performance.now();
  const answer = new Promise<{ neighbours: readonly Neighbour[]; ms: number }>((resolve, reject) => pending.set(requestId, { resolve, reject }));
  const request: AnalysisRequest = {
    type: 'analyse',
    requestId,
    kind: 'neighbours',
    datasetKey: datasetId(dataset),
    dataset: target.handedOver ? null : dataset,
    query,
    k,
  };
  target.handedOver = true;
  target.worker.postMessage(request);
  return answer.then((a) => {
    performance.mark(PERF_MARKS.lookAlikes, { detail: { query, workerMs: a.ms, ms: performance.now() - asked } });
    return a;
  });
}
