// Canvas paints that need not be in this frame (rows below the screen, the sample's digits) wait
// in a queue and run in later tasks, a few milliseconds at a time, so that showing a whole new
// dataset is not one long task of putImageData, growing with the data, during which the page
// cannot answer a click. Rows on screen are painted at once, as before.

export interface PaintQueue {
  /** Runs `job` now if `now`, else soon; a newer job for the same owner replaces a waiting one. */
  paint(owner: object, job: () => void, now: boolean): void;
  /** Runs the owner's waiting job now, if there is one (its row scrolled on screen first). */
  flush(owner: object): void;
  /** Drops the owner's waiting job (it was unmounted, or its content changed again). */
  cancel(owner: object): void;
  /** How many jobs wait. */
  readonly size: number;
}

export interface PaintQueueDeps {
  readonly now: () => number;
  /** Calls `run` in a later task. */
  readonly later: (run: () => void) => void;
  /** Milliseconds of waiting jobs run per task (one job at least). */
  readonly budgetMs: number;
}

export function createPaintQueue(deps: PaintQueueDeps): PaintQueue {
  const waiting = new Map<object, () => void>();
  let scheduled = false;
  const run = () => {
    scheduled = false;
    const started = deps.now();
    for (const [owner, job] of waiting) {
      waiting.delete(owner);
      job();
      if (deps.now() - started >= deps.budgetMs) break;
    }
    schedule();
  };
  const schedule = () => {
    if (scheduled || waiting.size === 0) return;
    scheduled = true;
    deps.later(run);
  };
  return {
    paint(owner, job, now) {
      waiting.delete(owner);
      if (now) {
        job();
        return;
      }
      waiting.set(owner, job);
      schedule();
    },
    flush(owner) {
      const job = waiting.get(owner);
      waiting.delete(owner);
      job?.();
    },
    cancel(owner) {
      waiting.delete(owner);
    },
    get size() {
      return waiting.size;
    },
  };
}

/** A task, not a microtask or a frame: a MessageChannel message runs before timers' 4 ms clamp. */
function laterTask(run: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}

export const paintQueue: PaintQueue = createPaintQueue({ now: () => performance.now(), later: laterTask, budgetMs: 8 });
