// How the classifier's training is worded wherever its progress shows (the toolbar, the Model and Draw views).
import type { AnalysisProgress } from '../../state/store/analysisState';
import { formatCount } from './format';

/** The stage under way, counted. */
export const classifierStageWords = (progress: AnalysisProgress) =>
  progress.stage === 'features'
    ? `Features of every digit: ${formatCount(progress.done)} of ${formatCount(progress.total)}`
    : progress.stage === 'cross-validation'
      ? `Cross-validating the train split: ${progress.done} of ${progress.total} fold epochs`
      : `Training: epoch ${progress.done} of ${progress.total}`;

