// Analysis workers for Node tests: each runs the real analysis handler in this process, so the
// page's jobs are tested against the worker's real answers, with a fake only at the boundary a
// Worker is. A test may hold the answers back (to cancel or supersede a run under way), crash a
// worker, or have it answer the wrong question.
import { createAnalysisHandler } from '../worker/analysis/analysisHandler';
import type { AnalysisReply, AnalysisRequest } from '../worker/analysis/protocol';
import type { WorkerFactory, WorkerPort } from '../state/jobs/analysisClient';

export class FakeAnalysisWorker implements WorkerPort {
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly requests: AnalysisRequest[] = [];
  terminated = false;
  /** Requests not yet handled while `holding`. */
  private readonly held: AnalysisRequest[] = [];
  private readonly handle = createAnalysisHandler({ post: (reply) => this.reply(reply) });

  readonly name: string;
  private readonly pool: FakeWorkers;

  constructor(name: string, pool: FakeWorkers) {
    this.name = name;
    this.pool = pool;
  }

  postMessage(request: AnalysisRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.requests.push(request);
    this.pool.posted.push({ worker: this.name, question: request.question });
    if (this.pool.holding || this.pool.holdIf?.(request)) this.held.push(request);
    else setTimeout(() => this.run(request), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Handles the requests held back so far. */
  release(): void {
    for (const request of this.held.splice(0)) this.run(request);
  }

  /** The worker dies, as an uncaught error in it would end it. */
  crash(message: string): void {
    if (!this.terminated) this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }

  private run(request: AnalysisRequest): void {
    if (this.terminated) return;
    const forged = this.pool.forge?.(request);
    if (forged) this.reply(forged);
    else this.handle(request);
  }

  private reply(reply: AnalysisReply): void {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<AnalysisReply>);
    }, 0);
  }
}

export class FakeWorkers {
  readonly made: FakeAnalysisWorker[] = [];
  /** Every question posted to any of them, in the order posted. */
  readonly posted: { worker: string; question: AnalysisRequest['question'] }[] = [];
  /** While true, requests wait for `release()`. */
  holding = false;
  /** Requests this says to hold wait for `release()` too. */
  holdIf: ((request: AnalysisRequest) => boolean) | null = null;
  /** A reply to send instead of the handler's (a wrong answer), or undefined to answer truly. */
  forge: ((request: AnalysisRequest) => AnalysisReply | undefined) | null = null;

  readonly factory: WorkerFactory = (name) => {
    const worker = new FakeAnalysisWorker(name, this);
    this.made.push(worker);
    return worker;
  };

  /** Workers not terminated. */
  live(): FakeAnalysisWorker[] {
    return this.made.filter((w) => !w.terminated);
  }
}
