import { SORT_NAMES, SORT_ORDERS } from '../../data/dataset/sortOrder';
import { LabelledSelect } from '../common/LabelledSelect';
import { useStatistics } from '../../state/store/selectors';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/**
 * The order the grid, the detail's Previous/Next and the data frame show the selection in. The
 * orders other than file order need the statistics, computed once the data is shown: until then
 * the selection stays in file order, and says so.
 */
export function SortSelect() {
  const sort = useExplorerStore((s) => s.sort);
  const setSort = useExplorerStore((s) => s.setSort);
  const statisticsStatus = useExplorerStore((s) => stateFor(s.analyses.statistics, s.dataset).status);
  const statistics = useStatistics();
  const waiting = sort !== 'file' && !statistics;
  return (
    <LabelledSelect label="Sort" value={sort} options={SORT_ORDERS} optionLabel={(order) => SORT_NAMES[order]} onChange={setSort}>
      {waiting && <span className="hint">{statisticsStatus === 'failed' ? 'file order: the statistics failed' : 'file order until the statistics are ready…'}</span>}
    </LabelledSelect>
  );
}
