// The page's background work, end to end in Node: the scheduler, the runner, the analysis
// client and the kept files, with the real analysis handler behind fake workers and the kept
// files in an in-memory folder.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assembleDataset, type Dataset } from '../../data/dataset/dataset';
import { decodeIdx } from '../../data/decode/idx';
import { MNIST_FILES } from '../../data/dataset/mnist';
import type { LoadedFileInfo } from '../../data/sources/loadedFiles';
import { FakeWorkers } from '../../testing/fakeAnalysisWorker';
import { MemoryDirectory, MemoryFileHandle } from '../../testing/memoryDirectory';
import { makeIdx, patternBytes, syntheticSplit } from '../../testing/idxFiles';
import { CATALOG } from '../../data/dataset/catalog';
import { setKeptRoot } from '../kept/keptStorage';
import { explorerStore, initialFacts } from '../store/explorerStore';
import type { AnalysisName } from '../store/analysisState';
import { setAnalysisWorkerFactory } from './analysisClient';
import { askFor, cancelAnalysis, startJobs } from './scheduler';
import { whenSettled } from './runAnalysis';

/** Images of 6 × 6 pixels (the principal components of 784 random pixels take seconds). */
function smallImages(train = 30, test = 12, side = 6): Dataset {
  const split = (count: number, seed: number) => ({
    images: decodeIdx(makeIdx({ dims: [count, side, side], data: patternBytes(count * side * side, seed) })),
    labels: decodeIdx(makeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => i % 3) })),
  });
  return assembleDataset({ train: split(train, 1), test: split(test, 2) }, CATALOG.idx);
}

function makeDataset(train = 30, test = 12): Dataset {
  const a = syntheticSplit(train);
  const b = syntheticSplit(test, [1, 2, 3]);
  return assembleDataset({
    train: { images: decodeIdx(a.images), labels: decodeIdx(a.labels) },
    test: { images: decodeIdx(b.images), labels: decodeIdx(b.labels) },
  });
}

/** Files as the loader reports them once hashed (the data's key is then known), or before (`hash` null). */
const files = (hash: string | null): LoadedFileInfo[] =>
  MNIST_FILES.map((f, i) => ({
    slot: f.slot,
    name: f.name,
    url: `http://x/${f.name}`,
    servedBytes: 1,
    format: 'gzip',
    inflatedBytes: 1,
    magic: '00000803',
    idxType: 8,
    dims: [1],
    sha256: hash && hash.repeat(64),
    idxSha256: hash && String(i).repeat(64).slice(0, 63) + hash,
    blob: new Blob([]),
  }));

let nextLoad = 1;
/** Puts `dataset` on screen as a finished load (its files hashed unless told otherwise). */
function show(dataset: Dataset, hash: string | null = 'a'): void {
  const id = nextLoad++;
  explorerStore.getState().loadStarted(id, { kind: 'bundled' });
  explorerStore.getState().loadSucceeded(id, { dataset, files: files(hash), shared: true, decodeMs: 1, fromCache: false });
}

const state = <N extends AnalysisName>(name: N) => explorerStore.getState().analyses[name];

/** Waits until `check` holds (the jobs move on timers and promises); the test's own time limit bounds it. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`never: ${what}`);
}

let workers: FakeWorkers;
let disk: MemoryDirectory;
let stop: () => void;

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  explorerStore.setState(initialFacts);
  workers = new FakeWorkers();
  setAnalysisWorkerFactory(workers.factory);
  disk = new MemoryDirectory();
  setKeptRoot(disk.asHandle());
  stop = startJobs();
});

afterEach(() => {
  stop();
  // A new dataset ends what still runs, as a real page does.
  explorerStore.setState(initialFacts);
  setAnalysisWorkerFactory(null);
  setKeptRoot(null);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The kept results' files on the in-memory disk. */
async function keptResults(): Promise<Map<string, MemoryFileHandle>> {
  const found = new Map<string, MemoryFileHandle>();
  const root = await disk.getDirectoryHandle('mnist-explorer-cache').catch(() => null);
  const results = await root?.getDirectoryHandle('results').catch(() => null);
  if (!results) return found;
  for await (const [name, handle] of results) if (handle instanceof MemoryFileHandle) found.set(name, handle);
  return found;
}

/** Waits until a result is kept on the in-memory disk. */
async function untilKept(): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if ((await keptResults()).size > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('nothing was kept');
}

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
    expect(workers.made.map((w) => w.name)).toEqual(['mnist-statistics']);
    expect(workers.live()).toEqual([]);
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
    const made = workers.made.length;
    const again = makeDataset();
    show(again);
    await until(() => state('statistics').status === 'ready', 'read back');
    const read = state('statistics');
    expect(read.status === 'ready' && read.kept && read.dataset === again).toBe(true);
    expect(workers.made.length).toBe(made);
    if (read.status === 'ready') expect(read.value.test.labelCounts).toEqual([0, 4, 4, 4, 0, 0, 0, 0, 0, 0]);
  });

  it('a kept copy damaged on disk is refused, forgotten and computed again', async () => {
    show(makeDataset());
    await until(() => state('statistics').status === 'ready', 'ready');
    await untilKept();
    const [file] = [...(await keptResults()).values()];
    file!.contents[file!.contents.length - 3]! ^= 0x10;
    const made = workers.made.length;
    show(makeDataset());
    await until(() => state('statistics').status === 'ready', 'ready again');
    const again = state('statistics');
    expect(again.status === 'ready' && again.kept).toBe(false);
    expect(workers.made.length).toBe(made + 1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('its SHA-256 does not match'));
  });
});

