// The suspect labels' progress beside the filters while they are computed (with Cancel), and a
// way to ask for them when the grid is sorted by them but they were cancelled or failed.
import { splitsShown } from '../../data/dataset/labelIndex';
import type { Split } from '../../data/dataset/fileSlots';
import { askForSuspects, cancelSuspects } from '../../state/jobs/scheduler';
import { stateFor, suspectsOf, type AnalysisState } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { readoutCovers } from '../../state/store/modelMemo';
import { useModelReadout } from '../../state/store/selectors';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { formatCount } from '../common/format';

/** Each split's state, the one computing now first (a queued split waits with no progress). */
function useSplitStates(): { split: Split; state: AnalysisState<unknown> }[] {
  const test = useExplorerStore((s) => stateFor(s.analyses[suspectsOf('test')], s.dataset));
  const train = useExplorerStore((s) => stateFor(s.analyses[suspectsOf('train')], s.dataset));
  const states = [
    { split: 'test' as const, state: test },
    { split: 'train' as const, state: train },
  ];
  const active = (x: (typeof states)[number]) => (x.state.status === 'computing' ? (x.state.progress ? 0 : 1) : 2);
  return states.sort((a, b) => active(a) - active(b));
}

export function SuspectsProgress() {
  const dataset = useExplorerStore((s) => s.dataset);
  const sort = useExplorerStore((s) => s.sort);
  const split = useExplorerStore((s) => s.split);
  const states = useSplitStates();
  // Once the classifier covers the splits shown, the order is confident learning's: the
  // neighbours' vote missing is nothing to report.
  const byModel = readoutCovers(useModelReadout(), split);
  if (!dataset) return null;
  const running = states.find((s) => s.state.status === 'computing');
  const shown = splitsShown(split);
  const missing = shown.filter((s) => states.find((x) => x.split === s)!.state.status !== 'ready');
  if (!running && ((sort !== 'suspect' && sort !== 'neighbours') || missing.length === 0 || (sort === 'suspect' && byModel))) return null;
  // Nothing under way: the first split shown that has no result says why (cancelled or failed), or that none was asked for.
  const { split: about, state } = running ?? states.find((s) => s.split === missing[0])!;
  return (
    <div className="suspects-progress">
      <AnalysisStatus
        state={state.status === 'none' ? { status: 'failed', dataset, subject: null, code: 'cancelled', message: '' } : state}
        progressName="Finding suspect labels"
        computing={`Suspect labels, ${about} split: starting…`}
        progressText={({ done, total }) => `Suspect labels, ${about} split: ${formatCount(done)} of ${formatCount(total)}`}
        failed="Suspect labels failed"
        cancelled="Suspect labels are not computed; the grid is in file order."
        retry="Find suspect labels"
        onRetry={() => askForSuspects(missing)}
        onCancel={cancelSuspects}
      />
    </div>
  );
}
