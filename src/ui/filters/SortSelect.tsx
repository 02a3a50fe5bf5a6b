import { SORT_NAMES, SORT_ORDERS, type SortOrder } from '../../data/dataset/sortOrder';
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
    <label className="control">
      <span>Sort</span>
      <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as SortOrder)}>
        {SORT_ORDERS.map((order) => (
          <option key={order} value={order}>
            {SORT_NAMES[order]}
          </option>
        ))}
      </select>
      {waiting && <span className="hint">{statisticsStatus === 'failed' ? 'file order: the statistics failed' : 'file order until the statistics are ready…'}</span>}
    </label>
  );
}
