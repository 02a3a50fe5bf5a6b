// The classifier's readout of the dataset on screen and the orders it gives, computed once per
// model (and folds) however many components ask: no React here, so selectors and jobs share it.
import { labelsByGlobalId, type Dataset } from '../../data/dataset/dataset';
import { hardRanking, labelIssues, mistakenRanking, modelReadout, type LabelIssues, type ModelReadout } from '../../data/analysis/modelReadout';
import type { CrossValidation, TrainedModel } from '../../data/analysis/trainedModel';
import type { SplitFilter } from '../../data/dataset/labelIndex';
import type { Split } from '../../data/dataset/fileSlots';
import { classifierMetrics, type ClassifierMetrics } from '../../data/analysis/classifierMetrics';
import { splitsShown } from '../../data/dataset/labelIndex';

const labelsMemo = new WeakMap<Dataset, Uint8Array>();
/** Every digit's label by global id, once per dataset. */
export function globalLabels(dataset: Dataset): Uint8Array {
  let labels = labelsMemo.get(dataset);
  if (!labels) labelsMemo.set(dataset, (labels = labelsByGlobalId(dataset)));
  return labels;
}

const readoutMemo = new WeakMap<Dataset, { model: TrainedModel | null; folds: CrossValidation | null; readout: ModelReadout | null }>();
export function readoutOf(dataset: Dataset, model: TrainedModel | null, folds: CrossValidation | null): ModelReadout | null {
  const cached = readoutMemo.get(dataset);
  if (cached && cached.model === model && cached.folds === folds) return cached.readout;
  const readout = model || folds ? modelReadout(globalLabels(dataset), dataset.train.count, model, folds) : null;
  readoutMemo.set(dataset, { model, folds, readout });
  return readout;
}

/** Whether the readout knows every split `split` shows. */
export function readoutCovers(readout: ModelReadout | null, split: SplitFilter): readout is ModelReadout {
  return readout !== null && splitsShown(split).every((s) => readout.known[s]);
}

const orders = new WeakMap<ModelReadout, { hard?: Uint32Array; mistaken?: Uint32Array; issues?: LabelIssues; metrics?: Partial<Record<Split, ClassifierMetrics>> }>();
function ordersOf(readout: ModelReadout) {
  let o = orders.get(readout);
  if (!o) orders.set(readout, (o = {}));
  return o;
}

export function hardRankingOf(readout: ModelReadout): Uint32Array {
  const o = ordersOf(readout);
  return (o.hard ??= hardRanking(readout));
}

export function mistakenRankingOf(readout: ModelReadout, dataset: Dataset): Uint32Array {
  const o = ordersOf(readout);
  return (o.mistaken ??= mistakenRanking(readout, globalLabels(dataset)));
}

export function labelIssuesOf(readout: ModelReadout, dataset: Dataset): LabelIssues {
  const o = ordersOf(readout);
  return (o.issues ??= labelIssues(readout, globalLabels(dataset)));
}

/**
 * The classifier's figures on one split — the test split by the first model, the train split by
 * the folds' models — from that split's probabilities alone; null while they are not there.
 */
export function splitMetricsOf(readout: ModelReadout, dataset: Dataset, split: Split): ClassifierMetrics | null {
  if (!readout.known[split]) return null;
  const metrics = (ordersOf(readout).metrics ??= {});
  const [from, to] = split === 'train' ? [0, readout.trainCount] : [readout.trainCount, readout.total];
  const { classes } = readout;
  return (metrics[split] ??= classifierMetrics(readout.probabilities.subarray(from * classes, to * classes), globalLabels(dataset).subarray(from, to), classes));
}
