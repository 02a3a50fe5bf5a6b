import { labelShort } from '../../data/dataset/catalog';
import { describeDigit, labelOf, locateDigit, geometryOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { LOOK_ALIKES } from '../../state/jobs/lookAlikesJob';
import { askFor } from '../../state/jobs/scheduler';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { DigitThumbnail } from '../common/DigitThumbnail';
import { formatCount } from '../common/format';

/**
 * The open digit's nearest neighbours among all digits (both splits), nearest first, each a
 * button that opens it; those with another label than the open digit's are marked.
 */
export function LookAlikes({ dataset, digit }: { dataset: Dataset; digit: number }) {
  // Asked for by the scheduler whenever a digit is open (jobs/scheduler.ts).
  const answer = useExplorerStore((s) => stateFor(s.analyses['look-alikes'], dataset, digit));
  const setOpen = useExplorerStore((s) => s.setOpen);
  const total = dataset.train.count + dataset.test.count;
  const label = labelOf(dataset, digit);
  return (
    <section className="look-alikes" aria-labelledby="look-alikes-title">
      <h3 id="look-alikes-title">Look-alikes</h3>
      <p className="hint">
        The {LOOK_ALIKES} nearest of all {formatCount(total)} digits by Euclidean distance over the 784 pixel values (exact: every digit is measured).
      </p>
      {answer.status !== 'ready' ? (
        <AnalysisStatus
          state={answer.status === 'none' ? { status: 'computing', dataset, subject: digit, progress: null } : answer}
          progressName="Measuring look-alikes"
          computing="Measuring…"
          failed="The look-alikes could not be found"
          cancelled="The look-alikes were not measured."
          onRetry={() => askFor('look-alikes', digit)}
        />
      ) : (
        <ol aria-label="Look-alikes">
          {answer.value.map((n) => {
            const other = labelOf(dataset, n.id) !== label;
            const name = `${describeDigit(dataset, n.id)}, distance ${n.distance.toFixed(2)}${other ? ', another label' : ''}`;
            return (
              <li key={n.id}>
                <button type="button" aria-label={name} title={name} className={other ? 'other-label' : undefined} onClick={() => setOpen(locateDigit(dataset, n.id))}>
                  <DigitThumbnail pixels={pixelsOf(dataset, n.id)} geometry={geometryOf(dataset)} />
                  <span>
                    {describeDigit(dataset, n.id)}
                    <br />
                    {n.distance.toFixed(1)}
                    {other && <strong> ≠ {labelShort(dataset.info, label)}</strong>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
