// Every message between the page and the analysis workers. Both sides import these types, so a new
// request or reply kind is a compile error in each `switch` until it is handled.
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { Neighbour } from '../../data/analysis/neighbours';
import type { DigitMap } from '../../data/analysis/digitMap';
import type { NeighbourTable } from '../../data/analysis/knn';
import type { Rankings } from '../../data/dataset/sortOrder';
import type { Dataset } from '../../data/dataset/dataset';

/**
 * To the analysis worker: compute something about the whole dataset, from its (shared) buffers.
 * The statistics, and a digit's look-alikes (nearest neighbours); the map joins as a further kind.
 */
export type AnalysisKind = 'statistics' | 'neighbours' | 'map' | 'neighbour-table';

export type AnalysisRequest =
  | { readonly type: 'analyse'; readonly requestId: number; readonly kind: 'statistics'; readonly dataset: Dataset }
  | { readonly type: 'analyse'; readonly requestId: number; readonly kind: 'map'; readonly dataset: Dataset }
  | {
      readonly type: 'analyse';
      readonly requestId: number;
      readonly kind: 'neighbour-table';
      /** Names the dataset for the worker's lifetime; `dataset` is sent with the first request only (the projection is kept). */
      readonly datasetKey: number;
      readonly dataset: Dataset | null;
      /** The k nearest neighbours (on the first 50 principal components) of digits from … to − 1 (global ids). */
      readonly from: number;
      readonly to: number;
      readonly k: number;
    }
  | {
      readonly type: 'analyse';
      readonly requestId: number;
      readonly kind: 'neighbours';
      /** Names the dataset for the worker's lifetime; `dataset` is sent with the first request only. */
      readonly datasetKey: number;
      readonly dataset: Dataset | null;
      /** Global id of the digit whose look-alikes are asked for. */
      readonly query: number;
      readonly k: number;
    };

/** Why an analysis failed, for code to act on; `message` beside it is for people. */
/** `too-large`: the images have more pixels than the principal-component analyses take (see MAX_COMPONENT_PIXELS). */
export type AnalysisErrorCode = 'bad-dataset' | 'too-large' | 'failed';

/**
 * The statistics, and every digit ranked in each sort order (so a sort switch on the page only
 * reads a selection off a ranking); `rankMs` is the ranking's share of the time.
 */
export type AnalysisResult =
  | { readonly kind: 'statistics'; readonly statistics: DatasetStatistics; readonly rankings: Rankings; readonly rankMs: number }
  | { readonly kind: 'neighbours'; readonly query: number; readonly neighbours: readonly Neighbour[] }
  | { readonly kind: 'map'; readonly map: DigitMap }
  | { readonly kind: 'neighbour-table'; readonly table: NeighbourTable; readonly timings: { readonly components: number; readonly search: number } };

export type AnalysisReply =
  | { readonly type: 'analysed'; readonly requestId: number; readonly result: AnalysisResult; readonly ms: number }
  | { readonly type: 'analysis-failed'; readonly requestId: number; readonly kind: AnalysisKind; readonly code: AnalysisErrorCode; readonly message: string }
  /** A long analysis's progress: `done` of `total` digits. */
  | { readonly type: 'analysis-progress'; readonly requestId: number; readonly done: number; readonly total: number };
