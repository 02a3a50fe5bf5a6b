// The classifier being trained for the drawing pad (the scheduler starts it when the Draw view is
// shown): its progress with Cancel, or why there is no model, with a way to train it. Worded as
// everywhere its training shows (classifierWords.ts).
import type { Dataset } from '../../data/dataset/dataset';
import { askForClassifier, cancelClassifier } from '../../state/jobs/scheduler';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { classifierStageWords } from '../common/classifierWords';

export function ClassifierTraining({ dataset }: { dataset: Dataset }) {
  const state = useExplorerStore((s) => stateFor(s.analyses.classifier, dataset));
  return (
    <AnalysisStatus
      state={state.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : state}
      progressName="Training the classifier"
      computing="Training the classifier…"
      progressText={classifierStageWords}
      failed="The classifier could not be trained"
      cancelled="The classifier is not trained: the look-alikes work without it, the prediction needs it."
      retry="Train the classifier"
      onRetry={askForClassifier}
      onCancel={cancelClassifier}
    />
  );
}
