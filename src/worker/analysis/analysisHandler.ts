// The analysis worker's brain, apart from `self` so it runs in Node tests (like loaderHandler):
// takes a request, checks the dataset it was handed, computes, replies with the result's
// buffers moved, never copied. Errors leave as a code and a sentence.
import { MAX_COMPONENT_PIXELS } from '../../data/limits';
import { pixelCount, type Dataset, type SplitData } from '../../data/dataset/dataset';
import { computeStatistics } from '../../data/analysis/statistics';
import { nearestNeighbours, nearestToImage, squaredNorms } from '../../data/analysis/neighbours';
import { rankAllOrders } from '../../data/dataset/sortOrder';
import { computeDigitMap } from '../../data/analysis/digitMap';
import { nearestNeighbourTable } from '../../data/analysis/knn';
import { componentsOfScatter, project, scatterOf, type ImageBlock } from '../../data/analysis/pca';
import { SUSPECT_COMPONENTS } from '../../data/analysis/suspects';
import { featuresResult, trainModelResult } from './classifierAnswers';
import type { AnalysisErrorCode, AnalysisQuestion, AnalysisReply, AnalysisRequest, AnalysisResult } from './protocol';

export interface AnalysisDeps {
  readonly post: (reply: AnalysisReply, transfer: Transferable[]) => void;
  readonly now?: () => number;
}


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
    case 'scatter':
      return [result.scatter.sums.buffer, result.scatter.products.buffer];
    case 'projection':
      return [result.points.buffer];
    case 'neighbour-table':
      return [result.table.ids.buffer, result.table.distances.buffer];
    case 'neighbourhood-map':
      return [result.map.coordinates.buffer];
    case 'image-neighbours':
      return [];
    case 'features':
      return [result.features.buffer];
    case 'train-model': {
      const { mean, scale, w1, b1, w2, b2 } = result.weights;
      return [result.probabilities.buffer, ...[mean, scale, w1, b1, w2, b2].map((a) => a.buffer as ArrayBuffer)];
    }
  }
}

/** The statistics, then every digit ranked in each sort order from their keys (timed apart). */
function statisticsResult(dataset: Dataset, now: () => number): AnalysisResult {
  const statistics = computeStatistics(dataset);
  const ranking = now();
  const rankings = rankAllOrders({ trainCount: dataset.train.count, train: statistics.train, test: statistics.test });
  return { kind: 'statistics', statistics, rankings, rankMs: now() - ranking };
}

/** Digits from … to − 1 (global ids, clamped to the dataset) as blocks of images: a train part, a test part. */
function imageBlocks(dataset: Dataset, from: number, to: number): { blocks: ImageBlock[]; from: number; to: number } {
  const pixels = pixelCount(dataset);
  const total = dataset.train.count + dataset.test.count;
  from = Math.max(0, Math.min(total, from));
  to = Math.max(from, Math.min(total, to));
  const blocks: ImageBlock[] = [];
  const first = dataset.train.count;
  if (from < first) blocks.push({ images: dataset.train.images.subarray(from * pixels, Math.min(to, first) * pixels), count: Math.min(to, first) - from });
  if (to > first) {
    const start = Math.max(from, first) - first;
    blocks.push({ images: dataset.test.images.subarray(start * pixels, (to - first) * pixels), count: to - first - start });
  }
  return { blocks, from, to };
}

/**
 * The neighbour table of a range of digits: every digit's coordinates on the first 50 principal
 * components, as the page sends them (of all digits, so every worker asked for a part measures in
 * the same space), then the exact k nearest of each digit in the range.
 */
function neighbourTableResult(
  dataset: Dataset,
  question: Extract<AnalysisQuestion, { kind: 'neighbour-table' }>,
  now: () => number,
  progress: (done: number, total: number) => void,
): AnalysisResult {
  const started = now();
  const total = dataset.train.count + dataset.test.count;
  const from = Math.max(0, Math.min(total, question.from));
  const to = Math.max(from, Math.min(total, question.to));
  const { points } = question;
  // Fewer components than asked where the images have fewer pixels.
  const dims = total > 0 ? points.length / total : SUSPECT_COMPONENTS;
  if (!Number.isInteger(dims) || dims > SUSPECT_COMPONENTS || (total === 0 && points.length > 0)) {
    throw new RangeError(`${points.length} coordinates sent for ${total} digits (up to ${SUSPECT_COMPONENTS} each)`);
  }
  const searched = now();
  const table = nearestNeighbourTable(points, dims, question.k, from, to, { progress: (done) => progress(done, to - from), progressEvery: 500 });
  return { kind: 'neighbour-table', table, timings: { components: searched - started, search: now() - searched } };
}

/** The dataset the worker was last handed, with what was derived from it once. */
interface Known {
  readonly key: number;
  readonly dataset: Dataset;
  /** Every digit's squared norm (look-alikes). */
  norms: Float64Array | null;
}

/** Whether the question needs the principal components, whose covariance is pixels² numbers. */
const needsComponents = (question: AnalysisQuestion) => question.kind === 'map' || question.kind === 'neighbour-table' || question.kind === 'scatter' || question.kind === 'projection';

/** The classifier's features: 5 × 5 windows of every pixel; beyond 64 × 64 a batch's patches would take gigabytes. */
const needsFeatures = (question: AnalysisQuestion) => question.kind === 'features' || question.kind === 'train-model';

