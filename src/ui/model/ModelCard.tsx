// What the classifier is and how it was trained, as a model card states it: its layers, the
// optimiser and its settings, the time each step took and where it ran; whether it was trained
// now or read back from the copy kept with the data; how the train split was cross-validated.
import type { Dataset } from '../../data/dataset/dataset';
import { BATCH_SIZE, LEARNING_RATE } from '../../data/analysis/fixedFeatureClassifier';
import { modelLayers, type CrossValidation, type TrainedModel } from '../../data/analysis/trainedModel';
import type { AnalysisState } from '../../state/store/analysisState';
import { formatCount, formatSeconds } from '../common/format';

type Ready<T> = Extract<AnalysisState<T>, { status: 'ready' }>;

interface Props {
  readonly dataset: Dataset;
  readonly model: Ready<TrainedModel>;
  readonly folds: AnalysisState<CrossValidation>;
}

export function ModelCard({ dataset, model, folds }: Props) {
  const { classes, settings, timings, backend } = model.value;
  const { noun } = dataset.info;
  const firstFoldSeed = settings.seed + 1;
  return (
    <section className="model-section" aria-labelledby="model-card-heading">
      <h3 id="model-card-heading">The model</h3>
      <ol className="model-layers" aria-label="Layers">
        {modelLayers(classes, dataset.rows, dataset.cols).map((layer) => (
          <li key={layer}>{layer}</li>
        ))}
      </ol>
      <dl className="model-facts">
        <dt>Training</dt>
        <dd>
          {settings.epochs} epochs over the {formatCount(dataset.train.count)} train {noun.many}, batches of {BATCH_SIZE}, Adam (learning rate {LEARNING_RATE}),
          softmax cross-entropy; seed {settings.seed}
        </dd>
        <dt>Time</dt>
        <dd>
          features {formatSeconds(timings.features)} + training {formatSeconds(timings.training)} = {formatSeconds(timings.features + timings.training)}
          {model.kept && <> — read back from the kept copy (trained in {formatSeconds(model.ms)})</>}
        </dd>
        <dt>Backend</dt>
        <dd>{backend}</dd>
        <dt>Cross-validation</dt>
        <dd>
          {settings.folds} stratified folds of the train split, each predicted by a model trained on the other {settings.folds - 1} (seeds {firstFoldSeed}–
          {firstFoldSeed + settings.folds - 1})
          {folds.status === 'ready' ? (
            <>
              {' '}
              in {formatSeconds(folds.ms)}
              {folds.kept && ', read back from the kept copy'}
            </>
          ) : (
            ': not done yet'
          )}
        </dd>
      </dl>
    </section>
  );
}
