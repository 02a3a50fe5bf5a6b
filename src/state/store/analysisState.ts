// One shape for every background analysis in the store: what the page knows of it for the
// dataset on screen. The jobs (state/jobs) are the only writers; views read it through selectors.
import type { Dataset } from '../../data/dataset/dataset';
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { DigitMap } from '../../data/analysis/digitMap';
import type { NeighbourhoodMap } from '../../data/analysis/mapLayouts';
import type { Neighbour } from '../../data/analysis/neighbours';
import type { SuspectScores } from '../../data/analysis/suspects';
import type { CrossValidation, TrainedModel } from '../../data/analysis/trainedModel';
import type { Split } from '../../data/dataset/fileSlots';
import type { AnalysisErrorCode } from '../../worker/analysis/protocol';

/**
 * Why an analysis has no result, for code to act on: the worker's own codes, and those of the
 * page's side — the worker crashed (or could not start), it answered something that is not an
 * answer to the question (`protocol`), the visitor cancelled.
 */
export type AnalysisFailureCode = AnalysisErrorCode | 'worker-crashed' | 'protocol' | 'cancelled';

export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
  /** Which step of a long analysis this counts (the neighbourhood map: its neighbour tables, then the layout). */
  readonly stage?: string;
}

/**
 * `subject` says what within the dataset the analysis is about, where there can be several
 * (look-alikes: the digit asked about; the drawing pad's: the drawing's number); null otherwise.
 */
export type AnalysisState<T> =
  | { readonly status: 'none' }
  | { readonly status: 'computing'; readonly dataset: Dataset; readonly subject: number | null; readonly progress: AnalysisProgress | null }
  | {
      readonly status: 'ready';
      readonly dataset: Dataset;
      readonly subject: number | null;
      readonly value: T;
      /** Time the computation took (for a kept result: when it was first computed). */
      readonly ms: number;
      /** Read back from the copy kept with the decoded data, not computed now. */
      readonly kept: boolean;
    }
  | { readonly status: 'failed'; readonly dataset: Dataset; readonly subject: number | null; readonly code: AnalysisFailureCode; readonly message: string };

/** Every analysis the page runs, by name, with the value it yields. */
export interface AnalysisValues {
  readonly statistics: DatasetStatistics;
  readonly map: DigitMap;
  readonly 'neighbourhood-map': NeighbourhoodMap;
  readonly 'suspects-train': SuspectScores;
  readonly 'suspects-test': SuspectScores;
  readonly 'look-alikes': readonly Neighbour[];
  /** The drawing pad's look-alikes: the digits nearest to what was drawn (subject: the drawing's number). */
  readonly 'drawing-look-alikes': readonly Neighbour[];
  /** The first model: trained on the train split, with its probabilities of the test split. */
  readonly classifier: TrainedModel;
  /** The train split's out-of-sample probabilities (k-fold cross-validation). */
  readonly 'classifier-folds': CrossValidation;
}

export type AnalysisName = keyof AnalysisValues;

export type Analyses = { readonly [N in AnalysisName]: AnalysisState<AnalysisValues[N]> };

export const NO_ANALYSES: Analyses = {
  statistics: { status: 'none' },
  map: { status: 'none' },
  'neighbourhood-map': { status: 'none' },
  'suspects-train': { status: 'none' },
  'suspects-test': { status: 'none' },
  'look-alikes': { status: 'none' },
  'drawing-look-alikes': { status: 'none' },
  classifier: { status: 'none' },
  'classifier-folds': { status: 'none' },
};

/** The suspect labels' analysis of one split. */
export const suspectsOf = (split: Split) => `suspects-${split}` as const;

/** The value of an analysis of `dataset` (and `subject`, where it has one), once ready; else null. */
export function readyValue<T>(state: AnalysisState<T>, dataset: Dataset | null, subject: number | null = null): T | null {
  return state.status === 'ready' && state.dataset === dataset && state.subject === subject ? state.value : null;
}

const NONE = { status: 'none' } as const;

/** The state of an analysis for `dataset` (and `subject`): 'none' (one object, so selectors stay stable) when it is of other data. */
export function stateFor<T>(state: AnalysisState<T>, dataset: Dataset | null, subject: number | null = null): AnalysisState<T> {
  return state.status !== 'none' && state.dataset === dataset && state.subject === subject ? state : NONE;
}
