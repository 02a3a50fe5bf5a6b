// The analysis worker's brain, apart from `self` so it runs in Node tests (like loaderHandler):
// takes a request, checks the dataset it was handed, computes, replies with the result's
// buffers moved, never copied. Errors leave as a code and a sentence.
import { pixelCount, type Dataset, type SplitData } from '../../data/dataset/dataset';
import { computeStatistics } from '../../data/analysis/statistics';
import { nearestNeighbours, squaredNorms } from '../../data/analysis/neighbours';
import { rankAllOrders } from '../../data/dataset/sortOrder';
import { computeDigitMap } from '../../data/analysis/digitMap';
import { nearestNeighbourTable } from '../../data/analysis/knn';
import { principalComponents, project } from '../../data/analysis/pca';
import { SUSPECT_COMPONENTS } from '../../data/analysis/suspects';
import type { AnalysisReply, AnalysisRequest, AnalysisResult } from './protocol';

export interface AnalysisDeps {
  readonly post: (reply: AnalysisReply, transfer: Transferable[]) => void;
  readonly now?: () => number;
}

/**
 * The largest image the principal-component analyses take: the covariance is pixels × pixels
 * float64 (128 MB at 64 × 64; a 256 × 256 image would ask for 34 GB).
 */
export const MAX_COMPONENT_PIXELS = 64 * 64;

/** Why a dataset handed over cannot be analysed, or null when its shape holds together. */
export function datasetProblem(dataset: Dataset): string | null {
  for (const data of [dataset.train, dataset.test] as SplitData[]) {
    if (!Number.isInteger(data.count) || data.count < 0) return `${data.split}: the digit count ${String(data.count)} is not a count`;
    if (data.images.length !== data.count * pixelCount(dataset)) return `${data.split}: ${data.images.length} pixel bytes for ${data.count} digits of ${pixelCount(dataset)}`;
    if (data.labels.length < data.count) return `${data.split}: ${data.labels.length} labels for ${data.count} digits`;
  }
  return null;
}

function transferablesOf(result: AnalysisResult): ArrayBuffer[] {
  switch (result.kind) {
    case 'statistics':
      return [
        ...[result.statistics.train, result.statistics.test].flatMap((s) => [s.pixelSums.buffer, s.pixelSquareSums.buffer, s.pixelHistogram.buffer, s.ink.buffer, s.distance.buffer]),
        ...Object.values(result.rankings).map((r) => r.buffer),
      ];
    case 'neighbours':
      return [];
    case 'map':
      return [result.map.coordinates.buffer, result.map.variances.buffer];
    case 'neighbour-table':
      return [result.table.ids.buffer, result.table.distances.buffer];
  }
}

/** The statistics, then every digit ranked in each sort order from their keys (timed apart). */
function statisticsResult(dataset: Dataset, now: () => number): AnalysisResult {
  const statistics = computeStatistics(dataset);
  const ranking = now();
  const rankings = rankAllOrders({ trainCount: dataset.train.count, train: statistics.train, test: statistics.test });
  return { kind: 'statistics', statistics, rankings, rankMs: now() - ranking };
}

/**
 * The neighbour table of a range of digits: every digit projected on the first 50 principal
 * components (of all digits, so every worker asked for a part measures in the same space),
 * then the exact k nearest of each digit in the range.
 */
function neighbourTableResult(
  dataset: Dataset,
  known: { points: Float64Array | null },
  request: Extract<AnalysisRequest, { kind: 'neighbour-table' }>,
  now: () => number,
  progress: (done: number, total: number) => void,
): AnalysisResult {
  const started = now();
  const total = dataset.train.count + dataset.test.count;
  const from = Math.max(0, Math.min(total, request.from));
  const to = Math.max(from, Math.min(total, request.to));
  const blocks = [dataset.train, dataset.test];
  const points = (known.points ??= project(blocks, principalComponents(blocks, pixelCount(dataset), SUSPECT_COMPONENTS), SUSPECT_COMPONENTS));
  const searched = now();
  const dims = total > 0 ? points.length / total : SUSPECT_COMPONENTS;
  const table = nearestNeighbourTable(points, dims, request.k, from, to, { progress: (done) => progress(done, to - from), progressEvery: 500 });
  return { kind: 'neighbour-table', table, timings: { components: searched - started, search: now() - searched } };
}

/**
 * Creates the handler. It remembers the last dataset a look-alike or neighbour-table request
 * named, with what was derived from it once (every digit's squared norm; every digit's 50
 * principal coordinates), so later requests send only its key.
 */
export function createAnalysisHandler(deps: AnalysisDeps): (request: AnalysisRequest) => void {
  const now = deps.now ?? (() => performance.now());
  let known: { key: number; dataset: Dataset; norms: Float64Array | null; points: Float64Array | null } | null = null;

  const datasetOf = (request: AnalysisRequest): Dataset | string => {
    if (request.kind === 'statistics' || request.kind === 'map') return request.dataset;
    if (request.dataset) {
      known = { key: request.datasetKey, dataset: request.dataset, norms: null, points: null };
      return request.dataset;
    }
    return known?.key === request.datasetKey ? known.dataset : `dataset ${request.datasetKey} was never handed over`;
  };

  return (request) => {
    const { requestId, kind } = request;
    const dataset = datasetOf(request);
    const problem = typeof dataset === 'string' ? dataset : datasetProblem(dataset);
    if (problem !== null || typeof dataset === 'string') {
      if ((request.kind === 'neighbours' || request.kind === 'neighbour-table') && request.dataset) known = null;
      deps.post({ type: 'analysis-failed', requestId, kind, code: 'bad-dataset', message: problem ?? '' }, []);
      return;
    }
    if ((request.kind === 'map' || request.kind === 'neighbour-table') && pixelCount(dataset) > MAX_COMPONENT_PIXELS) {
      const message = `the map and the suspect labels take images of up to ${MAX_COMPONENT_PIXELS.toLocaleString('en-US')} pixels (64 × 64): their covariance matrix is pixels² numbers, and these images have ${pixelCount(dataset).toLocaleString('en-US')} pixels (${dataset.rows} × ${dataset.cols})`;
      deps.post({ type: 'analysis-failed', requestId, kind, code: 'too-large', message }, []);
      return;
    }
    const started = now();
    let result: AnalysisResult;
    try {
      switch (request.kind) {
        case 'statistics':
          result = statisticsResult(dataset, now);
          break;
        case 'neighbours': {
          const norms = (known!.norms ??= squaredNorms(dataset));
          result = { kind: 'neighbours', query: request.query, neighbours: nearestNeighbours(dataset, norms, request.query, request.k) };
          break;
        }
        case 'map':
          result = { kind: 'map', map: computeDigitMap(dataset, now) };
          break;
        case 'neighbour-table':
          result = neighbourTableResult(dataset, known!, request, now, (done, total) => deps.post({ type: 'analysis-progress', requestId, done, total }, []));
          break;
      }
    } catch (error) {
      deps.post({ type: 'analysis-failed', requestId, kind, code: 'failed', message: error instanceof Error ? error.message : String(error) }, []);
      return;
    }
    deps.post({ type: 'analysed', requestId, result, ms: now() - started }, transferablesOf(result));
  };
}
