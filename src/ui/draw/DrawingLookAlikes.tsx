// The drawing's look-alikes: the 10 nearest of all the digits in pixels (exact), nearest first,
// each a button that opens it, named as the grid names its cells. They need no model, so they
// come as soon as something is drawn, while the classifier may still be training.
import { describeDigit, geometryOf, locateDigit, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { LOOK_ALIKES } from '../../state/jobs/lookAlikesJob';
import { askFor } from '../../state/jobs/scheduler';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { DigitThumbnail } from '../common/DigitThumbnail';
import { formatCount } from '../common/format';

export function DrawingLookAlikes({ dataset, drawing }: { dataset: Dataset; drawing: number }) {
  const answer = useExplorerStore((s) => stateFor(s.analyses['drawing-look-alikes'], dataset, drawing));
  const setOpen = useExplorerStore((s) => s.setOpen);
  const { noun } = dataset.info;
  return (
    <section className="look-alikes" aria-labelledby="drawing-look-alikes-title">
      <h3 id="drawing-look-alikes-title">Look-alikes</h3>
      <p className="hint">
        The {LOOK_ALIKES} nearest of all {formatCount(dataset.train.count + dataset.test.count)} {noun.many} to the drawing as the model sees it, by Euclidean distance
        over the {dataset.rows * dataset.cols} pixel values (exact: every {noun.one} is measured).
      </p>
      {answer.status !== 'ready' ? (
        <AnalysisStatus
          state={answer.status === 'none' ? { status: 'computing', dataset, subject: drawing, progress: null } : answer}
          progressName="Measuring look-alikes"
          computing="Measuring…"
          failed="The look-alikes could not be found"
          cancelled="The look-alikes were not measured."
          onRetry={() => askFor('drawing-look-alikes', drawing)}
        />
      ) : (
        <ol aria-label="Look-alikes of the drawing">
          {answer.value.map((n) => (
            <li key={n.id}>
              <button type="button" aria-label={describeDigit(dataset, n.id)} onClick={() => setOpen(locateDigit(dataset, n.id), 'grid')}>
                <DigitThumbnail pixels={pixelsOf(dataset, n.id)} geometry={geometryOf(dataset)} />
                <span>
                  {describeDigit(dataset, n.id)}
                  <br />
                  {n.distance.toFixed(1)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
