// The suspect labels' jobs: two workers share a split, the splits share a lane, Cancel stops both.
import { describe, expect, it } from 'vitest';
import { explorerStore } from '../store/explorerStore';
import { bed, show, smallImages, state, until, prepareJobsTestBed } from '../../testing/jobsTestBed';
import { askFor } from './scheduler';

prepareJobsTestBed();

describe('the suspect labels', () => {
  it('run split by split on two workers when the grid is sorted by them; progress adds the halves', async () => {
    show(smallImages(40, 20, 10));
    const seen: number[] = [];
    const unsubscribe = explorerStore.subscribe((s) => {
      const test = s.analyses['suspects-test'];
      if (test.status === 'computing' && test.progress) seen.push(test.progress.total);
    });
    explorerStore.getState().setSort('suspect');
    await until(() => state('suspects-test').status === 'ready' && state('suspects-train').status === 'ready', 'both splits');
    unsubscribe();
    const names = bed.workers.made.map((w) => w.name).filter((n) => n.startsWith('mnist-suspects'));
    expect(names).toEqual(['mnist-suspects-1', 'mnist-suspects-2']);
    // The test split (20 digits) first, shared by the two workers: 10 each.
    expect(bed.workers.made.find((w) => w.name === 'mnist-suspects-1')!.requests.map((r) => r.question)).toEqual([
      { kind: 'neighbour-table', from: 40, to: 50, k: 10 },
      { kind: 'neighbour-table', from: 0, to: 20, k: 10 },
    ]);
    expect(new Set(seen)).toEqual(new Set([20]));
    // Both workers go once the lane is idle.
    await until(() => bed.workers.live().length === 0, 'workers let go');
    const test = state('suspects-test');
    if (test.status === 'ready') expect([test.value.from, test.value.to, test.value.table.ids.length]).toEqual([40, 60, 200]);
  });

  it('Cancel stops both splits and what was done stays; they start again only when asked', async () => {
    show(smallImages(40, 20, 10));
    const trainSplit = (r: { question: { kind: string; from?: number } }) => r.question.kind === 'neighbour-table' && r.question.from === 0;
    bed.workers.holdIf = trainSplit;
    explorerStore.getState().setSort('suspect');
    await until(() => state('suspects-test').status === 'ready', 'the test split');
    await until(() => bed.workers.made.some((w) => w.requests.some(trainSplit)), 'the train split asked');
    const { cancelSuspects } = await import('./scheduler');
    cancelSuspects();
    expect(state('suspects-test').status).toBe('ready');
    expect(state('suspects-train')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(bed.workers.live().filter((w) => w.name.startsWith('mnist-suspects'))).toEqual([]);
    explorerStore.getState().setSplit('train');
    await new Promise((r) => setTimeout(r, 20));
    expect(state('suspects-train')).toMatchObject({ code: 'cancelled' });
    bed.workers.holdIf = null;
    askFor('suspects-train');
    await until(() => state('suspects-train').status === 'ready', 'asked again');
  });
});

