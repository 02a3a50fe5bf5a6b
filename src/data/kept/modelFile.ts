// The trained classifier as two files, kept with the decoded copy: the first model and the
// cross-validation take minutes to train, their read-back a moment. Read back only if the
// envelope holds (keptFile.ts), it names the same data (the key) and split counts, it was trained
// as the app trains now (seed, epochs, folds) with the app's layer sizes, and every number is one
// a model gives — finite weights, probabilities in [0, 1] whose rows sum to 1 — since the Model
// view, the confident-learning suspects and the drawing pad use them without checking again.
// Model body: mean, scale, w1, b1, w2, b2, then the test split's probabilities; folds body: the
// train split's probabilities (all f32).
import type { Split } from '../dataset/fileSlots';
import { featureCount, HIDDEN } from '../analysis/fixedFeatureClassifier';
import type { CrossValidation, ModelSettings, TrainedModel } from '../analysis/trainedModel';
import { align8, alignedBody, decodeKeptFile, encodeKeptFile, foreignHeader } from './keptFile';

const MODEL_MAGIC = 'MNMODL01';
const FOLDS_MAGIC = 'MNFOLD01';
const FORMAT_VERSION = 1;
/** Labels are bytes, and a model has at least two classes. */
const MAX_CLASSES = 255;
/** The backend is shown as one line of the Model view: a header naming a longer one is not ours. */
const MAX_BACKEND = 200;
/** Float32 softmax rows sum to 1 within rounding far smaller than this. */
const ROW_SUM_TOLERANCE = 1e-3;

type Counts = Record<Split, number>;
type Problem = { problem: string };
type F32 = Float32Array<ArrayBuffer>;

const isDuration = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function commonHeader(key: string, ms: number, counts: Counts, classes: number, settings: ModelSettings) {
  const { seed, epochs, folds } = settings;
  return { version: FORMAT_VERSION, key, ms, count: counts.train + counts.test, train: counts.train, test: counts.test, classes, settings: { seed, epochs, folds } };
}

/** Why a header is not of this data or not trained as the app trains now; else its classes and time. */
function checkCommonHeader(header: Record<string, unknown>, key: string, counts: Counts, settings: ModelSettings): Problem | { classes: number; ms: number } {
  const foreign = foreignHeader(header, FORMAT_VERSION, key, counts.train + counts.test);
  if (foreign) return foreign;
  if (header.train !== counts.train || header.test !== counts.test) return { problem: `kept for ${String(header.train)} train and ${String(header.test)} test digits, the data has ${counts.train} and ${counts.test}` };
  const kept = header.settings as Partial<Record<keyof ModelSettings, unknown>> | null | undefined;
  if (typeof kept !== 'object' || kept === null || kept.seed !== settings.seed || kept.epochs !== settings.epochs || kept.folds !== settings.folds) return { problem: 'trained otherwise than the app trains now' };
  const { classes, ms } = header;
  if (typeof classes !== 'number' || !Number.isInteger(classes) || classes < 2 || classes > MAX_CLASSES) return { problem: 'a class count no model has' };
  if (!isDuration(ms)) return { problem: 'the header has no time' };
  return { classes, ms };
}

/** The timings named, if the header holds each as a duration. */
function timingsOf<K extends string>(header: Record<string, unknown>, names: readonly K[]): Record<K, number> | null {
  const timings = header.timings as Record<string, unknown> | null | undefined;
  if (typeof timings !== 'object' || timings === null || !names.every((n) => isDuration(timings[n]))) return null;
  return Object.fromEntries(names.map((n) => [n, timings[n]])) as Record<K, number>;
}

/** The body as consecutive f32 arrays of these lengths (as alignedBody lays them), if it is exactly that long. */
function float32Parts(body: Uint8Array<ArrayBuffer>, lengths: readonly number[]): F32[] | Problem {
  const due = lengths.reduce((n, length) => n + align8(length * 4), 0);
  if (body.byteLength !== due) return { problem: `${body.byteLength} bytes where ${due} are due` };
  let at = body.byteOffset;
  return lengths.map((length) => {
    const part = new Float32Array(body.buffer, at, length);
    at += align8(length * 4);
    return part;
  });
}

