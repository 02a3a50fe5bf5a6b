// The page's one way to talk to an analysis worker, and the only module that creates one: a
// question goes in, a promise of the answer of that question's kind comes out, with progress
// on the way and an AbortSignal to stop it. Every way it can go wrong arrives as an
// AnalysisFailure with a code — the worker's own (bad-dataset, too-large, failed), a crash
// (worker-crashed), an answer to another question (protocol), or a cancel (cancelled).
import type { Dataset } from '../../data/dataset/dataset';
import { CodedError } from '../../data/codedError';
import type { AnalysisKind, AnalysisQuestion, AnalysisReply, AnalysisRequest, ResultOf } from '../../worker/analysis/protocol';
import type { AnalysisFailureCode } from '../store/analysisState';
import { datasetId } from '../store/datasetIds';

/** The part of a Worker the client uses; tests hand in fakes of it. */
export interface WorkerPort {
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type WorkerFactory = (name: string) => WorkerPort;

const browserWorker: WorkerFactory = (name) =>
  // The one `new Worker(new URL(…))` of the analysis worker: Vite bundles the worker from it.
  new Worker(new URL('../../worker/analysis/analysis.worker.ts', import.meta.url), { type: 'module', name });

let createWorker: WorkerFactory = browserWorker;

/** Makes workers with `factory` from now on (tests); null goes back to real workers. */
export function setAnalysisWorkerFactory(factory: WorkerFactory | null): void {
  createWorker = factory ?? browserWorker;
}

export class AnalysisFailure extends CodedError<AnalysisFailureCode> {
  constructor(code: AnalysisFailureCode, message: string) {
    super('AnalysisFailure', code, message);
  }
}

export const cancelled = () => new AnalysisFailure('cancelled', 'cancelled');

export interface Answer<K extends AnalysisKind> {
  readonly result: ResultOf<K>;
  /** Time the worker spent on it. */
  readonly ms: number;
}

export interface AskOptions {
  /**
   * Aborting ends the worker (a computation under way cannot be interrupted otherwise): every
   * question pending on it fails as cancelled, and the next question starts a fresh worker.
   */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number, stage?: string) => void;
}

/** One analysis worker, made when first asked and made again after a crash or a cancel. */
export interface AnalysisWorker {
  ask<Q extends AnalysisQuestion>(dataset: Dataset, question: Q, options?: AskOptions): Promise<Answer<Q['kind']>>;
  /** Ends the worker; questions pending on it fail as cancelled. */
  close(): void;
}

interface Pending {
  readonly kind: AnalysisKind;
  readonly resolve: (answer: Answer<AnalysisKind>) => void;
  readonly reject: (failure: AnalysisFailure) => void;
  readonly onProgress?: (done: number, total: number, stage?: string) => void;
}

export function analysisWorker(name: string): AnalysisWorker {
  let port: WorkerPort | null = null;
  /** The dataset the worker holds (handed over once, then named by its key). */
  let holds: number | null = null;
  let nextRequestId = 1;
  const pending = new Map<number, Pending>();

  const drop = (failure: AnalysisFailure) => {
    port?.terminate();
    port = null;
    holds = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(failure);
  };

  const receive = (reply: AnalysisReply) => {
    const waiting = pending.get(reply.requestId);
    if (!waiting) return;
    switch (reply.type) {
      case 'analysis-progress':
        waiting.onProgress?.(reply.done, reply.total, reply.stage);
        return;
      case 'analysed':
        pending.delete(reply.requestId);
        if (reply.result.kind === waiting.kind) waiting.resolve({ result: reply.result, ms: reply.ms });
        else waiting.reject(new AnalysisFailure('protocol', `the worker answered a ${waiting.kind} question with ${reply.result.kind}`));
        return;
      case 'analysis-failed':
        pending.delete(reply.requestId);
        // A dataset it refused is not held.
        if (reply.code === 'bad-dataset') holds = null;
        waiting.reject(new AnalysisFailure(reply.code, reply.message));
        return;
      default:
        reply satisfies never;
        pending.delete((reply as { requestId: number }).requestId);
        waiting.reject(new AnalysisFailure('protocol', `the worker sent a reply of no known type`));
    }
  };

  const open = (): WorkerPort => {
    const worker = createWorker(name);
    worker.onmessage = (event) => {
      if (port === worker) receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (port === worker) drop(new AnalysisFailure('worker-crashed', `the analysis worker stopped: ${event.message || 'it failed to start or crashed'}`));
    };
    port = worker;
    return worker;
  };

  return {
    ask: (dataset, question, options = {}) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) return Promise.reject(cancelled());
      const worker = port ?? open();
      const requestId = nextRequestId++;
      const key = datasetId(dataset);
      const request: AnalysisRequest = { type: 'analyse', requestId, datasetKey: key, dataset: holds === key ? null : dataset, question };
      holds = key;
      const onAbort = () => drop(cancelled());
      const answer = new Promise<Answer<AnalysisKind>>((resolve, reject) => pending.set(requestId, { kind: question.kind, resolve, reject, onProgress }));
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        worker.postMessage(request);
      } catch (error) {
        // A dataset that cannot be cloned (no shared memory and detached buffers) or a dead port.
        pending.delete(requestId);
        holds = null;
        signal?.removeEventListener('abort', onAbort);
        return Promise.reject(new AnalysisFailure('worker-crashed', `the question could not be sent: ${error instanceof Error ? error.message : String(error)}`));
      }
      return answer.finally(() => signal?.removeEventListener('abort', onAbort));
    },
    close: () => drop(cancelled()),
  };
}
