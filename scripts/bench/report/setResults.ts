// One data set's figures as results.json keeps them: every run's samples summed up (median, min,
// max, with the runs themselves).
import type { DataSet } from '../data/dataSets';
import type { InflateReferences } from '../references/inflateReferences';
import type { ClickTimes } from '../page/clicks';
import { LOAD_TIMES, type LoadSample } from '../page/load';
import type { MapTime } from '../page/map';
import type { RendererMemory } from '../page/memory';
import type { ProcessMemoryDump } from '../page/memoryDump';
import { GRID_ZOOMS, type GridZoomKey, type ScrollSample } from '../page/scroll';
import { stats, type Stats } from '../stats';

/** What benchSet gathers for a set, before it is summed up. */
export interface SetSamples {
  cold: LoadSample[];
  warm: LoadSample[];
  refs: InflateReferences[];
  statisticsComputed: number[];
  statisticsKept: number[];
  numpyLoad: number[] | null;
  numpyStatistics: { onePass: number[]; same: number[] } | null;
  memory: { totalBytes: number; byScope: Record<string, number> };
  osMemory: RendererMemory | null;
  allocators: ProcessMemoryDump | null;
  clicks: ClickTimes;
  interactions: { sort: number[]; statsView: number[] };
  lookAlikes: { first: number; later: number[] };
  maps: MapTime[];
  mapRuns: number;
  numpyMap: number[] | null;
  profiles: Record<string, string>;
  /** Flings at each zoom of GRID_ZOOMS, by its key. */
  scroll: Record<GridZoomKey, ScrollSample[]>;
}

type LoadStats = Record<(typeof LOAD_TIMES)[number], Stats>;
export interface ScrollStats {
  frames: number;
  rafP50: Stats;
  rafP99: Stats;
  mainThreadMsPerFrame: Stats;
  longTasks: number;
}

export interface SetResults {
  title: string;
  total: number;
  runs: number;
  cold: LoadStats;
  warm: LoadStats & { fromKeptCopy: boolean };
  reference: { nodeZlibMs: Stats; pakoWorkerMs: Stats; nativeWorkerMs: Stats; numpyLoadMs: Stats | null };
  clicks: { single: Stats; all: Stats; nine: Stats; underThreshold: number; count: number };
  statistics: { computedMs: Stats; keptMs: Stats; numpyOnePassMs: Stats | null; numpySameMs: Stats | null; sortSwitchMs: Stats; statsViewMs: Stats };
  lookAlikes: { firstMs: number; laterMs: Stats };
  map: { ms: Stats; scatterMs: Stats; eigenMs: Stats; projectMs: Stats; numpyMs: Stats | null; runs: number };
  scroll: Record<GridZoomKey, ScrollStats>;
  memory: { totalBytes: number; byScope: Record<string, number>; pixelBytes: number; labelBytes: number; shared: boolean };
  osMemory: RendererMemory | null;
  /** The app renderer's memory by allocator, as Chromium accounts it. */
  allocators: ProcessMemoryDump | null;
  /** Main-thread time by kind of work, from full traces (slower than untraced runs). */
  profiles: Record<string, string>;
}

/** stats() of one figure across the samples. */
const statsOf = <T>(samples: readonly T[], figure: (sample: T) => number): Stats => stats(samples.map(figure));
const statsOrNull = (values: number[] | null | undefined): Stats | null => (values ? stats(values) : null);

function loadStats(samples: LoadSample[]): LoadStats {
  return Object.fromEntries(LOAD_TIMES.map((k) => [k, statsOf(samples, (s) => s[k])])) as LoadStats;
}

export function scrollStats(samples: ScrollSample[]): ScrollStats {
  return {
    frames: samples.reduce((n, s) => n + s.frames, 0),
    rafP50: statsOf(samples, (s) => s.rafP50),
    rafP99: statsOf(samples, (s) => s.rafP99),
    mainThreadMsPerFrame: statsOf(samples, (s) => s.mainThreadMsPerFrame),
    longTasks: samples.reduce((n, s) => n + s.longTasks, 0),
  };
}

export function summariseSet(set: DataSet, runs: number, s: SetSamples): SetResults {
  return {
    title: set.title,
    total: set.total,
    runs,
    cold: loadStats(s.cold),
    warm: { ...loadStats(s.warm), fromKeptCopy: s.warm.every((w) => w.fromKeptCopy) },
    reference: {
      nodeZlibMs: statsOf(s.refs, (r) => r.nodeZlibMs),
      pakoWorkerMs: statsOf(s.refs, (r) => r.pakoWorkerMs),
      nativeWorkerMs: statsOf(s.refs, (r) => r.nativeWorkerMs),
      numpyLoadMs: statsOrNull(s.numpyLoad),
    },
    clicks: { single: stats(s.clicks.single), all: stats(s.clicks.all), nine: stats(s.clicks.nine), underThreshold: s.clicks.underThreshold, count: 3 * runs },
    statistics: {
      computedMs: stats(s.statisticsComputed),
      keptMs: stats(s.statisticsKept),
      numpyOnePassMs: statsOrNull(s.numpyStatistics?.onePass),
      numpySameMs: statsOrNull(s.numpyStatistics?.same),
      sortSwitchMs: stats(s.interactions.sort),
      statsViewMs: stats(s.interactions.statsView),
    },
    lookAlikes: { firstMs: s.lookAlikes.first, laterMs: stats(s.lookAlikes.later) },
    map: {
      ms: statsOf(s.maps, (m) => m.ms),
      scatterMs: statsOf(s.maps, (m) => m.scatter),
      eigenMs: statsOf(s.maps, (m) => m.eigen),
      projectMs: statsOf(s.maps, (m) => m.project),
      numpyMs: statsOrNull(s.numpyMap),
      runs: s.mapRuns,
    },
    scroll: Object.fromEntries(GRID_ZOOMS.map(({ key }) => [key, scrollStats(s.scroll[key])])) as Record<GridZoomKey, ScrollStats>,
    memory: { ...s.memory, pixelBytes: s.cold[0]!.pixelBytes, labelBytes: s.cold[0]!.labelBytes, shared: s.cold[0]!.shared },
    osMemory: s.osMemory,
    allocators: s.allocators,
    profiles: s.profiles,
  };
}
