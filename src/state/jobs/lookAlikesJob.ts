// The open digit's look-alikes: its 10 nearest digits in pixels among all of them. One analysis
// worker for the dataset on screen, kept between questions (after the first it holds every
// digit's squared norm, so each later one is a single pass over the pixels); a newer dataset gets
// a new one. A newer question does not end the worker: the older answer is simply not shown.
import type { Dataset } from '../../data/dataset/dataset';
import { PERF_MARKS } from '../app/perfMarks';
import { analysisWorker, type AnalysisWorker } from './analysisClient';
import type { AnalysisJob } from './runAnalysis';

/** How many look-alikes the detail lists. */
export const LOOK_ALIKES = 10;

let current: { dataset: Dataset; worker: AnalysisWorker } | null = null;

/** The look-alikes' worker for `dataset`; the drawing pad's look-alikes ask it too (it holds the norms). */
export function lookAlikesWorker(dataset: Dataset): AnalysisWorker {
  if (current?.dataset !== dataset) {
    current?.worker.close();
    current = { dataset, worker: analysisWorker('mnist-look-alikes') };
  }
  return current.worker;
}

export const lookAlikesJob: AnalysisJob<'look-alikes'> = {
  name: 'look-alikes',
  compute: async ({ dataset, subject }) => {
    const query = subject ?? 0;
    const { result, ms } = await lookAlikesWorker(dataset).ask(dataset, { kind: 'neighbours', query, k: LOOK_ALIKES });
    return { value: result.neighbours, ms };
  },
  release: () => {
    current?.worker.close();
    current = null;
  },
  done: ({ subject, ms, elapsed }) => performance.mark(PERF_MARKS.lookAlikes, { detail: { query: subject, workerMs: ms, ms: elapsed } }),
};
