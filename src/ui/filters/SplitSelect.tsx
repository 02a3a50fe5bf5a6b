import { SPLIT_FILTERS, type SplitFilter } from '../../data/dataset/labelIndex';
import { useExplorerStore } from '../../state/store/useExplorerStore';

const SPLIT_NAMES: Record<SplitFilter, string> = { train: 'Train', test: 'Test', all: 'All' };

export function SplitSelect() {
  const split = useExplorerStore((s) => s.split);
  const setSplit = useExplorerStore((s) => s.setSplit);
  return (
    <label className="control">
      <span>Split</span>
      <select aria-label="Split" value={split} onChange={(e) => setSplit(e.target.value as SplitFilter)}>
        {SPLIT_FILTERS.map((s) => (
          <option key={s} value={s}>
            {SPLIT_NAMES[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
