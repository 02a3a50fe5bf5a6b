// What a classifier's probabilities say about the data, computed the way a notebook would with
// numpy or scikit-learn: each digit's prediction (the most probable class, ties to the smaller),
// accuracy, the confusion matrix (rows: label, columns: predicted), precision and recall per
// class, and two orders over the digits — hardness (the entropy of the probabilities, FiftyOne's
// hardness) and mistakenness (confidently wrong first).

export interface ClassifierMetrics {
  readonly classes: number;
  readonly count: number;
  /** Per digit: the most probable class (the first of equal ones, as `np.argmax`). */
  readonly predicted: Uint8Array<ArrayBuffer>;
  /** Digits whose prediction is their label. */
  readonly correct: number;
  /** Row-major classes × classes: label × predicted. */
  readonly confusion: Uint32Array<ArrayBuffer>;
  /** Per class: of the digits predicted as it, the share labelled it (NaN when none is predicted as it). */
  readonly precision: Float64Array<ArrayBuffer>;
  /** Per class: of the digits labelled it, the share predicted as it (NaN when none carries it). */
  readonly recall: Float64Array<ArrayBuffer>;
}

function checkShape(probabilities: ArrayLike<number>, labels: Uint8Array, classes: number): void {
  if (probabilities.length !== labels.length * classes) throw new RangeError(`${probabilities.length} probabilities for ${labels.length} digits of ${classes} classes`);
}

/** The prediction of every digit, and the figures of the predictions against `labels`. */
export function classifierMetrics(probabilities: ArrayLike<number>, labels: Uint8Array, classes: number): ClassifierMetrics {
  checkShape(probabilities, labels, classes);
  const count = labels.length;
  const predicted = new Uint8Array(count);
  const confusion = new Uint32Array(classes * classes);
  let correct = 0;
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (probabilities[i * classes + j]! > probabilities[i * classes + best]!) best = j;
    predicted[i] = best;
    const label = labels[i]!;
    if (label < classes) confusion[label * classes + best]! += 1;
    if (label === best) correct++;
  }
  const precision = new Float64Array(classes);
  const recall = new Float64Array(classes);
  for (let j = 0; j < classes; j++) {
    let column = 0;
    let row = 0;
    for (let i = 0; i < classes; i++) {
      column += confusion[i * classes + j]!;
      row += confusion[j * classes + i]!;
    }
    const hit = confusion[j * classes + j]!;
    precision[j] = column > 0 ? hit / column : NaN;
    recall[j] = row > 0 ? hit / row : NaN;
  }
  return { classes, count, predicted, correct, confusion, precision, recall };
}

/** Per digit: the entropy of its probabilities in nats (−Σ p ln p, 0 ln 0 = 0): 0 when certain, ln(classes) when lost. */
export function hardness(probabilities: ArrayLike<number>, classes: number): Float64Array<ArrayBuffer> {
  const count = probabilities.length / classes;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0;
    for (let j = 0; j < classes; j++) {
      const p = probabilities[i * classes + j]!;
      if (p > 0) h -= p * Math.log(p);
    }
    out[i] = h;
  }
  return out;
}

/**
 * Digits ordered most mistaken first: those the model predicts as another class than their
 * label, by the probability of that prediction (confidently wrong first), then the rest by the
 * probability of their label (least sure first); ties by index.
 */
export function mistakenOrder(probabilities: ArrayLike<number>, labels: Uint8Array, classes: number, predicted: Uint8Array): Uint32Array<ArrayBuffer> {
  checkShape(probabilities, labels, classes);
  const count = labels.length;
  const wrong = new Uint8Array(count);
  // Wrong: the prediction's probability, higher first (negated); right: the label's, lower first.
  const key = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const label = labels[i]!;
    wrong[i] = predicted[i] !== label ? 1 : 0;
    key[i] = wrong[i] ? -probabilities[i * classes + predicted[i]!]! : label < classes ? probabilities[i * classes + label]! : 0;
  }
  return Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => wrong[b]! - wrong[a]! || key[a]! - key[b]! || a - b);
}
