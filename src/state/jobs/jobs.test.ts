// The page's background work, end to end in Node: the scheduler, the runner, the analysis
// client and the kept files, with the real analysis handler behind fake workers and the kept
// files in an in-memory folder (testing/jobsTestBed.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { explorerStore } from '../store/explorerStore';
import { bed, keptResults, makeDataset, show, smallImages, state, until, untilKept, prepareJobsTestBed, files } from '../../testing/jobsTestBed';
import { assembleDataset, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { decodeIdx } from '../../data/decode/idx';
import { CATALOG } from '../../data/dataset/catalog';
import type { LoadedFileInfo } from '../../data/sources/loadedFiles';
import { askFor, askForDrawingLookAlikes, cancelAnalysis } from './scheduler';
import { whenSettled } from './runAnalysis';

prepareJobsTestBed();

describe('the statistics job', () => {
  it('starts after new data is shown, computes in a worker that is let go, and puts the result in the store', async () => {
    const dataset = makeDataset();
    show(dataset);
    await until(() => state('statistics').status === 'computing', 'computing');
    await until(() => state('statistics').status === 'ready', 'ready');
    const ready = state('statistics');
    if (ready.status !== 'ready') throw new Error('not ready');
    expect(ready.dataset).toBe(dataset);
    expect(ready.kept).toBe(false);
    // Counted here from the labels: 12 test digits cycling 1, 2, 3.
    expect(ready.value.test.labelCounts).toEqual([0, 4, 4, 4, 0, 0, 0, 0, 0, 0]);
    expect(bed.workers.made.map((w) => w.name)).toEqual(['mnist-statistics']);
    expect(bed.workers.live()).toEqual([]);
  });

  it('keeps the result once the data’s key is known; the next visit reads it back without a worker', async () => {
    const dataset = makeDataset();
    // Hashes not yet known: computed, but kept only when they arrive.
    show(dataset, null);
    await until(() => state('statistics').status === 'ready', 'ready');
    expect((await keptResults()).size).toBe(0);
    const hashed = files('a');
    const byName = (pick: (f: LoadedFileInfo) => string) => Object.fromEntries(hashed.map((f) => [f.slot, pick(f)])) as Record<LoadedFileInfo['slot'], string>;
    explorerStore.getState().filesHashed(explorerStore.getState().loadedRequestId!, byName((f) => f.sha256!), byName((f) => f.idxSha256!));
    await untilKept();
    expect([...(await keptResults()).keys()]).toEqual([expect.stringMatching(/^statistics-[0-9a-f]{32}\.bin$/)]);

    // The same bytes loaded again (a reload): read back, no worker made.
    const made = bed.workers.made.length;
    const again = makeDataset();
    show(again);
    await until(() => state('statistics').status === 'ready', 'read back');
    const read = state('statistics');
    expect(read.status === 'ready' && read.kept && read.dataset === again).toBe(true);
    expect(bed.workers.made.length).toBe(made);
    if (read.status === 'ready') expect(read.value.test.labelCounts).toEqual([0, 4, 4, 4, 0, 0, 0, 0, 0, 0]);
  });

  it('a kept copy damaged on disk is refused, forgotten and computed again', async () => {
    show(makeDataset());
    await until(() => state('statistics').status === 'ready', 'ready');
    await untilKept();
    const [file] = [...(await keptResults()).values()];
    file!.contents[file!.contents.length - 3]! ^= 0x10;
    const made = bed.workers.made.length;
    show(makeDataset());
    await until(() => state('statistics').status === 'ready', 'ready again');
    const again = state('statistics');
    expect(again.status === 'ready' && again.kept).toBe(false);
    expect(bed.workers.made.length).toBe(made + 1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('its SHA-256 does not match'));
  });
});

describe('the map job', () => {
  // The principal-components map alone (the neighbourhood map has its own tests).
  beforeEach(() => explorerStore.getState().setLayout('pca'));

  it('runs only when the Map view (or a region) wants it', async () => {
    show(smallImages());
    await until(() => state('statistics').status === 'ready', 'statistics');
    expect(state('map').status).toBe('none');
    explorerStore.getState().setView('map');
    await until(() => state('map').status === 'ready', 'the map');
  });

  it('superseded by a new dataset: the old answer is dropped and its worker ended', async () => {
    const first = smallImages();
    show(first);
    bed.workers.holding = true;
    explorerStore.getState().setView('map');
    await until(() => bed.workers.made.some((w) => w.name === 'mnist-map'), 'a map worker');
    const mapWorker = bed.workers.made.find((w) => w.name === 'mnist-map')!;
    const second = smallImages(20, 5);
    show(second);
    expect(mapWorker.terminated).toBe(true);
    // The new data's map is asked for (the view still wants it), the old one's never lands.
    bed.workers.holding = false;
    for (const w of bed.workers.live()) w.release();
    await until(() => state('map').status === 'ready', 'the new map');
    const map = state('map');
    expect(map.status === 'ready' && map.dataset).toBe(second);
    if (map.status === 'ready') expect(map.value.coordinates.length).toBe(25 * 2);
  });

  it('Cancel ends the worker and says so; it waits for Retry instead of starting again by itself', async () => {
    show(smallImages());
    bed.workers.holding = true;
    explorerStore.getState().setView('map');
    await until(() => bed.workers.made.some((w) => w.name === 'mnist-map'), 'a map worker');
    cancelAnalysis('map');
    expect(state('map')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(bed.workers.made.find((w) => w.name === 'mnist-map')!.terminated).toBe(true);
    // Any change to the store asks the scheduler again: a cancelled map stays cancelled.
    explorerStore.getState().setZoom(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(state('map')).toMatchObject({ status: 'failed', code: 'cancelled' });
    bed.workers.holding = false;
    askFor('map');
    await until(() => state('map').status === 'ready', 'retried');
  });

  it('a worker that crashes is a failure of its own kind, with a way to try again', async () => {
    show(smallImages());
    bed.workers.holding = true;
    explorerStore.getState().setView('map');
    await until(() => bed.workers.made.some((w) => w.name === 'mnist-map'), 'a map worker');
    bed.workers.made.find((w) => w.name === 'mnist-map')!.crash('out of memory');
    await until(() => state('map').status === 'failed', 'failed');
    expect(state('map')).toMatchObject({ status: 'failed', code: 'worker-crashed', message: expect.stringContaining('out of memory') });
    bed.workers.holding = false;
    askFor('map');
    await until(() => state('map').status === 'ready', 'retried on a fresh worker');
  });

  it('an answer to another question is a protocol failure', async () => {
    show(smallImages());
    await until(() => state('statistics').status === 'ready', 'statistics');
    bed.workers.forge = (request) => ({ type: 'analysed', requestId: request.requestId, ms: 1, result: { kind: 'neighbours', query: 0, neighbours: [] } });
    explorerStore.getState().setView('map');
    await until(() => state('map').status === 'failed', 'failed');
    expect(state('map')).toMatchObject({ code: 'protocol', message: 'the worker answered a map question with neighbours' });
  });

  it('the worker’s own refusal keeps its code (too-large)', async () => {
    const big = assembleDataset({ train: { images: decodeIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 65, 0, 0, 0, 65, ...new Uint8Array(65 * 65)])), labels: decodeIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 3])) }, test: null }, CATALOG.idx);
    show(big);
    explorerStore.getState().setView('map');
    await until(() => state('map').status === 'failed', 'failed');
    expect(state('map')).toMatchObject({ code: 'too-large' });
  });
});

