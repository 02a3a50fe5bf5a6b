// What the Model view's classifier is once trained, apart from how it was trained: the first
// model (the train split's digits → the test split's probabilities), the train split's
// out-of-sample probabilities by k-fold cross-validation, and what follows from a model for one
// image (the drawing pad). fixedFeatureClassifier.ts is the model itself.
import { convolutionFeatures, featureCount, FILTERS, HIDDEN, POOL_GRID, headProbabilities, randomFilters, type HeadWeights } from './fixedFeatureClassifier';

/** How the app trains: a model made otherwise is not the one it would make now (kept copies say so). */
export const MODEL_SETTINGS = { seed: 1, epochs: 8, folds: 5 } as const;
export type ModelSettings = { readonly seed: number; readonly epochs: number; readonly folds: number };

/** Where the training ran, as the Model view and a kept model state it. */
export const MODEL_BACKEND = 'WebAssembly SIMD, two workers (hand-written matrix product)';

/** The classes a model of these labels has: every label value up to the largest carried (at least 2; 255 is "no label"). */
export function modelClasses(labels: readonly Uint8Array[]): number {
  let top = 1;
  for (const list of labels) for (const label of list) if (label > top && label !== 255) top = label;
  return top + 1;
}

export interface TrainedModel {
  readonly classes: number;
  readonly settings: ModelSettings;
  readonly weights: HeadWeights;
  /** The test split's probabilities from this model (trained on every train digit): test.count × classes. */
  readonly testProbabilities: Float32Array<ArrayBuffer>;
  /** Milliseconds: every digit's features (both workers), then the head's training and the test's prediction. */
  readonly timings: { readonly features: number; readonly training: number };
  readonly backend: string;
}

export interface CrossValidation {
  readonly classes: number;
  readonly settings: ModelSettings;
  /** Every train digit's probabilities from the fold's model that did not see it: train.count × classes. */
  readonly trainProbabilities: Float32Array<ArrayBuffer>;
  /** Milliseconds from the features to the last fold's probabilities. */
  readonly ms: number;
}

/** The model's layers, as the Model view lists them. */
export function modelLayers(classes: number, rows: number, cols: number): readonly string[] {
  return [
    `input ${rows} × ${cols} pixels, scaled to 0–1`,
    `${FILTERS} fixed random 5 × 5 filters (seeded, zero-mean, unit norm), ReLU`,
    `average pooling on a ${POOL_GRID} × ${POOL_GRID} grid → ${featureCount} features, standardised`,
    `dense ${featureCount} → ${HIDDEN}, ReLU (trained)`,
    `dense ${HIDDEN} → ${classes}, softmax (trained)`,
  ];
}

/**
 * The fold (0 … folds − 1) of each of `labels`' digits: stratified like scikit-learn's
 * StratifiedKFold with shuffling — each class's digits, in a seeded random order, dealt to the
 * folds in turn — so every fold holds about the same share of every class.
 */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): Uint8Array<ArrayBuffer> {
  let state = (Math.abs(Math.floor(seed)) % 2_147_483_646) + 1;
  const uniform = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  const order = Uint32Array.from({ length: labels.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const dealt = new Uint32Array(256);
  const fold = new Uint8Array(labels.length);
  for (const i of order) fold[i] = dealt[labels[i]!]!++ % folds;
  return fold;
}

/** The filters every model of these settings uses (from the seed: they are never trained). */
const filtersMemo = new Map<number, Float32Array>();
export function modelFilters(seed: number): Float32Array {
  let filters = filtersMemo.get(seed);
  if (!filters) filtersMemo.set(seed, (filters = randomFilters(seed)));
  return filters;
}

/** The model's probabilities for one image of rows × cols bytes (0–255), `classes` of them. */
export function predictImage(model: TrainedModel, image: Uint8Array, rows: number, cols: number): Float64Array<ArrayBuffer> {
  const features = convolutionFeatures(image, 1, rows, cols, modelFilters(model.settings.seed));
  return headProbabilities(model.weights, features, Uint32Array.of(0)) as Float64Array<ArrayBuffer>;
}

/** The most probable classes, most probable first (ties to the smaller class), at most `n`. */
export function topClasses(probabilities: ArrayLike<number>, n: number): { readonly label: number; readonly probability: number }[] {
  return Array.from({ length: probabilities.length }, (_, label) => ({ label, probability: probabilities[label]! }))
    .sort((a, b) => b.probability - a.probability || a.label - b.label)
    .slice(0, n);
}