describe('the map job', () => {
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
    workers.holding = true;
    explorerStore.getState().setView('map');
    await until(() => workers.made.some((w) => w.name === 'mnist-map'), 'a map worker');
    const mapWorker = workers.made.find((w) => w.name === 'mnist-map')!;
    const second = smallImages(20, 5);
    show(second);
    expect(mapWorker.terminated).toBe(true);
    // The new data's map is asked for (the view still wants it), the old one's never lands.
    workers.holding = false;
    for (const w of workers.live()) w.release();
    await until(() => state('map').status === 'ready', 'the new map');
    const map = state('map');
    expect(map.status === 'ready' && map.dataset).toBe(second);
    if (map.status === 'ready') expect(map.value.coordinates.length).toBe(25 * 2);
  });

  it('Cancel ends the worker and says so; it waits for Retry instead of starting again by itself', async () => {
    show(smallImages());
    workers.holding = true;
    explorerStore.getState().setView('map');
    await until(() => workers.made.some((w) => w.name === 'mnist-map'), 'a map worker');
    cancelAnalysis('map');
    expect(state('map')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(workers.made.find((w) => w.name === 'mnist-map')!.terminated).toBe(true);
    // Any change to the store asks the scheduler again: a cancelled map stays cancelled.
    explorerStore.getState().setZoom(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(state('map')).toMatchObject({ status: 'failed', code: 'cancelled' });
    workers.holding = false;
    askFor('map');
    await until(() => state('map').status === 'ready', 'retried');
  });

  it('a worker that crashes is a failure of its own kind, with a way to try again', async () => {
    show(smallImages());
    workers.holding = true;
    explorerStore.getState().setView('map');
    await until(() => workers.made.some((w) => w.name === 'mnist-map'), 'a map worker');
    workers.made.find((w) => w.name === 'mnist-map')!.crash('out of memory');
    await until(() => state('map').status === 'failed', 'failed');
    expect(state('map')).toMatchObject({ status: 'failed', code: 'worker-crashed', message: expect.stringContaining('out of memory') });
    workers.holding = false;
    askFor('map');
    await until(() => state('map').status === 'ready', 'retried on a fresh worker');
  });

  it('an answer to another question is a protocol failure', async () => {
    show(smallImages());
    await until(() => state('statistics').status === 'ready', 'statistics');
    workers.forge = (request) => ({ type: 'analysed', requestId: request.requestId, ms: 1, result: { kind: 'neighbours', query: 0, neighbours: [] } });
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
    const worker = workers.made.filter((w) => w.name === 'mnist-look-alikes');
    expect(worker).toHaveLength(1);
    expect(worker[0]!.requests.map((r) => r.dataset === dataset)).toEqual([true, false]);
    const answer = state('look-alikes');
    if (answer.status === 'ready') expect(answer.value).toHaveLength(10);
  });
});

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
    const names = workers.made.map((w) => w.name).filter((n) => n.startsWith('mnist-suspects'));
    expect(names).toEqual(['mnist-suspects-1', 'mnist-suspects-2']);
    // The test split (20 digits) first, shared by the two workers: 10 each.
    expect(workers.made.find((w) => w.name === 'mnist-suspects-1')!.requests.map((r) => r.question)).toEqual([
      { kind: 'neighbour-table', from: 40, to: 50, k: 10 },
      { kind: 'neighbour-table', from: 0, to: 20, k: 10 },
    ]);
    expect(new Set(seen)).toEqual(new Set([20]));
    // Both workers go once the lane is idle.
    await until(() => workers.live().length === 0, 'workers let go');
    const test = state('suspects-test');
    if (test.status === 'ready') expect([test.value.from, test.value.to, test.value.table.ids.length]).toEqual([40, 60, 200]);
  });

  it('Cancel stops both splits and what was done stays; they start again only when asked', async () => {
    show(smallImages(40, 20, 10));
    const trainSplit = (r: { question: { kind: string; from?: number } }) => r.question.kind === 'neighbour-table' && r.question.from === 0;
    workers.holdIf = trainSplit;
    explorerStore.getState().setSort('suspect');
    await until(() => state('suspects-test').status === 'ready', 'the test split');
    await until(() => workers.made.some((w) => w.requests.some(trainSplit)), 'the train split asked');
    const { cancelSuspects } = await import('./scheduler');
    cancelSuspects();
    expect(state('suspects-test').status).toBe('ready');
    expect(state('suspects-train')).toMatchObject({ status: 'failed', code: 'cancelled' });
    expect(workers.live().filter((w) => w.name.startsWith('mnist-suspects'))).toEqual([]);
    explorerStore.getState().setSplit('train');
    await new Promise((r) => setTimeout(r, 20));
    expect(state('suspects-train')).toMatchObject({ code: 'cancelled' });
    workers.holdIf = null;
    askFor('suspects-train');
    await until(() => state('suspects-train').status === 'ready', 'asked again');
  });
});

describe('waiting for an analysis', () => {
  it('resolves when it settles, when another dataset is shown, or after the time given', async () => {
    const dataset = makeDataset();
    workers.holding = true;
    show(dataset);
    const started = Date.now();
    await whenSettled('statistics', dataset, 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const waiting = whenSettled('statistics', dataset, 10_000);
    show(makeDataset());
    await waiting;
  });
});
