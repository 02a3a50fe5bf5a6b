// The main table: one row per measure, one column per data set, and the target where there is one.
import { FRAME_BUDGET_MS, GRID_ZOOMS } from '../page/scroll';
import type { Stats } from '../stats';
import { mb, mbOrDash, ms, ms1, ratio } from './format';
import type { SetResults } from './setResults';

export type Row = [measure: string, first: string, second: string, target: string];

// measureUserAgentSpecificMemory counts a SharedArrayBuffer once per scope that holds it, and
// (it seems) once per JS object standing for it: an estimate, next to the OS's own figures.
function memoryBeyondBuffers(s: SetResults): number {
  const scopesHoldingBuffers = Object.keys(s.memory.byScope).filter((k) => k !== 'shared' && s.memory.byScope[k]! > s.memory.pixelBytes).length;
  return s.memory.totalBytes - scopesHoldingBuffers * (s.memory.pixelBytes + s.memory.labelBytes);
}

/** The renderer's private memory less a blank page's (OS figures), less `also` bytes; null without them. */
function rendererPrivateBytes(s: Pick<SetResults, 'osMemory'>, also = 0): number | null {
  return s.osMemory ? s.osMemory.app.rssAnonBytes - s.osMemory.blank.rssAnonBytes - also : null;
}

/** What the grid's part of the benchmark (BENCH_ONLY=grid) measures of a set, and the full run too. */
export type GridResults = Pick<SetResults, 'title' | 'runs' | 'clicks' | 'scroll' | 'osMemory' | 'allocators' | 'profiles'> & { memory: Pick<SetResults['memory'], 'pixelBytes' | 'labelBytes'> };

function scrollRows(a: GridResults, b: GridResults, zoom: (typeof GRID_ZOOMS)[number]): Row[] {
  const frames = (s: GridResults) => {
    const z = s.scroll[zoom.key];
    return `${z.rafP50.median.toFixed(1)} / ${z.rafP99.median.toFixed(1)}, ${z.longTasks} in ${z.frames} frames`;
  };
  return [
    [`scroll, ${zoom.label}: main-thread ms per frame (trace)`, ms1(a.scroll[zoom.key].mainThreadMsPerFrame), ms1(b.scroll[zoom.key].mainThreadMsPerFrame), `≤ ${zoom.budgetMs}`],
    [`scroll, ${zoom.label}: rAF interval p50 / p99 (ms), long tasks`, frames(a), frames(b), `p99 ≤ ${FRAME_BUDGET_MS}`],
  ];
}

