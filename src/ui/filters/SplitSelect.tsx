import { SPLIT_FILTERS, type SplitFilter } from '../../data/dataset/labelIndex';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { LabelledSelect } from '../common/LabelledSelect';

const SPLIT_NAMES: Record<SplitFilter, string> = { train: 'Train', test: 'Test', all: 'All' };

export function SplitSelect() {
  const split = useExplorerStore((s) => s.split);
  const setSplit = useExplorerStore((s) => s.setSplit);
  return <LabelledSelect label="Split" value={split} options={SPLIT_FILTERS} optionLabel={(s) => SPLIT_NAMES[s]} onChange={setSplit} />;
}
