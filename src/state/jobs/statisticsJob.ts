// The statistics of the dataset on screen (class balance, class averages, pixel values, ink,
// every sort order's ranking): computed in an analysis worker once the data is drawn, kept with
// the decoded copy. A worker per run, let go with its answer: without shared memory the dataset
// is copied into it (55 MB for MNIST), and a worker that ends frees that at once.
import { pixelCount } from '../../data/dataset/dataset';
import { keepStatistics, readKeptStatistics } from '../kept/keptResults';
import { PERF_MARKS } from '../app/perfMarks';
import { provideRankings, rankingsOf } from '../store/rankingsMemo';
import { analysisWorker } from './analysisClient';
import type { AnalysisJob } from './runAnalysis';

export const statisticsJob: AnalysisJob<'statistics'> = {
  name: 'statistics',
  kept: {
    what: 'The kept statistics',
    read: async (key, dataset) => {
      const read = await readKeptStatistics(
        key,
        { train: dataset.train.count, test: dataset.test.count },
        { pixels: pixelCount(dataset), labelSlots: dataset.info.classNames.length },
      );
      if (!read || 'problem' in read) return read;
      provideRankings(read.statistics, read.rankings);
      return { value: read.statistics, ms: read.ms };
    },
    keep: (key, statistics, ms) => {
      const rankings = rankingsOf(statistics);
      return rankings ? keepStatistics(key, statistics, rankings, ms) : Promise.resolve(false);
    },
  },
  compute: async ({ dataset, signal }) => {
    const worker = analysisWorker('mnist-statistics');
    try {
      const { result, ms } = await worker.ask(dataset, { kind: 'statistics' }, { signal });
      provideRankings(result.statistics, result.rankings);
      // The time of the statistics alone: the rankings' share is reported beside it.
      return { value: result.statistics, ms: ms - result.rankMs, detail: { rankMs: result.rankMs } };
    } finally {
      worker.close();
    }
  },
  done: ({ kept, ms, elapsed, detail, keeping }) => {
    performance.mark(PERF_MARKS.statistics, { detail: kept ? { ms: elapsed, kept } : { ms, ...detail, kept } });
    void keeping?.then((done) => done && performance.mark(PERF_MARKS.statisticsKept));
  },
};
