import { describe, expect, it } from 'vitest';
import { createPaintQueue } from './paintQueue';

/** A queue on a hand-driven clock and task list: each job "takes" `cost` ms. */
function harness(budgetMs: number, cost = 3) {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const queue = createPaintQueue({ now: () => clock, later: (run) => tasks.push(run), budgetMs });
  const done: string[] = [];
  const job = (name: string) => () => {
    clock += cost;
    done.push(name);
  };
  const runTask = () => tasks.shift()!();
  return { queue, done, job, tasks, runTask };
}

describe('paint queue', () => {
  it('runs a job marked now at once, and waiting ones only in a later task, in order', () => {
    const { queue, done, job, tasks, runTask } = harness(100);
    const [a, b, c] = [{}, {}, {}];
    queue.paint(a, job('a'), false);
    queue.paint(b, job('b'), true);
    queue.paint(c, job('c'), false);
    expect(done).toEqual(['b']);
    expect(tasks).toHaveLength(1); // one task for all that wait
    runTask();
    expect(done).toEqual(['b', 'a', 'c']);
    expect(tasks).toHaveLength(0);
    expect(queue.size).toBe(0);
  });

  it('spreads waiting jobs over tasks of at most the budget (at least one job each)', () => {
    const { queue, done, job, tasks, runTask } = harness(7, 3);
    const owners = Array.from({ length: 7 }, () => ({}));
    owners.forEach((o, i) => queue.paint(o, job(String(i)), false));
    runTask(); // 3 + 3 = 6 < 7, + 3 = 9 ≥ 7: three jobs
    expect(done).toEqual(['0', '1', '2']);
    expect(tasks).toHaveLength(1);
    runTask();
    expect(done).toEqual(['0', '1', '2', '3', '4', '5']);
    runTask();
    expect(done).toHaveLength(7);
    expect(tasks).toHaveLength(0);

    const slow = harness(2, 50);
    slow.queue.paint({}, slow.job('x'), false);
    slow.queue.paint({}, slow.job('y'), false);
    slow.runTask();
    expect(slow.done).toEqual(['x']);
    slow.runTask();
    expect(slow.done).toEqual(['x', 'y']);
  });

  it('keeps only the newest job of an owner, and drops it on cancel or when painted at once', () => {
    const { queue, done, job, runTask, tasks } = harness(100);
    const [a, b, c] = [{}, {}, {}];
    queue.paint(a, job('a1'), false);
    queue.paint(a, job('a2'), false);
    queue.paint(b, job('b'), false);
    queue.cancel(b);
    queue.paint(c, job('c1'), false);
    queue.paint(c, job('c2'), true);
    expect(done).toEqual(['c2']);
    runTask();
    expect(done).toEqual(['c2', 'a2']);
    expect(tasks).toHaveLength(0);
  });

  it('runs an owner\'s waiting job at once when flushed, and nothing when none waits', () => {
    const { queue, done, job, runTask } = harness(100);
    const [a, b] = [{}, {}];
    queue.paint(a, job('a'), false);
    queue.paint(b, job('b'), false);
    queue.flush(b);
    queue.flush(b);
    expect(done).toEqual(['b']);
    runTask();
    expect(done).toEqual(['b', 'a']);
  });
});
