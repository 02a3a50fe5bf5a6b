// A test bed for the page's background work in Node: the real store, scheduler and analysis
// handler, fake workers at the Worker boundary and kept files in an in-memory folder.
import { afterEach, beforeEach, vi } from 'vitest';
import { assembleDataset, type Dataset } from '../data/dataset/dataset';
import { decodeIdx } from '../data/decode/idx';
import { MNIST_FILES } from '../data/dataset/mnist';
import { CATALOG } from '../data/dataset/catalog';
import type { LoadedFileInfo } from '../data/sources/loadedFiles';
import { setKeptRoot, KEPT_ROOT, RESULTS_DIR } from '../state/kept/keptStorage';
import { explorerStore, initialFacts } from '../state/store/explorerStore';
import type { AnalysisName } from '../state/store/analysisState';
import { setAnalysisWorkerFactory } from '../state/jobs/analysisClient';
import { startJobs } from '../state/jobs/scheduler';
import { FakeWorkers } from './fakeAnalysisWorker';
import { MemoryDirectory, MemoryFileHandle } from './memoryDirectory';
import { makeIdx, patternBytes, syntheticSplit } from './idxFiles';

/** Images of 6 × 6 pixels (the principal components of 784 random pixels take seconds). */
export function smallImages(train = 30, test = 12, side = 6): Dataset {
  const split = (count: number, seed: number) => ({
    images: decodeIdx(makeIdx({ dims: [count, side, side], data: patternBytes(count * side * side, seed) })),
    labels: decodeIdx(makeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => i % 3) })),
  });
  return assembleDataset({ train: split(train, 1), test: split(test, 2) }, CATALOG.idx);
}

export function makeDataset(train = 30, test = 12): Dataset {
  const a = syntheticSplit(train);
  const b = syntheticSplit(test, [1, 2, 3]);
  return assembleDataset({
    train: { images: decodeIdx(a.images), labels: decodeIdx(a.labels) },
    test: { images: decodeIdx(b.images), labels: decodeIdx(b.labels) },
  });
}

/** Files as the loader reports them once hashed (the data's key is then known), or before (`hash` null). */
export const files = (hash: string | null): LoadedFileInfo[] =>
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
export function show(dataset: Dataset, hash: string | null = 'a'): void {
  const id = nextLoad++;
  explorerStore.getState().loadStarted(id, { kind: 'bundled' });
  explorerStore.getState().loadSucceeded(id, { dataset, files: files(hash), shared: true, decodeMs: 1, fromKeptCopy: false, offline: false });
}

export const state = <N extends AnalysisName>(name: N) => explorerStore.getState().analyses[name];

/** Waits until `check` holds (the jobs move on timers and promises); the test's own time limit bounds it. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`never: ${what}`);
}

/** What a test works with: the fake workers made, and the in-memory disk. */
export const bed = { workers: new FakeWorkers(), disk: new MemoryDirectory() };
let stop: () => void = () => undefined;

/** Sets the bed up before each test of the file that calls it, and clears it after. */
export function prepareJobsTestBed(): void {
  beforeEach(setUp);
  afterEach(tearDown);
}

function setUp(): void {
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  explorerStore.setState(initialFacts);
  bed.workers = new FakeWorkers();
  setAnalysisWorkerFactory(bed.workers.factory);
  bed.disk = new MemoryDirectory();
  setKeptRoot(bed.disk.asHandle());
  stop = startJobs();
}

function tearDown(): void {
  stop();
  // A new dataset ends what still runs, as a real page does.
  explorerStore.setState(initialFacts);
  setAnalysisWorkerFactory(null);
  setKeptRoot(null);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
}

/** The kept results' files on the in-memory disk. */
export async function keptResults(): Promise<Map<string, MemoryFileHandle>> {
  const found = new Map<string, MemoryFileHandle>();
  const root = await bed.disk.getDirectoryHandle(KEPT_ROOT).catch(() => null);
  const results = await root?.getDirectoryHandle(RESULTS_DIR).catch(() => null);
  if (!results) return found;
  for await (const [name, handle] of results) if (handle instanceof MemoryFileHandle) found.set(name, handle);
  return found;
}

/** Waits until a result is kept on the in-memory disk. */
export async function untilKept(): Promise<void> {
  for (let i = 0; i < 20_000; i++) {
    if ((await keptResults()).size > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('nothing was kept');
}
