// The map of the dataset on screen (every digit on its first two principal components): computed
// in an analysis worker the first time something needs it — the Map view, or a region that must
// select digits — since it costs seconds of a core; kept with the decoded copy.
import { keepMap, readKeptMap } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { analysisWorker } from './analysisClient';
import type { AnalysisJob } from './runAnalysis';

export const mapJob: AnalysisJob<'map'> = {
  name: 'map',
  kept: {
    what: 'The kept map',
    read: async (key, dataset) => {
      const read = await readKeptMap(key, dataset.train.count + dataset.test.count);
      return read && 'map' in read ? { value: read.map, ms: read.ms } : read;
    },
    keep: (key, map, ms) => keepMap(key, map, ms),
  },
  compute: async ({ dataset, signal }) => {
    const worker = analysisWorker('mnist-map');
    try {
      const { result, ms } = await worker.ask(dataset, { kind: 'map' }, { signal });
      return { value: result.map, ms };
    } finally {
      worker.close();
    }
  },
  done: ({ value, kept, ms, elapsed, keeping }) => {
    performance.mark(PERF_MARKS.map, { detail: { ms: kept ? elapsed : ms, kept, ...value.timings } });
    void keeping?.then((done) => done && performance.mark(PERF_MARKS.mapKept));
  },
};
