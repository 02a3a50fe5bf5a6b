// The Draw view (issue 23): draw a digit and see what the classifier trained here says of it,
// the 28 × 28 digit it reads, and the nearest real digits. The look-alikes need no model, so
// drawing works while the classifier trains.
import { DRAWN_SIDE } from '../../data/analysis/drawnDigit';
import type { Dataset } from '../../data/dataset/dataset';
import { readyValue } from '../../state/store/analysisState';
import { datasetId } from '../../state/store/datasetIds';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { withArticle } from '../common/format';
import { ClassifierTraining } from './ClassifierTraining';
import { DrawingLookAlikes } from './DrawingLookAlikes';
import { DrawingPad } from './DrawingPad';
import { DrawingPrediction } from './DrawingPrediction';
import { DrawnDigit } from './DrawnDigit';
import { useDrawing } from './useDrawing';

export function DrawView({ dataset }: { dataset: Dataset }) {
  const { noun } = dataset.info;
  const fits = dataset.rows === DRAWN_SIDE && dataset.cols === DRAWN_SIDE;
  return (
    <section className="draw-view" aria-labelledby="draw-title">
      <h2 id="draw-title">Draw {withArticle(noun.one)}</h2>
      {fits ? (
        // A new dataset starts on a clean pad: the drawing was laid out and read for the old one.
        <DrawingBoard key={datasetId(dataset)} dataset={dataset} />
      ) : (
        <p>
          The drawing pad takes {DRAWN_SIDE} × {DRAWN_SIDE} datasets, as MNIST's digits are prepared; these {noun.many} are {dataset.rows} × {dataset.cols}.
        </p>
      )}
    </section>
  );
}

function DrawingBoard({ dataset }: { dataset: Dataset }) {
  const model = useExplorerStore((s) => readyValue(s.analyses.classifier, s.dataset));
  const { drawing, probabilities, strokeEnded, clear } = useDrawing(dataset, model);
  const { noun } = dataset.info;
  return (
    <>
      <p id="draw-instruction" className="draw-instruction">
        Draw {withArticle(noun.one)} on the pad with the mouse, a finger or a pen, as large as the pad; lift to see what the model says. Clear starts again.
      </p>
      <div className="draw-board">
        <DrawingPad instructionId="draw-instruction" onStrokeEnd={strokeEnded} onClear={clear} />
        <DrawnDigit dataset={dataset} bytes={drawing?.digit.bytes ?? null} />
        {/* The training's progress where the prediction will be: it going moves nothing above,
            and the pad stays under the pen. */}
        <div className="drawing-prediction">
          {model ? <DrawingPrediction info={dataset.info} probabilities={probabilities} /> : <ClassifierTraining dataset={dataset} />}
        </div>
      </div>
      {drawing && <DrawingLookAlikes dataset={dataset} drawing={drawing.number} />}
    </>
  );
}
