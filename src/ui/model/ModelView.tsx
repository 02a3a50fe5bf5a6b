// The Model view: the classifier of the dataset on screen, as FiftyOne's evaluation panel or
// scikit-learn's classification report show one — how it was trained, its accuracy on the test
// split and (cross-validated) on the train split, precision and recall per class and the
// confusion matrix of the split chosen, whose counts open those digits in the grid, the label
// issues confident learning finds, and the probabilities for a notebook. The training itself
// runs in the background (state/jobs/classifierJobs.ts), started by the scheduler for this view.
import { useState } from 'react';
import type { Dataset } from '../../data/dataset/dataset';
import type { Split } from '../../data/dataset/fileSlots';
import { stateFor } from '../../state/store/analysisState';
import { useSplitMetrics } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';
import { ClassReport } from './ClassReport';
import { ConfusionMatrix } from './ConfusionMatrix';
import { EvaluatedSplit } from './EvaluatedSplit';
import { LabelIssuesSummary } from './LabelIssuesSummary';
import { ModelAccuracy } from './ModelAccuracy';
import { ModelCard } from './ModelCard';
import { ModelTraining } from './ModelTraining';
import { SaveProbabilities } from './SaveProbabilities';

export function ModelView({ dataset }: { dataset: Dataset }) {
  const model = useExplorerStore((s) => stateFor(s.analyses.classifier, dataset));
  const folds = useExplorerStore((s) => stateFor(s.analyses['classifier-folds'], dataset));
  const metrics = { test: useSplitMetrics('test'), train: useSplitMetrics('train') };
  const [chosen, setChosen] = useState<Split>('test');
  const available = { test: metrics.test !== null && dataset.test.count > 0, train: metrics.train !== null };
  // The split asked for when it is there, else the other (a dataset without a test split).
  const split: Split | null = available[chosen] ? chosen : available.test ? 'test' : available.train ? 'train' : null;
  const shown = split && metrics[split];
  const total = dataset.train.count + dataset.test.count;
  return (
    <section className="model-view" aria-labelledby="model-heading">
      <h2 id="model-heading">
        Classifier of all {formatCount(total)} {dataset.info.noun.many}
      </h2>
      <SaveProbabilities dataset={dataset} />
      <ModelTraining dataset={dataset} model={model} folds={folds} />
      {model.status === 'ready' && <ModelCard dataset={dataset} model={model} folds={folds} />}
      <ModelAccuracy dataset={dataset} test={metrics.test} train={metrics.train} />
      {split && shown && (
        <section className="model-section" aria-labelledby="model-evaluation-heading">
          <h3 id="model-evaluation-heading">Per class</h3>
          <EvaluatedSplit value={split} available={available} onChange={setChosen} />
          <ClassReport metrics={shown} info={dataset.info} split={split} />
          <p className="hint">
            The diagonal (green, bold) holds the {dataset.info.noun.many} predicted as labelled; the mistakes are off it (red, deeper for a larger share of the
            row). Each count shows its {dataset.info.noun.many} in the grid.
          </p>
          <ConfusionMatrix metrics={shown} info={dataset.info} split={split} />
        </section>
      )}
      <LabelIssuesSummary dataset={dataset} />
    </section>
  );
}