/**
 * Creates the handler. It remembers the last dataset a request handed over, with what was
 * derived from it once, so later requests send only its key.
 */
export function createAnalysisHandler(deps: AnalysisDeps): (request: AnalysisRequest) => void {
  const now = deps.now ?? (() => performance.now());
  let known: Known | null = null;

  const knownFor = (request: AnalysisRequest): Known | string => {
    if (request.dataset) {
      known = null;
      const problem = datasetProblem(request.dataset);
      if (problem) return problem;
      known = { key: request.datasetKey, dataset: request.dataset, norms: null };
    }
    return known?.key === request.datasetKey ? known : `dataset ${request.datasetKey} was never handed over`;
  };

  return (request) => {
    const { requestId, question } = request;
    const { kind } = question;
    const fail = (code: AnalysisErrorCode, message: string) => deps.post({ type: 'analysis-failed', requestId, kind, code, message }, []);
    const target = knownFor(request);
    if (typeof target === 'string') return fail('bad-dataset', target);
    const { dataset } = target;
    if (needsComponents(question) && pixelCount(dataset) > MAX_COMPONENT_PIXELS) {
      return fail(
        'too-large',
        `the map and the suspect labels take images of up to ${MAX_COMPONENT_PIXELS.toLocaleString('en-US')} pixels (64 × 64): their covariance matrix is pixels² numbers, and these images have ${pixelCount(dataset).toLocaleString('en-US')} pixels (${dataset.rows} × ${dataset.cols})`,
      );
    }
    if (needsFeatures(question) && (pixelCount(dataset) > MAX_COMPONENT_PIXELS || dataset.rows < 8 || dataset.cols < 8)) {
      return fail('too-large', `the classifier takes images from 8 × 8 to 64 × 64 pixels (4 × 4 cells of 5 × 5 windows); these images are ${dataset.rows} × ${dataset.cols}`);
    }
    const started = now();
    const progress = (done: number, total: number, stage?: string) => deps.post({ type: 'analysis-progress', requestId, done, total, ...(stage ? { stage } : {}) }, []);
    const answer = (result: AnalysisResult) => deps.post({ type: 'analysed', requestId, result, ms: now() - started }, transferablesOf(result));
    const failed = (error: unknown) => fail('failed', error instanceof Error ? error.message : String(error));
    let result: AnalysisResult | Promise<AnalysisResult>;
    try {
      switch (question.kind) {
        case 'statistics':
          result = statisticsResult(dataset, now);
          break;
        case 'neighbours': {
          const norms = (target.norms ??= squaredNorms(dataset));
          result = { kind: 'neighbours', query: question.query, neighbours: nearestNeighbours(dataset, norms, question.query, question.k) };
          break;
        }
        case 'map':
          result = { kind: 'map', map: computeDigitMap(dataset, now) };
          break;
        case 'scatter': {
          const { blocks } = imageBlocks(dataset, question.from, question.to);
          result = { kind: 'scatter', scatter: scatterOf(blocks, pixelCount(dataset)) };
          break;
        }
        case 'projection': {
          const { scatter } = question;
          const total = dataset.train.count + dataset.test.count;
          if (scatter.pixels !== pixelCount(dataset) || scatter.count !== total || scatter.products.length !== scatter.pixels ** 2 || scatter.sums.length !== scatter.pixels) {
            return fail('failed', `the scatter sent (${scatter.count} digits of ${scatter.pixels} pixels) is not of this dataset's ${total} digits of ${pixelCount(dataset)}`);
          }
          const { blocks, from, to } = imageBlocks(dataset, question.from, question.to);
          result = { kind: 'projection', from, to, points: project(blocks, componentsOfScatter(scatter, question.dims), question.dims) };
          break;
        }
        case 'neighbour-table':
          result = neighbourTableResult(dataset, question, now, progress);
          break;
        case 'image-neighbours': {
          const norms = (target.norms ??= squaredNorms(dataset));
          result = { kind: 'image-neighbours', neighbours: nearestToImage(dataset, norms, question.image, question.k) };
          break;
        }
        case 'features':
          result = featuresResult(dataset, question);
          break;
        case 'train-model':
          result = trainModelResult(dataset, question, now, progress);
          break;
        case 'neighbourhood-map':
          // Asynchronous (the WASM module loads on first use): answered when it settles.
          result = neighbourhoodMapResult(question, now, progress);
          break;
      }
    } catch (error) {
      return failed(error);
    }
    if (result instanceof Promise) result.then(answer, failed);
    else answer(result);
  };
}

/** The neighbourhood map of the graph handed over; progress in thousandths of each stage. */
async function neighbourhoodMapResult(
  question: Extract<AnalysisQuestion, { kind: 'neighbourhood-map' }>,
  now: () => number,
  progress: (done: number, total: number, stage: string) => void,
): Promise<AnalysisResult> {
  const { layoutNeighbourhoods } = await import('../../data/analysis/neighbourhoodLayout');
  let last = -1;
  const map = await layoutNeighbourhoods(question.graph, {
    seed: question.seed,
    epochs: question.epochs,
    now,
    progress: (share, stage) => {
      const done = Math.round(share * 1000);
      if (done === last) return;
      last = done;
      progress(done, 1000, stage);
    },
  });
  return { kind: 'neighbourhood-map', map };
}
