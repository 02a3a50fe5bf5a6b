// The classifier being trained (the scheduler starts it when the Draw view is shown): its
// progress with Cancel, or why there is no model, with a way to train it.
import type { Dataset } from '../../data/dataset/dataset';
import { askForClassifier, cancelClassifier } from '../../state/jobs/scheduler';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { formatCount } from '../common/format';

export function ClassifierProgress({ dataset }: { dataset: Dataset }) {
  const state = useExplorerStore((s) => stateFor(s.analyses.classifier, dataset));
  const { noun } = dataset.info;
  return (
    <AnalysisStatus
      state={state.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : state}
      progressName="Training the classifier"
      computing="Training the classifier…"
      progressText={({ done, total, stage }) =>
        stage === 'training' ? `Training the classifier: epoch ${done} of ${total}` : `The classifier's input features: ${formatCount(done)} of ${formatCount(total)} ${noun.many}`
      }
      failed="The classifier could not be trained"
      cancelled={`The classifier is not trained: the look-alikes work without it, the model's prediction needs it.`}
      retry="Train the classifier"
      onRetry={askForClassifier}
      onCancel={cancelClassifier}
    />
  );
}
