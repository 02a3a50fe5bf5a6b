import type { Split } from '../../data/mnist';
import type { SplitFilter } from '../../data/labelIndex';
import type { DatasetStatistics } from '../../data/statistics';

/** What every figure of the statistics view draws from: the statistics and the filter on screen. */
export interface FigureProps {
  readonly stats: DatasetStatistics;
  readonly labels: Record<Split, Uint8Array>;
  readonly split: SplitFilter;
  readonly digits: readonly number[];
  /** The start of the figure's PNG/CSV file name, naming the split and filter. */
  readonly fileStem: string;
}

export const SPLIT_WORDS: Record<SplitFilter, string> = { train: 'the train split', test: 'the test split', all: 'train + test' };
