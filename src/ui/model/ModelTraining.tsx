// How the classifier's two analyses are under way, or why they have no result: the first model
// (every digit's features, then its training) and the train split's cross-validation. The
// first model's Cancel stops both (the folds wait for its features); the folds' own Cancel
// stops only them. Nothing once both are ready.
import type { Dataset } from '../../data/dataset/dataset';
import type { CrossValidation, TrainedModel } from '../../data/analysis/trainedModel';
import { MODEL_SETTINGS } from '../../data/analysis/trainedModel';
import { askFor, askForClassifier, cancelAnalysis, cancelClassifier } from '../../state/jobs/scheduler';
import type { AnalysisState } from '../../state/store/analysisState';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { classifierStageWords } from '../common/classifierWords';

interface Props {
  readonly dataset: Dataset;
  readonly model: AnalysisState<TrainedModel>;
  readonly folds: AnalysisState<CrossValidation>;
}

export function ModelTraining({ dataset, model, folds }: Props) {
  const { folds: foldCount, epochs } = MODEL_SETTINGS;
  // Before the scheduler has started it (a frame at most), the first model is as good as starting.
  const first: AnalysisState<TrainedModel> = model.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : model;
  // When the first model was cancelled or failed, its Retry asks for both: one way back is enough.
  const firstStopped = first.status === 'failed';
  return (
    <div className="model-training">
      {first.status !== 'ready' && <span className="model-training-name">First model</span>}
      <AnalysisStatus
        state={first}
        progressName="Training the classifier"
        computing="Preparing the classifier (a kept one is read back when there is one)…"
        progressText={(progress) => classifierStageWords(progress, dataset.info.noun.one)}
        failed="The classifier could not be trained"
        cancelled="The classifier was not trained."
        retry="Train the classifier"
        onRetry={askForClassifier}
        onCancel={cancelClassifier}
      />
      {!firstStopped && folds.status !== 'none' && folds.status !== 'ready' && <span className="model-training-name">Cross-validation</span>}
      {!firstStopped && folds.status !== 'none' && (
        <AnalysisStatus
          state={folds}
          progressName="Cross-validating the train split"
          computing={`Cross-validating the train split: ${foldCount} fold models of ${epochs} epochs each, once every ${dataset.info.noun.one}’s features are there…`}
          progressText={(progress) => classifierStageWords(progress, dataset.info.noun.one)}
          failed="The train split could not be cross-validated"
          cancelled="The train split was not cross-validated."
          retry="Cross-validate the train split"
          onRetry={() => askFor('classifier-folds')}
          onCancel={() => cancelAnalysis('classifier-folds')}
        />
      )}
    </div>
  );
}
