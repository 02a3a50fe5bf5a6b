// The suspect labels' progress beside the filters while they are computed (with Cancel), and a
// way to ask for them when the grid is sorted by them but they were cancelled or failed.
import { splitsShown, cancelSuspects, wantSuspects } from '../../state/jobs/suspectsRunner';
import { useSuspects } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';

export function SuspectsProgress() {
  const dataset = useExplorerStore((s) => s.dataset);
  const sort = useExplorerStore((s) => s.sort);
  const split = useExplorerStore((s) => s.split);
  const suspects = useSuspects();
  const job = suspects?.job ?? null;
  if (!dataset) return null;
  if (job) {
    const percent = Math.floor((100 * job.done) / Math.max(1, job.total));
    return (
      <div className="suspects-progress">
        <progress aria-label="Finding suspect labels" max={job.total} value={job.done} aria-valuetext={`${percent} % of the ${job.split} split`} />
        <span>
          Suspect labels, {job.split} split: {formatCount(job.done)} of {formatCount(job.total)}
        </span>
        <button type="button" onClick={cancelSuspects}>
          Cancel
        </button>
      </div>
    );
  }
  const missing = splitsShown(split).filter((s) => !suspects || suspects.parts[s] === null);
  if (sort !== 'suspect' || missing.length === 0) return null;
  return (
    <div className="suspects-progress">
      <span>
        {suspects?.failure ? `Suspect labels failed (${suspects.failure.code}): ${suspects.failure.message}. ` : 'Suspect labels are not computed; the grid is in file order. '}
      </span>
      <button type="button" onClick={() => wantSuspects(dataset, missing)}>
        Find suspect labels
      </button>
    </div>
  );
}
