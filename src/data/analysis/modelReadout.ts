// What the classifier says about every digit, by global id: the test split's probabilities from
// the first model, the train split's from the cross-validation folds (each split as far as it is
// there), and what follows — predictions, the hard and mistaken orders, the label issues by
// confident learning. Each split is judged on its own probabilities (the folds' models and the
// first model are different models, so their confidences are not mixed in one threshold).
import { classifierMetrics, hardness, mistakenOrder } from './classifierMetrics';
import { confidentLearning } from './confidentLearning';
import type { CrossValidation, TrainedModel } from './trainedModel';
import type { Split } from '../dataset/fileSlots';

/** A prediction not known (its split's probabilities are not there yet). */
export const UNKNOWN = 255;

export interface ModelReadout {
  readonly classes: number;
  readonly trainCount: number;
  readonly total: number;
  readonly known: Readonly<Record<Split, boolean>>;
  /** total × classes; zeros where the split is not known. */
  readonly probabilities: Float32Array<ArrayBuffer>;
  /** Per digit: the most probable class (ties to the smaller), UNKNOWN where not known. */
  readonly predicted: Uint8Array<ArrayBuffer>;
}

export function modelReadout(labels: Uint8Array, trainCount: number, model: TrainedModel | null, folds: CrossValidation | null): ModelReadout | null {
  const classes = model?.classes ?? folds?.classes;
  if (classes === undefined || (model && folds && model.classes !== folds.classes)) return null;
  const total = labels.length;
  const testCount = total - trainCount;
  const known = {
    train: folds !== null && folds.trainProbabilities.length === trainCount * classes,
    test: model !== null && model.testProbabilities.length === testCount * classes,
  };
  const probabilities = new Float32Array(total * classes);
  const predicted = new Uint8Array(total).fill(UNKNOWN);
  const parts: [boolean, Float32Array | undefined, number, number][] = [
    [known.train, folds?.trainProbabilities, 0, trainCount],
    [known.test, model?.testProbabilities, trainCount, testCount],
  ];
  for (const [isKnown, part, from, count] of parts) {
    if (!isKnown || !part) continue;
    probabilities.set(part, from * classes);
    predicted.set(classifierMetrics(part, labels.subarray(from, from + count), classes).predicted, from);
  }
  return { classes, trainCount, total, known, probabilities, predicted };
}

const splitRange = (readout: ModelReadout, split: Split): [number, number] => (split === 'train' ? [0, readout.trainCount] : [readout.trainCount, readout.total]);

/** Every digit, hardest first (the entropy of its probabilities, FiftyOne's hardness), ties by id. */
export function hardRanking(readout: ModelReadout): Uint32Array<ArrayBuffer> {
  const entropy = hardness(readout.probabilities, readout.classes);
  return Uint32Array.from({ length: readout.total }, (_, i) => i).sort((a, b) => entropy[b]! - entropy[a]! || a - b);
}

/** Every digit, most mistaken first (confidently wrong first, then the least sure of its label). */
export function mistakenRanking(readout: ModelReadout, labels: Uint8Array): Uint32Array<ArrayBuffer> {
  // Labels no class (255) are never "wrong": they count as their prediction.
  const fitted = Uint8Array.from(labels, (l, i) => (l < readout.classes ? l : readout.predicted[i]! === UNKNOWN ? 0 : readout.predicted[i]!));
  return mistakenOrder(readout.probabilities, fitted, readout.classes, Uint8Array.from(readout.predicted, (p) => (p === UNKNOWN ? 0 : p)));
}

/** Confident learning's verdict on every digit of the known splits. */
export interface LabelIssues {
  /** Per digit: 1 when confident learning counts it off the diagonal (a label issue). */
  readonly issue: Uint8Array<ArrayBuffer>;
  /** Per digit: the class it is confidently counted under, −1 for none. */
  readonly confidentClass: Int16Array<ArrayBuffer>;
  /** Per digit: the probability of its label (NaN where not known or the label is no class). */
  readonly selfConfidence: Float64Array<ArrayBuffer>;
  /** Every digit: issues first by self-confidence (lowest first), then the others by it, ties by id. */
  readonly ranking: Uint32Array<ArrayBuffer>;
  /** How many issues each split has (0 where not known). */
  readonly counts: Readonly<Record<Split, number>>;
}

export function labelIssues(readout: ModelReadout, labels: Uint8Array): LabelIssues {
  const { classes, total } = readout;
  const issue = new Uint8Array(total);
  const confidentClass = new Int16Array(total).fill(-1);
  const selfConfidence = new Float64Array(total).fill(NaN);
  const counts = { train: 0, test: 0 };
  for (const split of ['train', 'test'] as const) {
    if (!readout.known[split]) continue;
    const [from, to] = splitRange(readout, split);
    // Digits whose label is no class take no part (cleanlab's labels are classes).
    const ids = Uint32Array.from({ length: to - from }, (_, i) => from + i).filter((id) => labels[id]! < classes);
    const probabilities = new Float32Array(ids.length * classes);
    ids.forEach((id, row) => probabilities.set(readout.probabilities.subarray(id * classes, (id + 1) * classes), row * classes));
    const found = confidentLearning(probabilities, Uint8Array.from(ids, (id) => labels[id]!), classes);
    ids.forEach((id, row) => {
      confidentClass[id] = found.confidentClass[row]!;
      selfConfidence[id] = found.selfConfidence[row]!;
    });
    for (const row of found.issues) issue[ids[row]!] = 1;
    counts[split] = found.issues.length;
  }
  const key = (id: number) => (Number.isNaN(selfConfidence[id]!) ? Infinity : selfConfidence[id]!);
  const ranking = Uint32Array.from({ length: total }, (_, i) => i).sort((a, b) => issue[b]! - issue[a]! || key(a) - key(b) || a - b);
  return { issue, confidentClass, selfConfidence, ranking, counts };
}
