// Which classes the Model view's tables list: the dataset's classes (EMNIST letters has no
// class 0, though its model has an output for it), and any other the counts reach, so that no
// digit counted is left out of a table.
import type { ClassifierMetrics } from '../../data/analysis/classifierMetrics';
import { isClassLabel, type DatasetInfo } from '../../data/dataset/catalog';

export function classesShown(metrics: ClassifierMetrics, info: DatasetInfo): readonly number[] {
  const { classes, confusion } = metrics;
  const reached = (c: number) => {
    for (let k = 0; k < classes; k++) if (confusion[c * classes + k]! > 0 || confusion[k * classes + c]! > 0) return true;
    return false;
  };
  return Array.from({ length: classes }, (_, c) => c).filter((c) => isClassLabel(info, c) || reached(c));
}