export function setRows(a: SetResults, b: SetResults): Row[] {
  const row = (measure: string, cell: (s: SetResults) => string, target = ''): Row => [measure, cell(a), cell(b), target];
  const median = (s: Stats) => s.median.toFixed(0);
  return [
    row('cold: navigation → loader worker created (ms)', (s) => ms(s.cold.workerCreatedMs)),
    row('cold: worker start → 4 files decoded (ms)', (s) => ms(s.cold.decodeMs)),
    row('reference: pako alone, fresh worker (ms)', (s) => ms(s.reference.pakoWorkerMs)),
    row('reference: DecompressionStream, fresh worker (ms)', (s) => ms(s.reference.nativeWorkerMs)),
    row('reference: Node zlib.gunzipSync (ms)', (s) => ms(s.reference.nodeZlibMs)),
    row('ratio: cold decode ÷ pako alone', (s) => ratio(s.cold.decodeMs, s.reference.pakoWorkerMs), '≤ 1.4 ×'),
    row('cold: navigation → status text shown (ms)', (s) => ms(s.cold.navToStatusMs), `≤ 2 × pako alone = ${(2 * a.reference.pakoWorkerMs.median).toFixed(0)} (MNIST)`),
    row('cold: navigation → status painted (ms)', (s) => ms(s.cold.navToStatusPaintedMs)),
    row('cold: navigation → first digit painted (ms)', (s) => ms(s.cold.firstDigitMs), '≤ 250'),
    row('cold: longest task, data → status painted (ms)', (s) => ms(s.cold.longestTaskAfterLoadMs), '≤ 50 at 10×'),
    row(`warm: worker start → decoded${a.warm.fromKeptCopy && b.warm.fromKeptCopy ? ' (kept copy)' : ''} (ms)`, (s) => ms(s.warm.decodeMs)),
    row('warm: navigation → status text shown (ms)', (s) => ms(s.warm.navToStatusMs)),
    row('reference: numpy load_data, 4 files (ms)', (s) => ms(s.reference.numpyLoadMs)),
    row('ratio: cold status shown ÷ numpy', (s) => ratio(s.cold.navToStatusMs, s.reference.numpyLoadMs), '≤ 3 ×'),
    row('ratio: warm status shown ÷ numpy', (s) => ratio(s.warm.navToStatusMs, s.reference.numpyLoadMs), '≤ 1.0 ×'),
    row('warm: navigation → first digit painted (ms)', (s) => ms(s.warm.firstDigitMs)),
    row('warm: longest task, data → status painted (ms)', (s) => ms(s.warm.longestTaskAfterLoadMs)),
    row('layout shift, cold / warm (CLS)', (s) => `${s.cold.layoutShift.median.toFixed(4)} / ${s.warm.layoutShift.median.toFixed(4)}`, '≤ 0.1'),
    row('click → next paint: one digit (ms, Event Timing)', (s) => ms(s.clicks.single), '≤ 32'),
    row('click → next paint: All (ms)', (s) => ms(s.clicks.all), '≤ 32'),
    row('click → next paint: 8 → 9 digits (ms)', (s) => ms(s.clicks.nine), '≤ 32'),
    row('clicks under 16 ms (no Event Timing entry; counted as 16)', (s) => `${s.clicks.underThreshold} of ${s.clicks.count}`),
    row('statistics: all digits, in the analysis worker (ms)', (s) => ms(s.statistics.computedMs), '≤ 300 (MNIST)'),
    row('reference: numpy, one pass over the pixels, X.sum(axis=1) (ms)', (s) => ms(s.statistics.numpyOnePassMs)),
    row('ratio: statistics ÷ numpy one pass', (s) => ratio(s.statistics.computedMs, s.statistics.numpyOnePassMs)),
    row('reference: numpy, the same statistics (means, std, histogram, ink, distances) (ms)', (s) => ms(s.statistics.numpySameMs)),
    row('warm: statistics read back from the kept copy (ms)', (s) => ms(s.statistics.keptMs)),
    row('sort switch → next frame painted (ms)', (s) => ms(s.statistics.sortSwitchMs), '≤ 50'),
    row('Statistics tab → first frame painted (ms)', (s) => ms(s.statistics.statsViewMs), '≤ 100'),
    row('look-alikes: 10 nearest of all digits, asked → answered (ms)', (s) => ms(s.lookAlikes.laterMs), '≤ 150'),
    row('  … the first query, with every digit’s norm (ms)', (s) => s.lookAlikes.firstMs.toFixed(0)),
    row(`map: PCA of all digits in the analysis worker (ms; ${b.map.runs} run at 10×)`, (s) => ms(s.map.ms), '≤ 5000 (MNIST)'),
    row('  … scatter matrix / eigenvectors / projection (ms)', (s) => `${median(s.map.scatterMs)} / ${median(s.map.eigenMs)} / ${median(s.map.projectMs)}`),
    row('reference: numpy, np.cov + eigh + projection (ms)', (s) => ms(s.map.numpyMs)),
    ...GRID_ZOOMS.flatMap((zoom) => scrollRows(a, b, zoom)),
    row('memory: pixel + label buffers', (s) => `${mb(s.memory.pixelBytes + s.memory.labelBytes)}${s.memory.shared ? ' (shared)' : ''}`, 'held once'),
    row('memory: renderer (page + worker) private, less a blank page’s (OS, RssAnon)', (s) => mbOrDash(rendererPrivateBytes(s))),
    // Page and worker share one process, so the SharedArrayBuffer is private anonymous memory there.
    row('  … beyond the pixel + label buffers', (s) => mbOrDash(rendererPrivateBytes(s, s.memory.pixelBytes + s.memory.labelBytes)), '≤ 15 MB (MNIST)'),
    row('memory: page + worker by measureUserAgentSpecificMemory', (s) => mb(s.memory.totalBytes)),
    row('  … less one buffer per scope holding it', (s) => mb(memoryBeyondBuffers(s))),
  ];
}

