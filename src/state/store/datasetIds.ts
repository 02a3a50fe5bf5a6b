// A small number per dataset object, for keys that must change when the data does (React keys,
// the look-alike worker's name for the dataset it holds). No React here.
import type { Dataset } from '../../data/dataset/dataset';

const datasetIds = new WeakMap<Dataset, number>();
let nextDatasetId = 1;
export function datasetId(dataset: Dataset): number {
  let id = datasetIds.get(dataset);
  if (id === undefined) {
    id = nextDatasetId++;
    datasetIds.set(dataset, id);
  }
  return id;
}

