// The neighbourhood map of the dataset on screen: UMAP of every digit's exact neighbours, from
// the neighbour tables of both splits (the suspect labels' jobs make them, and keep them); the
// layout in an analysis worker of its own, kept with the decoded copy. While it runs the Map view
// shows the principal-components map beneath its progress.
import type { Dataset } from '../../data/dataset/dataset';
import type { Split } from '../../data/dataset/fileSlots';
import { joinTables, type NeighbourTable } from '../../data/analysis/knn';
import { NEIGHBOURHOOD_EPOCHS, NEIGHBOURHOOD_SEED, type NeighbourGraph } from '../../data/analysis/neighbourhoodLayout';
import { SUSPECT_NEIGHBOURS } from '../../data/analysis/suspects';
import { keepNeighbourhoodMap, readKeptNeighbourhoodMap } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { suspectsOf } from '../store/analysisState';
import { explorerStore } from '../store/explorerStore';
import { AnalysisFailure, analysisWorker, cancelled } from './analysisClient';
import { runAnalysis, type AnalysisJob } from './runAnalysis';
import { suspectsJobs } from './suspectsJobs';

/** The library that lays the map out, as recorded with a kept map. */
export const LAYOUT_LIBRARY = 'embedding-atlas 0.26.0 (UMAP, WASM)';

const SETTINGS = { neighbours: SUSPECT_NEIGHBOURS, epochs: NEIGHBOURHOOD_EPOCHS, seed: NEIGHBOURHOOD_SEED };

/** Both splits' tables joined into one graph of every digit, by global id. */
function graphOf(tables: readonly NeighbourTable[], count: number): NeighbourGraph {
  const { k, ids, distances } = joinTables([...tables].sort((x, y) => x.from - y.from));
  return { count, k, ids, distances };
}

/**
 * The neighbour tables of every split that has digits: the suspect labels' own when they are
 * there, else asked for (they are kept too) and waited for, their progress reported as this map's.
 */
function neighbourTables(dataset: Dataset, signal: AbortSignal, progress: (done: number, total: number, stage: string) => void): Promise<NeighbourTable[]> {
  const splits = (['test', 'train'] as const).filter((s) => dataset[s].count > 0);
  const total = dataset.train.count + dataset.test.count;
  // Asked for first: a split cancelled or failed before is asked again, for this map.
  for (const split of splits) {
    const state = explorerStore.getState().analyses[suspectsOf(split)];
    if (!(state.status === 'ready' && state.dataset === dataset)) void runAnalysis(suspectsJobs[split], dataset);
  }
  // Reported only when it moved: the report is itself a change of the store this listens to.
  let reported = -1;
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const { analyses, dataset: shown } = explorerStore.getState();
      if (shown !== dataset || signal.aborted) {
        reject(cancelled());
        return true;
      }
      const states = splits.map((s) => analyses[suspectsOf(s)]);
      const failed = states.find((s) => s.status === 'failed' && s.dataset === dataset);
      if (failed?.status === 'failed') {
        reject(new AnalysisFailure(failed.code, `the neighbour tables could not be made: ${failed.message}`));
        return true;
      }
      if (states.every((s) => s.status === 'ready' && s.dataset === dataset)) {
        resolve(states.map((s) => (s.status === 'ready' ? s.value.table : null!)));
        return true;
      }
      let done = 0;
      splits.forEach((split: Split, i) => {
        const state = states[i]!;
        done += state.status === 'ready' ? dataset[split].count : state.status === 'computing' ? (state.progress?.done ?? 0) : 0;
      });
      if (done !== reported) progress((reported = done), total, 'neighbour tables');
      return false;
    };
    if (check()) return;
    const unsubscribe = explorerStore.subscribe(() => check() && stop());
    const stop = () => {
      unsubscribe();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => check() && stop();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const neighbourhoodMapJob: AnalysisJob<'neighbourhood-map'> = {
  name: 'neighbourhood-map',
  kept: {
    what: 'The kept neighbourhood map',
    read: async (key, dataset) => {
      const read = await readKeptNeighbourhoodMap(key, dataset.train.count + dataset.test.count, SETTINGS);
      return read && 'map' in read ? { value: read.map, ms: read.ms } : read;
    },
    keep: (key, map, ms) => keepNeighbourhoodMap(key, map, ms, LAYOUT_LIBRARY),
  },
  compute: async ({ dataset, signal, progress }) => {
    const started = performance.now();
    const tables = await neighbourTables(dataset, signal, progress);
    const tablesMs = performance.now() - started;
    const graph = graphOf(tables, dataset.train.count + dataset.test.count);
    const worker = analysisWorker('mnist-neighbourhood-map');
    try {
      const { result } = await worker.ask(dataset, { kind: 'neighbourhood-map', graph, seed: SETTINGS.seed, epochs: SETTINGS.epochs }, { signal, onProgress: (done, total, stage) => progress(done, total, stage ?? 'layout') });
      const { setup, layout } = result.map.timings;
      return { value: result.map, ms: performance.now() - started, detail: { tablesMs, setupMs: setup, layoutMs: layout } };
    } finally {
      worker.close();
    }
  },
  done: ({ kept, ms, elapsed, detail, keeping }) => {
    performance.mark(PERF_MARKS.neighbourhoodMap, { detail: { ms: kept ? elapsed : ms, kept, tablesMs: 0, setupMs: 0, layoutMs: 0, ...detail } });
    void keeping?.then((written) => written && performance.mark(PERF_MARKS.neighbourhoodMapKept));
  },
};
