// Label issues by confident learning (Northcutt, Jiang & Chuang 2021, as cleanlab computes them)
// from out-of-sample predicted probabilities: a digit is an issue when the model, trained
// without it, is confident it belongs to another class than its label.
//
// - per-class thresholds: t_j = the mean probability of class j over the digits labelled j
//   (the class's average self-confidence), so a class the model is shy of is not held to the
//   confident classes' standard;
// - the confident joint C[i][j]: each digit labelled i counts once, under the one class whose
//   probability is at or above its threshold, or under its most probable class when two or
//   more are (not counted when none is) — cleanlab's rule exactly, its 1e-6 allowance on the
//   thresholds included, so that a notebook with cleanlab finds the same digits;
// - issues: the digits counted off the diagonal (cleanlab's `filter_by='confident_learning'`),
//   ranked by self-confidence (the probability of the given label, lowest first) or by the
//   normalised margin ((p_label − max other p + 1) / 2, lowest first), ties by id.

/** cleanlab compares with `thresholds − 1e-6`: a probability a rounding below its class's mean still counts. */
const THRESHOLD_ALLOWANCE = 1e-6;

export type IssueRanking = 'self-confidence' | 'normalised-margin';

export interface ConfidentLearning {
  readonly classes: number;
  /** Per class: the mean probability of the class over the digits labelled with it (NaN for a class nobody carries). */
  readonly thresholds: Float64Array<ArrayBuffer>;
  /** Row-major classes × classes: given label × class the model is confident of. */
  readonly confidentJoint: Uint32Array<ArrayBuffer>;
  /** Per digit: the class it is counted under in the joint, or −1 (no class at its threshold). */
  readonly confidentClass: Int16Array<ArrayBuffer>;
  /** Per digit: the probability of its label. */
  readonly selfConfidence: Float64Array<ArrayBuffer>;
  /** Per digit: (p_label − max p of another class + 1) / 2, in 0–1. */
  readonly normalisedMargin: Float64Array<ArrayBuffer>;
  /** The digits (indices into `labels`) counted off the diagonal, most likely mislabelled first. */
  readonly issues: Uint32Array<ArrayBuffer>;
}

/**
 * Confident learning on `probabilities` (row-major, `classes` per digit, each row summing to 1)
 * and the given `labels` (one per row, each below `classes`).
 */
export function confidentLearning(probabilities: Float64Array | Float32Array, labels: Uint8Array, classes: number, ranking: IssueRanking = 'self-confidence'): ConfidentLearning {
  const count = labels.length;
  if (probabilities.length !== count * classes) throw new RangeError(`${probabilities.length} probabilities for ${count} digits of ${classes} classes`);
  const sums = new Float64Array(classes);
  const carried = new Float64Array(classes);
  const selfConfidence = new Float64Array(count);
  const normalisedMargin = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const label = labels[i]!;
    if (label >= classes) throw new RangeError(`digit ${i} is labelled ${label}, past the ${classes} classes`);
    const own = probabilities[i * classes + label]!;
    selfConfidence[i] = own;
    let other = -Infinity;
    for (let j = 0; j < classes; j++) if (j !== label) other = Math.max(other, probabilities[i * classes + j]!);
    normalisedMargin[i] = classes > 1 ? (own - other + 1) / 2 : 1;
    sums[label]! += own;
    carried[label]! += 1;
  }
  const thresholds = Float64Array.from(sums, (s, j) => (carried[j]! > 0 ? s / carried[j]! : NaN));

  const confidentJoint = new Uint32Array(classes * classes);
  const confidentClass = new Int16Array(count).fill(-1);
  const offDiagonal: number[] = [];
  for (let i = 0; i < count; i++) {
    let confident = 0;
    let onlyConfident = -1;
    let most = 0;
    for (let j = 0; j < classes; j++) {
      const p = probabilities[i * classes + j]!;
      if (p > probabilities[i * classes + most]!) most = j;
      // A class nobody carries has no threshold (NaN): never confident of it.
      if (p >= thresholds[j]! - THRESHOLD_ALLOWANCE) {
        confident++;
        if (onlyConfident < 0) onlyConfident = j;
      }
    }
    if (confident === 0) continue;
    const best = confident > 1 ? most : onlyConfident;
    confidentClass[i] = best;
    confidentJoint[labels[i]! * classes + best]! += 1;
    if (best !== labels[i]) offDiagonal.push(i);
  }
  const key = ranking === 'self-confidence' ? selfConfidence : normalisedMargin;
  offDiagonal.sort((a, b) => key[a]! - key[b]! || a - b);
  return { classes, thresholds, confidentJoint, confidentClass, selfConfidence, normalisedMargin, issues: Uint32Array.from(offDiagonal) };
}
