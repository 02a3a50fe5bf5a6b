// The suspect labels of each split: every digit's 10 nearest neighbours on the first 50
// principal components (the neighbour table, kept with the decoded copy), scored against the
// labels. A split at a time (they share a lane), each split's digits shared between two analysis
// workers (the machine's two cores). The projection is computed once for both splits, its work
// shared too: each worker sums the scatter of half the digits, the page adds the halves (integer
// sums: exactly the whole's), each worker projects half the digits on the components of the sum,
// and both get every digit's coordinates. The workers go once the lane is idle. Only what a
// visitor asks for is computed: it takes tens of seconds.
import { labelsByGlobalId, type Dataset } from '../../data/dataset/dataset';
import { joinTables } from '../../data/analysis/knn';
import { addScatters } from '../../data/analysis/pca';
import type { Split } from '../../data/dataset/fileSlots';
import { SUSPECT_COMPONENTS, SUSPECT_NEIGHBOURS, suspectScores } from '../../data/analysis/suspects';
import { keepNeighbourTable, readKeptNeighbourTable } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { analysisWorker, type AnalysisWorker } from './analysisClient';
import type { AnalysisJob } from './runAnalysis';

const WORKERS = 2;

interface Pool {
  readonly dataset: Dataset;
  readonly workers: AnalysisWorker[];
  /** Every digit's coordinates on the first 50 components, once computed. */
  points: Promise<{ points: Float64Array<ArrayBuffer> }> | null;
}

/** The two workers, for one dataset at a time. */
let pool: Pool | null = null;

function poolFor(dataset: Dataset): Pool {
  if (pool?.dataset !== dataset) {
    pool?.workers.forEach((w) => w.close());
    pool = { dataset, workers: Array.from({ length: WORKERS }, (_, i) => analysisWorker(`mnist-suspects-${i + 1}`)), points: null };
  }
  return pool;
}

/** `from` … `to` cut into one share per worker. */
function shares(from: number, to: number): [number, number][] {
  const bounds = Array.from({ length: WORKERS + 1 }, (_, i) => from + Math.round(((to - from) * i) / WORKERS));
  return bounds.slice(0, WORKERS).map((b, w) => [b, bounds[w + 1]!]);
}

/** Every digit's coordinates, the work shared between the pool's workers; a failed or cancelled try is not kept. */
function pointsOf(current: Pool, signal: AbortSignal | undefined): Promise<{ points: Float64Array<ArrayBuffer> }> {
  const { dataset, workers } = current;
  const compute = async () => {
    const total = dataset.train.count + dataset.test.count;
    const parts = shares(0, total);
    const scatters = await Promise.all(workers.map((worker, w) => worker.ask(dataset, { kind: 'scatter', from: parts[w]![0], to: parts[w]![1] }, { signal })));
    const scatter = scatters.map((a) => a.result.scatter).reduce(addScatters);
    const projected = await Promise.all(
      workers.map((worker, w) => worker.ask(dataset, { kind: 'projection', scatter, from: parts[w]![0], to: parts[w]![1], dims: SUSPECT_COMPONENTS }, { signal })),
    );
    const dims = total > 0 ? projected.reduce((n, a) => n + a.result.points.length, 0) / total : SUSPECT_COMPONENTS;
    const points = new Float64Array(total * dims);
    for (const { result } of projected) points.set(result.points, result.from * dims);
    return { points };
  };
  current.points ??= compute().catch((error: unknown) => {
    current.points = null;
    throw error;
  });
  return current.points;
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
      const current = poolFor(dataset);
      const { points } = await pointsOf(current, signal);
      // What this split waited for them: their whole time for the first, nothing for the second.
      const componentsMs = performance.now() - started;
      const parts = shares(from, to);
      const done = new Array<number>(WORKERS).fill(0);
      const answers = await Promise.all(
        current.workers.map((worker, w) =>
          worker.ask(
            dataset,
            // Each worker gets its own copy (a clone of 28 MB for MNIST, tens of milliseconds).
            { kind: 'neighbour-table', from: parts[w]![0], to: parts[w]![1], k: SUSPECT_NEIGHBOURS, points },
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
      return {
        value: suspectScores(table, labelsByGlobalId(dataset)),
        ms: performance.now() - started,
        detail: { componentsMs, searchMs: Math.max(0, ...answers.map((a) => a.result.timings.search)) },
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
