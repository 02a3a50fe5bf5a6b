// Every message between the page and the analysis workers. Both sides import these types, so a new
// request or reply kind is a compile error in each `switch` until it is handled.
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { Neighbour } from '../../data/analysis/neighbours';
import type { DigitMap } from '../../data/analysis/digitMap';
import type { NeighbourTable } from '../../data/analysis/knn';
import type { Rankings } from '../../data/dataset/sortOrder';
import type { Dataset } from '../../data/dataset/dataset';
import type { NeighbourhoodMap } from '../../data/analysis/mapLayouts';
import type { NeighbourGraph } from '../../data/analysis/neighbourhoodLayout';
import type { Scatter } from '../../data/analysis/pca';
import type { HeadWeights } from '../../data/analysis/fixedFeatureClassifier';

/**
 * What an analysis is asked to compute about the dataset a request names. The page's analysis
 * client (state/jobs/analysisClient.ts) wraps a question in an `AnalysisRequest`; the reply's
 * result has the question's kind.
 */
export type AnalysisQuestion =
  | { readonly kind: 'statistics' }
  | { readonly kind: 'map' }
  /** Σ x and Σ x xᵀ over digits from … to − 1 (global ids): a share of the principal components' work. */
  | { readonly kind: 'scatter'; readonly from: number; readonly to: number }
  /** The coordinates of digits from … to − 1 on the first `dims` principal components of `scatter` (every digit's, summed from the shares). */
  | { readonly kind: 'projection'; readonly scatter: Scatter; readonly from: number; readonly to: number; readonly dims: number }
  /**
   * The k nearest neighbours (on the first 50 principal components) of digits from … to − 1
   * (global ids), among every digit; `points`: every digit's coordinates on them (the joined
   * projections), 50 per digit.
   */
  | { readonly kind: 'neighbour-table'; readonly from: number; readonly to: number; readonly k: number; readonly points: Float64Array<ArrayBuffer> }
  /** The k digits nearest in pixels to digit `query` (a global id). */
  | { readonly kind: 'neighbours'; readonly query: number; readonly k: number }
  /** The neighbourhood map (UMAP) of the neighbour graph of every digit. */
  | { readonly kind: 'neighbourhood-map'; readonly graph: NeighbourGraph; readonly seed: number; readonly epochs: number }
  /** The k digits nearest in pixels to an image that is not in the dataset (the drawing pad's), of the dataset's shape. */
  | { readonly kind: 'image-neighbours'; readonly image: Uint8Array<ArrayBuffer>; readonly k: number }
  /** The classifier's input features of digits from … to − 1 (global ids), from the filters of `seed`. */
  | { readonly kind: 'features'; readonly from: number; readonly to: number; readonly seed: number }
  /**
   * The classifier's head trained on the digits `train` (global ids; their labels are the
   * dataset's), then its probabilities of the digits `predict`; `features`: every digit's (the
   * joined `features` answers, featureCount per digit; shared memory where the page has it).
   */
  | {
      readonly kind: 'train-model';
      readonly features: Float32Array<ArrayBufferLike>;
      readonly train: Uint32Array<ArrayBuffer>;
      readonly predict: Uint32Array<ArrayBuffer>;
      readonly classes: number;
      readonly seed: number;
      readonly epochs: number;
    };

export type AnalysisKind = AnalysisQuestion['kind'];

export interface AnalysisRequest {
  readonly type: 'analyse';
  readonly requestId: number;
  /**
   * Names the dataset for the worker's lifetime. `dataset` is sent with the first request that
   * names it and null after that: the worker keeps it, with what it derived from it once (every
   * digit's squared norm), and without shared memory the 55 MB are
   * copied only once.
   */
  readonly datasetKey: number;
  readonly dataset: Dataset | null;
  readonly question: AnalysisQuestion;
}

/**
 * Why an analysis failed, for code to act on; `message` beside it is for people. `too-large`: the images have more pixels than the principal-component analyses take (see MAX_COMPONENT_PIXELS).
 */
export type AnalysisErrorCode = 'bad-dataset' | 'too-large' | 'failed';

/**
 * The statistics, and every digit ranked in each sort order (so a sort switch on the page only
 * reads a selection off a ranking); `rankMs` is the ranking's share of the time.
 */
export type AnalysisResult =
  | { readonly kind: 'statistics'; readonly statistics: DatasetStatistics; readonly rankings: Rankings; readonly rankMs: number }
  | { readonly kind: 'neighbours'; readonly query: number; readonly neighbours: readonly Neighbour[] }
  | { readonly kind: 'map'; readonly map: DigitMap }
  | { readonly kind: 'scatter'; readonly scatter: Scatter }
  | { readonly kind: 'projection'; readonly from: number; readonly to: number; readonly points: Float64Array<ArrayBuffer> }
  | { readonly kind: 'neighbour-table'; readonly table: NeighbourTable; readonly timings: { readonly components: number; readonly search: number } }
  | { readonly kind: 'neighbourhood-map'; readonly map: NeighbourhoodMap }
  | { readonly kind: 'image-neighbours'; readonly neighbours: readonly Neighbour[] }
  | { readonly kind: 'features'; readonly from: number; readonly to: number; readonly features: Float32Array<ArrayBuffer> }
  | { readonly kind: 'train-model'; readonly weights: HeadWeights; readonly probabilities: Float32Array<ArrayBuffer>; readonly trainingMs: number };

export type AnalysisReply =
  | { readonly type: 'analysed'; readonly requestId: number; readonly result: AnalysisResult; readonly ms: number }
  | { readonly type: 'analysis-failed'; readonly requestId: number; readonly kind: AnalysisKind; readonly code: AnalysisErrorCode; readonly message: string }
  /** A long analysis's progress: `done` of `total` (digits, or thousandths of a stage named by `stage`). */
  | { readonly type: 'analysis-progress'; readonly requestId: number; readonly done: number; readonly total: number; readonly stage?: string };

/** The result a question of kind `K` is answered with. */
export type ResultOf<K extends AnalysisKind> = Extract<AnalysisResult, { readonly kind: K }>;
