// The classifier's accuracy: on the test split, by the first model (it never saw those digits),
// and on the train split, cross-validated (each digit by the fold model that did not see it).
// The share with one decimal and the exact count beside it, so the figure can be checked.
import type { Dataset } from '../../data/dataset/dataset';
import type { ClassifierMetrics } from '../../data/analysis/classifierMetrics';
import type { Split } from '../../data/dataset/fileSlots';
import { formatCount, formatPercent } from '../common/format';

interface Props {
  readonly dataset: Dataset;
  readonly test: ClassifierMetrics | null;
  readonly train: ClassifierMetrics | null;
}

const TITLES: Record<Split, string> = { test: 'Test accuracy', train: 'Cross-validated train accuracy' };
const HOW: Record<Split, string> = {
  test: 'by the first model, trained on the train split',
  train: 'each by the fold model that did not see it',
};

function AccuracyLine({ dataset, split, metrics }: { dataset: Dataset; split: Split; metrics: ClassifierMetrics }) {
  const { noun } = dataset.info;
  return (
    <p className="model-accuracy">
      <strong>
        {TITLES[split]} {formatPercent(metrics.correct, metrics.count)}
      </strong>{' '}
      <span>
        {formatCount(metrics.correct)} of {formatCount(metrics.count)} {split} {metrics.count === 1 ? noun.one : noun.many} {HOW[split]}
      </span>
    </p>
  );
}

export function ModelAccuracy({ dataset, test, train }: Props) {
  const { noun } = dataset.info;
  return (
    <section className="model-section" aria-labelledby="model-accuracy-heading">
      <h3 id="model-accuracy-heading">Accuracy</h3>
      {dataset.test.count === 0 ? (
        <p>This dataset has no test split: there is no test accuracy, and the cross-validated train accuracy stands in for it.</p>
      ) : test ? (
        <AccuracyLine dataset={dataset} split="test" metrics={test} />
      ) : (
        <p className="hint">The test accuracy follows the first model’s training.</p>
      )}
      {train ? (
        <AccuracyLine dataset={dataset} split="train" metrics={train} />
      ) : (
        <p className="hint">The cross-validated train accuracy follows the cross-validation of the {formatCount(dataset.train.count)} train {noun.many}.</p>
      )}
    </section>
  );
}