describe('the look-alikes job', () => {
  it('asks about the open digit; one worker, handed the dataset once, answers every later question by its key', async () => {
    const dataset = makeDataset();
    show(dataset);
    explorerStore.getState().setOpen({ split: 'train', index: 3 });
    await until(() => state('look-alikes').status === 'ready', 'the first');
    expect(state('look-alikes')).toMatchObject({ subject: 3 });
    explorerStore.getState().setOpen({ split: 'test', index: 2 });
    await until(() => state('look-alikes').status === 'ready' && (state('look-alikes') as { subject: number }).subject === 32, 'the second');
    const worker = bed.workers.made.filter((w) => w.name === 'mnist-look-alikes');
    expect(worker).toHaveLength(1);
    expect(worker[0]!.requests.map((r) => r.dataset === dataset)).toEqual([true, false]);
    const answer = state('look-alikes');
    if (answer.status === 'ready') expect(answer.value).toHaveLength(10);
  });
});

describe('the drawing pad’s look-alikes job', () => {
  /** The 10 digits nearest to `image`, measured here one by one (nearest first, ties to the smaller id). */
  function bruteForce(dataset: Dataset, image: Uint8Array): { id: number; distance: number }[] {
    const total = dataset.train.count + dataset.test.count;
    return Array.from({ length: total }, (_, id) => ({ id, distance: Math.hypot(...Array.from(pixelsOf(dataset, id), (v, p) => v - image[p]!)) }))
      .sort((a, b) => a.distance - b.distance || a.id - b.id)
      .slice(0, 10);
  }

  it('answers for the newest drawing only, by its number, on the open digit’s look-alikes worker', async () => {
    const dataset = makeDataset();
    show(dataset);
    explorerStore.getState().setOpen({ split: 'train', index: 3 });
    await until(() => state('look-alikes').status === 'ready', 'the open digit’s');
    const first = Uint8Array.from(pixelsOf(dataset, 5), (v, p) => (p % 7 === 0 ? 255 - v : v));
    const second = Uint8Array.from(pixelsOf(dataset, 33), (v, p) => (p % 5 === 0 ? 0 : v));
    const one = askForDrawingLookAlikes(first);
    const two = askForDrawingLookAlikes(second);
    expect(two).toBe(one + 1);
    await until(() => state('drawing-look-alikes').status === 'ready', 'the drawing’s');
    const answer = state('drawing-look-alikes');
    if (answer.status !== 'ready') throw new Error('not ready');
    expect(answer.subject).toBe(two);
    expect(answer.value.map((n) => n.id)).toEqual(bruteForce(dataset, second).map((n) => n.id));
    answer.value.forEach((n, i) => expect(n.distance).toBeCloseTo(bruteForce(dataset, second)[i]!.distance, 9));
    expect(bed.workers.made.filter((w) => w.name === 'mnist-look-alikes')).toHaveLength(1);
  });
});

describe('waiting for an analysis', () => {
  it('resolves when it settles, when another dataset is shown, or after the time given', async () => {
    const dataset = makeDataset();
    bed.workers.holding = true;
    show(dataset);
    const started = Date.now();
    await whenSettled('statistics', dataset, 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const waiting = whenSettled('statistics', dataset, 10_000);
    show(makeDataset());
    await waiting;
  });
});
