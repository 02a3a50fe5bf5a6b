// How the classifier's training is worded wherever its progress shows (the toolbar, the Model and Draw views).
import type { AnalysisProgress } from '../../state/store/analysisState';
import { formatCount } from './format';

/** The stage under way, counted; `one` is the dataset's word for an item ("digit", "image"). */
export const classifierStageWords = (progress: AnalysisProgress, one = 'digit') =>
  progress.stage === 'features'
    ? `Features of every ${one}: ${formatCount(progress.done)} of ${formatCount(progress.total)}`
    : progress.stage === 'cross-validation'
      ? `Cross-validating the train split, fold models: ${progress.done} of ${progress.total} epochs`
      : `Training: epoch ${progress.done} of ${progress.total}`;