/** Why rows of `classes` are not a model's probabilities; null when they are. */
function probabilityProblem(probabilities: Float32Array, classes: number): Problem | null {
  for (let row = 0; row * classes < probabilities.length; row++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[row * classes + c]!;
      if (!(p >= 0 && p <= 1)) return { problem: `digit ${row}: a probability outside 0–1` };
      sum += p;
    }
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) return { problem: `digit ${row}: probabilities summing to ${sum}` };
  }
  return null;
}

/** `counts`: the data's split sizes, which the model alone does not carry (it holds only the test's probabilities). */
export function encodeTrainedModel(model: TrainedModel, key: string, ms: number, counts: Counts): Promise<Uint8Array<ArrayBuffer>> {
  const { weights: w } = model;
  const header = { ...commonHeader(key, ms, counts, model.classes, model.settings), timings: { ...model.timings }, backend: model.backend, featureCount: w.mean.length, hidden: w.b1.length };
  return encodeKeptFile(MODEL_MAGIC, header, alignedBody([w.mean, w.scale, w.w1, w.b1, w.w2, w.b2, model.testProbabilities]));
}

export async function decodeTrainedModel(bytes: Uint8Array, key: string, counts: Counts, settings: ModelSettings): Promise<{ model: TrainedModel; ms: number } | Problem> {
  const read = await decodeKeptFile(bytes, MODEL_MAGIC);
  if ('problem' in read) return read;
  const { header, body } = read;
  const common = checkCommonHeader(header, key, counts, settings);
  if ('problem' in common) return common;
  const { classes, ms } = common;
  if (header.featureCount !== featureCount || header.hidden !== HIDDEN) return { problem: 'layers of other sizes than the app’s' };
  const { backend } = header;
  if (typeof backend !== 'string' || backend.length > MAX_BACKEND) return { problem: 'the header names no backend' };
  const timings = timingsOf(header, ['features', 'training'] as const);
  if (!timings) return { problem: 'the header has no timings' };
  const parts = float32Parts(body, [featureCount, featureCount, featureCount * HIDDEN, HIDDEN, HIDDEN * classes, classes, counts.test * classes]);
  if ('problem' in parts) return parts;
  const [mean, scale, w1, b1, w2, b2, testProbabilities] = parts as [F32, F32, F32, F32, F32, F32, F32];
  if (![mean, scale, w1, b1, w2, b2].every((weights) => weights.every(Number.isFinite))) return { problem: 'a weight is not a number' };
  const improbable = probabilityProblem(testProbabilities, classes);
  if (improbable) return improbable;
  const weights = { classes, mean, scale, w1, b1, w2, b2 };
  return { model: { classes, settings: { ...settings }, weights, testProbabilities, timings, backend }, ms };
}

export function encodeCrossValidation(cv: CrossValidation, key: string, ms: number, counts: Counts): Promise<Uint8Array<ArrayBuffer>> {
  const header = { ...commonHeader(key, ms, counts, cv.classes, cv.settings), timings: { folds: cv.ms } };
  return encodeKeptFile(FOLDS_MAGIC, header, alignedBody([cv.trainProbabilities]));
}

export async function decodeCrossValidation(bytes: Uint8Array, key: string, counts: Counts, settings: ModelSettings): Promise<{ crossValidation: CrossValidation; ms: number } | Problem> {
  const read = await decodeKeptFile(bytes, FOLDS_MAGIC);
  if ('problem' in read) return read;
  const { header, body } = read;
  const common = checkCommonHeader(header, key, counts, settings);
  if ('problem' in common) return common;
  const { classes, ms } = common;
  const timings = timingsOf(header, ['folds'] as const);
  if (!timings) return { problem: 'the header has no timings' };
  const parts = float32Parts(body, [counts.train * classes]);
  if ('problem' in parts) return parts;
  const trainProbabilities = parts[0]!;
  const improbable = probabilityProblem(trainProbabilities, classes);
  if (improbable) return improbable;
  return { crossValidation: { classes, settings: { ...settings }, trainProbabilities, ms: timings.folds }, ms };
}
