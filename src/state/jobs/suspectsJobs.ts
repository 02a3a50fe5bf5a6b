// The suspect labels of each split: every digit's 10 nearest neighbours on the first 50
// principal components (the neighbour table, kept with the decoded copy), scored against the
// labels. A split at a time (they share a lane), each split's digits shared between two analysis
// workers (the machine's two cores); the workers keep the projection between the splits and go
// once the lane is idle. Only what a visitor asks for is computed: it takes tens of seconds.
import { labelsByGlobalId, type Dataset } from '../../data/dataset/dataset';
import { joinTables } from '../../data/analysis/knn';
import type { Split } from '../../data/dataset/fileSlots';
import { SUSPECT_NEIGHBOURS, suspectScores } from '../../data/analysis/suspects';
import { keepNeighbourTable, readKeptNeighbourTable } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { analysisWorker, type AnalysisWorker } from './analysisClient';
import type { AnalysisJob } from './runAnalysis';

const WORKERS = 2;

/** The two workers, for one dataset at a time. */
let pool: { dataset: Dataset; workers: AnalysisWorker[] } | null = null;

function workersFor(dataset: Dataset): AnalysisWorker[] {
  if (pool?.dataset !== dataset) {
    pool?.workers.forEach((w) => w.close());
    pool = { dataset, workers: Array.from({ length: WORKERS }, (_, i) => analysisWorker(`mnist-suspects-${i + 1}`)) };
  }
  return pool.workers;
}

function releaseWorkers(): void {
  pool?.workers.forEach((w) => w.close());
  pool = null;
}

/** The global ids of a split: train first, then test. */
export function rangeOf(dataset: Dataset, split: Split): [number, number] {
  return split === 'train' ? [0, dataset.train.count] : [dataset.train.count, dataset.train.count + dataset.test.count];
}


function suspectsJob<S extends Split>(split: S): AnalysisJob<`suspects-${S}`> {
  return {
    name: `suspects-${split}`,
    lane: 'neighbour-tables',
    kept: {
      what: `The kept suspect labels of the ${split} split`,
      read: async (key, dataset) => {
        const [from, to] = rangeOf(dataset, split);
        const read = await readKeptNeighbourTable(split, { key, k: SUSPECT_NEIGHBOURS, from, to, total: dataset.train.count + dataset.test.count });
        return read && 'table' in read ? { value: suspectScores(read.table, labelsByGlobalId(dataset)), ms: read.ms } : read;
      },
      keep: (key, scores, ms, dataset) => keepNeighbourTable(key, split, scores.table, dataset.train.count + dataset.test.count, ms),
    },
    compute: async ({ dataset, signal, progress }) => {
      const started = performance.now();
      const [from, to] = rangeOf(dataset, split);
      const workers = workersFor(dataset);
      const bounds = Array.from({ length: WORKERS + 1 }, (_, i) => from + Math.round(((to - from) * i) / WORKERS));
      const done = new Array<number>(WORKERS).fill(0);
      const answers = await Promise.all(
        workers.map((worker, w) =>
          worker.ask(
            dataset,
            { kind: 'neighbour-table', from: bounds[w]!, to: bounds[w + 1]!, k: SUSPECT_NEIGHBOURS },
            {
              signal,
              onProgress: (d) => {
                done[w] = d;
                progress(done.reduce((a, b) => a + b, 0), to - from);
              },
            },
          ),
        ),
      );
      const table = joinTables(answers.map((a) => a.result.table));
      const slowest = (step: 'components' | 'search') => Math.max(0, ...answers.map((a) => a.result.timings[step]));
      return {
        value: suspectScores(table, labelsByGlobalId(dataset)),
        ms: performance.now() - started,
        detail: { componentsMs: slowest('components'), searchMs: slowest('search') },
      };
    },
    done: ({ ms, elapsed, kept, detail, keeping }) => {
      performance.mark(PERF_MARKS.suspects, { detail: { split, ms: kept ? elapsed : ms, kept, componentsMs: 0, searchMs: 0, ...detail } });
      void keeping?.then((written) => written && performance.mark(PERF_MARKS.suspectsKept, { detail: { split } }));
    },
    idle: releaseWorkers,
    release: releaseWorkers,
  };
}

export const suspectsJobs: { readonly [S in Split]: AnalysisJob<`suspects-${S}`> } = {
  train: suspectsJob('train'),
  test: suspectsJob('test'),
};
