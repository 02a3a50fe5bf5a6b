// The classifier's questions, answered in the worker: features of a range of digits, and a head
// trained on some digits and asked about others. The page (state/jobs/classifierJobs.ts) splits
// the work between two workers; everything sent is checked here, since a worker trusts nothing.
import { labelsByGlobalId, pixelCount, type Dataset } from '../../data/dataset/dataset';
import { convolutionFeatures, featureCount, headProbabilities, trainHead } from '../../data/analysis/fixedFeatureClassifier';
import { modelFilters } from '../../data/analysis/trainedModel';
import type { AnalysisQuestion, AnalysisResult } from './protocol';

/** The digits from … to − 1 (global ids, clamped) as one run of images: a train part, then a test part. */
function imagesOf(dataset: Dataset, from: number, to: number): { images: Uint8Array; from: number; to: number } {
  const pixels = pixelCount(dataset);
  const first = dataset.train.count;
  const total = first + dataset.test.count;
  from = Math.max(0, Math.min(total, from));
  to = Math.max(from, Math.min(total, to));
  if (to <= first) return { images: dataset.train.images.subarray(from * pixels, to * pixels), from, to };
  if (from >= first) return { images: dataset.test.images.subarray((from - first) * pixels, (to - first) * pixels), from, to };
  const images = new Uint8Array((to - from) * pixels);
  images.set(dataset.train.images.subarray(from * pixels, first * pixels));
  images.set(dataset.test.images.subarray(0, (to - first) * pixels), (first - from) * pixels);
  return { images, from, to };
}

export function featuresResult(dataset: Dataset, question: Extract<AnalysisQuestion, { kind: 'features' }>): AnalysisResult {
  const { images, from, to } = imagesOf(dataset, question.from, question.to);
  const features = convolutionFeatures(images, to - from, dataset.rows, dataset.cols, modelFilters(question.seed)) as Float32Array<ArrayBuffer>;
  return { kind: 'features', from, to, features };
}

const MAX_EPOCHS = 100;

export function trainModelResult(
  dataset: Dataset,
  question: Extract<AnalysisQuestion, { kind: 'train-model' }>,
  now: () => number,
  progress: (done: number, total: number, stage: string) => void,
): AnalysisResult {
  const total = dataset.train.count + dataset.test.count;
  const { features, train, predict, classes, seed, epochs } = question;
  if (features.length !== total * featureCount) throw new RangeError(`${features.length} features sent for ${total} digits of ${featureCount}`);
  if (!Number.isInteger(classes) || classes < 2 || classes > 255) throw new RangeError(`${classes} classes`);
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) throw new RangeError(`${epochs} epochs (1–${MAX_EPOCHS})`);
  if (train.length === 0) throw new RangeError('no digits to train on');
  const labels = labelsByGlobalId(dataset);
  for (const id of train) if (!(id < total) || labels[id]! >= classes) throw new RangeError(`digit ${id} cannot be trained on as one of ${classes} classes`);
  for (const id of predict) if (!(id < total)) throw new RangeError(`digit ${id} is not in the dataset`);
  const started = now();
  progress(0, epochs, 'training');
  const weights = trainHead(features, labels, train, classes, { epochs, seed, onEpoch: (epoch) => void progress(epoch, epochs, 'training') });
  const probabilities = Float32Array.from(headProbabilities(weights, features, predict));
  return { kind: 'train-model', weights, probabilities, trainingMs: now() - started };
}