/** The grid's rows: clicks, flings at each zoom, memory beyond the buffers. */
export function gridRows(a: GridResults, b: GridResults): Row[] {
  const row = (measure: string, cell: (s: GridResults) => string, target = ''): Row => [measure, cell(a), cell(b), target];
  return [
    row('click → next paint: one digit (ms, Event Timing)', (s) => ms(s.clicks.single), '≤ 32'),
    row('click → next paint: All (ms)', (s) => ms(s.clicks.all), '≤ 32'),
    row('click → next paint: 8 → 9 digits (ms)', (s) => ms(s.clicks.nine), '≤ 32'),
    row('clicks under 16 ms (no Event Timing entry; counted as 16)', (s) => `${s.clicks.underThreshold} of ${s.clicks.count}`),
    ...GRID_ZOOMS.flatMap((zoom) => scrollRows(a, b, zoom)),
    row('memory: renderer (page + worker) private beyond the pixel + label buffers, less a blank page’s (OS, RssAnon)', (s) => mbOrDash(rendererPrivateBytes(s, s.memory.pixelBytes + s.memory.labelBytes)), '≤ 15 MB (MNIST)'),
  ];
}

/** What the loads' part of the benchmark (BENCH_ONLY=loads) measures of a set. */
export interface LoadResults {
  title: string;
  runs: number;
  cold: { navToStatusMs: Stats; decodeMs: Stats; firstDigitMs: Stats };
  warm: { navToStatusMs: Stats; decodeMs: Stats; fromKeptCopy: boolean };
  pakoWorkerMs: Stats;
  nativeWorkerMs: Stats;
  numpyLoadMs: Stats | null;
}

/** The start's rows: cold and warm against numpy's load_data and the inflaters alone. */
export function loadRows(a: LoadResults, b: LoadResults): Row[] {
  const row = (measure: string, cell: (s: LoadResults) => string, target = ''): Row => [measure, cell(a), cell(b), target];
  return [
    row('cold: navigation → status text shown (ms)', (s) => ms(s.cold.navToStatusMs)),
    row('cold: worker start → 4 files decoded (ms)', (s) => ms(s.cold.decodeMs)),
    row('cold: navigation → first digit painted (ms)', (s) => ms(s.cold.firstDigitMs)),
    row('reference: pako alone, fresh worker (ms)', (s) => ms(s.pakoWorkerMs)),
    row('reference: DecompressionStream, fresh worker (ms)', (s) => ms(s.nativeWorkerMs)),
    row(`warm: worker start → decoded${a.warm.fromKeptCopy && b.warm.fromKeptCopy ? ' (kept copy)' : ''} (ms)`, (s) => ms(s.warm.decodeMs)),
    row('warm: navigation → status text shown (ms)', (s) => ms(s.warm.navToStatusMs)),
    row('reference: numpy load_data, 4 files (ms)', (s) => (s.numpyLoadMs ? ms(s.numpyLoadMs) : '–')),
    row('ratio: pako alone ÷ numpy', (s) => ratio(s.pakoWorkerMs, s.numpyLoadMs)),
    row('ratio: cold status shown ÷ numpy', (s) => ratio(s.cold.navToStatusMs, s.numpyLoadMs), '≤ 3 ×'),
    row('ratio: warm status shown ÷ numpy', (s) => ratio(s.warm.navToStatusMs, s.numpyLoadMs), '≤ 1.0 ×'),
  ];
}
