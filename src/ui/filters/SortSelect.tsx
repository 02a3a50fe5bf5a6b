import { KEYED_ORDERS, SORT_NAMES, SORT_ORDERS, type KeyedOrder } from '../../data/dataset/sortOrder';
import { LabelledSelect } from '../common/LabelledSelect';
import { useStatistics } from '../../state/store/selectors';
import { stateFor } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/**
 * The order the grid, the detail's Previous/Next and the data frame show the selection in. The
 * keyed orders need the statistics, computed once the data is shown: until then the selection
 * stays in file order, and says so (the suspect and model orders say so beside the filters).
 */
export function SortSelect() {
  const sort = useExplorerStore((s) => s.sort);
  const setSort = useExplorerStore((s) => s.setSort);
  const statisticsStatus = useExplorerStore((s) => stateFor(s.analyses.statistics, s.dataset).status);
  const statistics = useStatistics();
  // The suspect and model orders say what they wait for beside the filters (their progress).
  const waiting = (KEYED_ORDERS as readonly string[]).includes(sort) && (sort as KeyedOrder) === sort && !statistics;
  return (
    <LabelledSelect label="Sort" value={sort} options={SORT_ORDERS} optionLabel={(order) => SORT_NAMES[order]} onChange={setSort}>
      {waiting && <span className="hint">{statisticsStatus === 'failed' ? 'file order: the statistics failed' : 'file order until the statistics are ready…'}</span>}
    </LabelledSelect>
  );
}
