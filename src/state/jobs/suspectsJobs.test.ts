// The suspect labels' jobs: two workers share a split, the splits share a lane, Cancel stops both.
import { describe, expect, it } from 'vitest';
import { explorerStore } from '../store/explorerStore';
import { bed, show, smallImages, state, until, prepareJobsTestBed } from '../../testing/jobsTestBed';
import { askFor } from './scheduler';
import { principalComponents, project } from '../../data/analysis/pca';
import { pixelCount } from '../../data/dataset/dataset';

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
    // The projection once, its work halved (all 60 digits: 30 each), then the test split (20
    // digits) shared by the two workers, 10 each, then the train split, every digit's
    // coordinates handed to each.
    const [first, second] = ['mnist-suspects-1', 'mnist-suspects-2'].map((n) => bed.workers.made.find((w) => w.name === n)!.requests.map((r) => r.question));
    const shape = (q: { kind: string; from?: number; to?: number }) => [q.kind, q.from, q.to];
    expect(first!.map(shape)).toEqual([['scatter', 0, 30], ['projection', 0, 30], ['neighbour-table', 40, 50], ['neighbour-table', 0, 20]]);
    expect(second!.map(shape)).toEqual([['scatter', 30, 60], ['projection', 30, 60], ['neighbour-table', 50, 60], ['neighbour-table', 20, 40]]);
    // The coordinates handed over equal a projection done here of every digit at once.
    const data = explorerStore.getState().dataset!;
    const blocks = [data.train, data.test];
    const whole = project(blocks, principalComponents(blocks, pixelCount(data), 50), 50);
    for (const q of [...first!, ...second!]) if (q.kind === 'neighbour-table') expect(q.points).toEqual(whole);
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

