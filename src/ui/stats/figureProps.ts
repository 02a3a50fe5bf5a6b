import type { Split } from '../../data/dataset/fileSlots';
import type { SplitFilter } from '../../data/dataset/labelIndex';
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { DatasetInfo } from '../../data/dataset/catalog';
import type { ImageGeometry } from '../../data/dataset/dataset';

/** What every figure of the statistics view draws from: the statistics and the filter on screen. */
export interface FigureProps {
  readonly stats: DatasetStatistics;
  readonly labels: Record<Split, Uint8Array>;
  readonly split: SplitFilter;
  /** The labels the filter shows (every class when there is no filter), ascending. */
  readonly digits: readonly number[];
  /** Whether there is no label filter. */
  readonly everyLabel: boolean;
  readonly info: DatasetInfo;
  readonly geometry: ImageGeometry;
  /** The start of the figure's PNG/CSV file name, naming the split and filter. */
  readonly fileStem: string;
}

export const SPLIT_WORDS: Record<SplitFilter, string> = { train: 'the train split', test: 'the test split', all: 'train + test' };
