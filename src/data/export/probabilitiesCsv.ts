// The classifier's out-of-sample probabilities as a CSV for the notebook (Save probabilities):
// every digit's split, index, label, predicted class and its probability of each class, a row per
// digit in file order (train, then test). Each probability is the shortest text that reads back
// to the very number the app ranks with, so numpy recomputes the confusion matrix, precision,
// recall and the confident-learning ranking from the file alone and gets the app's.
import type { Dataset } from '../dataset/dataset';
import type { DatasetInfo } from '../dataset/catalog';

/** `split,index,label,predicted,p0,…,p{classes−1}`. */
export function probabilitiesHeader(classes: number): string {
  return ['split', 'index', 'label', 'predicted', ...Array.from({ length: classes }, (_, j) => `p${j}`)].join(',');
}

/** `mnist-probabilities.csv`. */
export function probabilitiesFileName(info: DatasetInfo): string {
  return `${info.id}-probabilities.csv`;
}

/** The CSV of `probabilities` (`classes` per digit by global id) and `predicted` for every digit of `dataset`. */
export function probabilitiesCsv(dataset: Dataset, probabilities: ArrayLike<number>, predicted: Uint8Array, classes: number): string {
  const total = dataset.train.count + dataset.test.count;
  if (probabilities.length !== total * classes || predicted.length !== total) {
    throw new Error(`${probabilities.length / classes} rows of probabilities and ${predicted.length} predictions for ${total} digits`);
  }
  const lines = [probabilitiesHeader(classes)];
  let id = 0;
  for (const split of [dataset.train, dataset.test]) {
    for (let index = 0; index < split.count; index++, id++) {
      const row = [split.split, index, split.labels[index]!, predicted[id]!];
      for (let j = 0; j < classes; j++) row.push(probabilities[id * classes + j]!);
      lines.push(row.join(','));
    }
  }
  lines.push('');
  return lines.join('\n');
}
