// Beside the filters while the grid (or the data frame) waits for the classifier — sorted by
// hardness, mistakenness or suspicion, or filtered by prediction — its training's progress with
// Cancel, and what stands in meanwhile: file order, nothing selected (a prediction is never
// guessed), or the neighbours' vote for the suspect labels.
import { MODEL_ORDERS } from '../../data/dataset/sortOrder';
import { splitsShown } from '../../data/dataset/labelIndex';
import { askForClassifier, cancelClassifier } from '../../state/jobs/scheduler';
import { stateFor, type AnalysisState } from '../../state/store/analysisState';
import { classifierStageWords } from '../common/classifierWords';
import { readoutCovers } from '../../state/store/modelMemo';
import { useModelReadout } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';

export function ClassifierProgress() {
  const dataset = useExplorerStore((s) => s.dataset);
  const sort = useExplorerStore((s) => s.sort);
  const split = useExplorerStore((s) => s.split);
  const view = useExplorerStore((s) => s.view);
  const predicted = useExplorerStore((s) => s.predicted);
  const model = useExplorerStore((s) => stateFor(s.analyses.classifier, s.dataset));
  const folds = useExplorerStore((s) => stateFor(s.analyses['classifier-folds'], s.dataset));
  const readout = useModelReadout();
  const wants = (sort === 'suspect' || MODEL_ORDERS.includes(sort) || predicted.length > 0) && (view === 'digits' || view === 'table');
  if (!dataset || !wants || readoutCovers(readout, split)) return null;
  // The first model covers the test split; the train split waits for the folds.
  const waitingFor: AnalysisState<unknown> = model.status === 'ready' && splitsShown(split).includes('train') ? folds : model;
  const standIn = predicted.length > 0 ? 'nothing is selected by prediction yet' : sort === 'suspect' ? 'the neighbours’ vote orders the suspect labels until then' : 'file order until then';
  return (
    <div className="suspects-progress">
      <AnalysisStatus
        state={waitingFor.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : waitingFor}
        progressName="Training the classifier"
        computing={`Training the classifier (${standIn})…`}
        progressText={(p) => `${classifierStageWords(p)} (${standIn})`}
        failed="The classifier could not be trained"
        cancelled={`The classifier is not trained: ${standIn}.`}
        retry="Train the classifier"
        onRetry={askForClassifier}
        onCancel={cancelClassifier}
      />
    </div>
  );
}
