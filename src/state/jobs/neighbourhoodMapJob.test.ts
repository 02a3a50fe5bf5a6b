// The neighbourhood map's job: opening the Map view makes both splits' neighbour tables, then the
// layout in a worker of its own (the real UMAP behind a fake worker); kept and read back with no
// worker; a damaged kept map refused and laid out again; Cancel stops the tables and the layout.
import { describe, expect, it } from 'vitest';
import { explorerStore } from '../store/explorerStore';
import { bed, keptResults, show, smallImages, state, until, prepareJobsTestBed } from '../../testing/jobsTestBed';
import { askFor, cancelNeighbourhoodMap } from './scheduler';

prepareJobsTestBed();

/** Waits until a kept layout is on the in-memory disk. */
async function untilKeptLayout(): Promise<void> {
  for (let i = 0; i < 5_000; i++) {
    if ([...(await keptResults()).keys()].some((k) => k.startsWith('layout-'))) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no layout was kept');
}

const names = () => bed.workers.made.map((w) => w.name);

describe('the neighbourhood map', () => {
  it('opening the Map view makes the neighbour tables, then the layout; the principal components stand in', { timeout: 30_000 }, async () => {
    const dataset = smallImages(40, 20, 10);
    show(dataset);
    explorerStore.getState().setView('map');
    await until(() => state('map').status === 'ready', 'the principal components');
    await until(() => state('neighbourhood-map').status === 'ready', 'the neighbourhood map');
    expect(state('suspects-test').status).toBe('ready');
    expect(state('suspects-train').status).toBe('ready');
    const map = state('neighbourhood-map');
    if (map.status !== 'ready') throw new Error('not ready');
    expect(map.dataset).toBe(dataset);
    expect(map.value.coordinates.length).toBe(60 * 2);
    expect(map.value.coordinates.every(Number.isFinite)).toBe(true);
    expect(names()).toContain('mnist-neighbourhood-map');
    // The layout was handed every digit's 10 neighbours from the two tables, by global id.
    const asked = bed.workers.made.find((w) => w.name === 'mnist-neighbourhood-map')!.requests[0]!.question;
    expect(asked).toMatchObject({ kind: 'neighbourhood-map', seed: 42 });
    if (asked.kind === 'neighbourhood-map') {
      expect(asked.graph.count).toBe(60);
      const test = state('suspects-test');
      if (test.status === 'ready') expect(Array.from(asked.graph.ids.subarray(40 * 10, 41 * 10))).toEqual(Array.from(test.value.table.ids.subarray(0, 10)));
    }
    await until(() => bed.workers.live().length === 0, 'every worker let go');
  });

  it('is kept, and read back on the next visit with no worker; damaged, it is refused and laid out again', { timeout: 30_000 }, async () => {
    show(smallImages(40, 20, 10));
    explorerStore.getState().setView('map');
    await until(() => state('neighbourhood-map').status === 'ready', 'laid out');
    await untilKeptLayout();
    const first = state('neighbourhood-map');
    const made = bed.workers.made.length;
    show(smallImages(40, 20, 10));
    await until(() => state('neighbourhood-map').status === 'ready', 'read back');
    const again = state('neighbourhood-map');
    expect(again.status === 'ready' && again.kept).toBe(true);
    expect(bed.workers.made.slice(made).map((w) => w.name)).not.toContain('mnist-neighbourhood-map');
    if (again.status === 'ready' && first.status === 'ready') expect(Array.from(again.value.coordinates)).toEqual(Array.from(first.value.coordinates));

    const [, file] = [...(await keptResults()).entries()].find(([k]) => k.startsWith('layout-'))!;
    file.contents[file.contents.length - 5]! ^= 0x01;
    const before = bed.workers.made.length;
    show(smallImages(40, 20, 10));
    await until(() => state('neighbourhood-map').status === 'ready', 'laid out again');
    const redone = state('neighbourhood-map');
    expect(redone.status === 'ready' && redone.kept).toBe(false);
    expect(bed.workers.made.slice(before).map((w) => w.name)).toContain('mnist-neighbourhood-map');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('neighbourhood map'));
  });

  it('Cancel stops the neighbour tables it waits for; it starts again only when asked', { timeout: 30_000 }, async () => {
    show(smallImages(40, 20, 10));
    bed.workers.holdIf = (r) => r.question.kind === 'neighbour-table';
    explorerStore.getState().setView('map');
    await until(() => bed.workers.made.some((w) => w.requests.some((r) => r.question.kind === 'neighbour-table')), 'the tables asked');
    cancelNeighbourhoodMap();
    await until(() => state('neighbourhood-map').status === 'failed', 'cancelled');
    expect(state('neighbourhood-map')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(bed.workers.live().filter((w) => w.name.startsWith('mnist-suspects'))).toEqual([]);
    explorerStore.getState().setZoom(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(state('neighbourhood-map')).toMatchObject({ code: 'cancelled' });
    bed.workers.holdIf = null;
    askFor('neighbourhood-map');
    await until(() => state('neighbourhood-map').status === 'ready', 'asked again');
  });
});
