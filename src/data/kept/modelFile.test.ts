// The kept classifier: the first model and the cross-validation read back bit for bit, and every
// refusal reached — damage, other data, other training, and well-formed files whose numbers no
// model gives (re-encoded, since the digest protects the bytes).
import { describe, expect, it } from 'vitest';
import { featureCount, HIDDEN } from '../analysis/fixedFeatureClassifier';
import { MODEL_SETTINGS, type CrossValidation, type ModelSettings, type TrainedModel } from '../analysis/trainedModel';
import { align8, encodeKeptFile } from './keptFile';
import { decodeCrossValidation, decodeTrainedModel, encodeCrossValidation, encodeTrainedModel } from './modelFile';

const KEY = 'a'.repeat(64) + ':' + 'b'.repeat(64);
const counts = { train: 7, test: 5 };
const settings: ModelSettings = MODEL_SETTINGS;

function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

/** `rows` rows of `classes` positive numbers summing to 1. */
function probabilityRows(rows: number, classes: number, random: () => number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: classes }, () => random() ** 4);
    const sum = row.reduce((a, b) => a + b, 0);
    row.forEach((p, c) => (out[r * classes + c] = p / sum));
  }
  return out;
}

function modelOf(classes: number, seed = 3): TrainedModel {
  const random = seeded(seed);
  const floats = (n: number) => Float32Array.from({ length: n }, () => (random() - 0.5) * 4);
  const weights = { classes, mean: floats(featureCount), scale: floats(featureCount), w1: floats(featureCount * HIDDEN), b1: floats(HIDDEN), w2: floats(HIDDEN * classes), b2: floats(classes) };
  return { classes, settings, weights, testProbabilities: probabilityRows(counts.test, classes, random), timings: { features: 1400.5, training: 3100 }, backend: 'test backend' };
}

const crossValidationOf = (classes: number): CrossValidation => ({ classes, settings, trainProbabilities: probabilityRows(counts.train, classes, seeded(9)), ms: 2500.25 });

// Element by element: toEqual on half a megabyte of weights takes seconds.
const sameBits = (a: Float32Array | Uint8Array, b: Float32Array | Uint8Array) => {
  const [x, y] = [new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The same file with its header's fields replaced (the envelope made afresh, so only the fields differ). */
async function withHeader(bytes: Uint8Array, magic: string, patch: Record<string, unknown>): Promise<Uint8Array> {
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(76, 76 + jsonLength))) as Record<string, unknown>;
  return encodeKeptFile(magic, { ...header, ...patch }, bytes.slice(align8(76 + jsonLength)));
}

describe('kept trained model', () => {
  it.each([10, 3])('reads back bit for bit with %i classes, from bytes at any offset', async (classes) => {
    const model = modelOf(classes);
    const bytes = await encodeTrainedModel(model, KEY, 61_234.5, counts);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    for (const view of [bytes, shifted.subarray(3)]) {
      const read = await decodeTrainedModel(view, KEY, counts, settings);
      if ('problem' in read) throw new Error(read.problem);
      expect(read.ms).toBe(61_234.5);
      const { model: got } = read;
      expect([got.classes, got.weights.classes, got.settings, got.timings, got.backend]).toEqual([classes, classes, settings, model.timings, model.backend]);
      for (const field of ['mean', 'scale', 'w1', 'b1', 'w2', 'b2'] as const) expect(sameBits(got.weights[field], model.weights[field])).toBe(true);
      expect(sameBits(got.testProbabilities, model.testProbabilities)).toBe(true);
      expect(sameBits(await encodeTrainedModel(got, KEY, read.ms, counts), bytes)).toBe(true);
    }
  });

  it('refuses damage, other data, other counts and other training', async () => {
    const bytes = await encodeTrainedModel(modelOf(10), KEY, 1, counts);
    const read = (b: Uint8Array, c = counts, s = settings, key = KEY) => decodeTrainedModel(b, key, c, s);
    for (const at of [bytes.length - 1, bytes.length - 5000, 100]) {
      const damaged = bytes.slice();
      damaged[at]! ^= 0x20;
      expect(await read(damaged)).toEqual({ problem: 'its SHA-256 does not match' });
    }
    expect('problem' in (await read(bytes.subarray(0, bytes.length - 8)))).toBe(true);
    expect(await read(await encodeCrossValidation(crossValidationOf(10), KEY, 1, counts))).toEqual({ problem: 'not a MNMODL01 file' });
    expect(await read(bytes, counts, settings, 'c'.repeat(64))).toEqual({ problem: 'kept for other data' });
    expect(await read(bytes, { train: 7, test: 6 })).toEqual({ problem: 'kept for 12 digits, the data has 13' });
    expect(await read(bytes, { train: 6, test: 6 })).toEqual({ problem: 'kept for 7 train and 5 test digits, the data has 6 and 6' });
    for (const other of [{ seed: 2 }, { epochs: 9 }, { folds: 4 }]) expect(await read(bytes, counts, { ...settings, ...other })).toEqual({ problem: 'trained otherwise than the app trains now' });
  });

  it('refuses a well-formed file whose header no model of the app has', async () => {
    const bytes = await encodeTrainedModel(modelOf(10), KEY, 1, counts);
    const cases: [Record<string, unknown>, string][] = [
      [{ version: 2 }, 'another format version'],
      [{ settings: null }, 'trained otherwise than the app trains now'],
      [{ classes: 1 }, 'a class count no model has'],
      [{ classes: 256 }, 'a class count no model has'],
      [{ classes: 9.5 }, 'a class count no model has'],
      [{ ms: null }, 'the header has no time'],
      [{ featureCount: featureCount + 1 }, 'layers of other sizes than the app’s'],
      [{ hidden: 128 }, 'layers of other sizes than the app’s'],
      [{ backend: 7 }, 'the header names no backend'],
      [{ backend: 'x'.repeat(201) }, 'the header names no backend'],
      [{ timings: { features: 1 } }, 'the header has no timings'],
      [{ timings: { features: -1, training: 2 } }, 'the header has no timings'],
      [{ timings: null }, 'the header has no timings'],
    ];
    for (const [patch, problem] of cases) expect(await decodeTrainedModel(await withHeader(bytes, 'MNMODL01', patch), KEY, counts, settings)).toEqual({ problem });
  });

  it('refuses a well-formed file whose numbers no model gives', async () => {
    const model = modelOf(3);
    const rows = (values: number[]) => Float32Array.from([...values, ...model.testProbabilities.subarray(3)]);
    const cases: [TrainedModel, RegExp][] = [
      [{ ...model, weights: { ...model.weights, w2: Float32Array.of(NaN, ...model.weights.w2.subarray(1)) } }, /weight/],
      [{ ...model, weights: { ...model.weights, mean: Float32Array.of(...model.weights.mean.subarray(1), Infinity) } }, /weight/],
      [{ ...model, testProbabilities: rows([1.5, -0.25, -0.25]) }, /^digit 0: a probability outside/],
      [{ ...model, testProbabilities: rows([NaN, 0.5, 0.5]) }, /^digit 0: a probability outside/],
      [{ ...model, testProbabilities: rows([0.5, 0.25, 0.2]) }, /^digit 0: probabilities summing to 0\.95/],
      [{ ...model, testProbabilities: model.testProbabilities.slice(3) }, /bytes where .* are due/],
      [{ ...model, weights: { ...model.weights, w2: model.weights.w2.slice(3) } }, /bytes where .* are due/],
    ];
    for (const [bad, problem] of cases) {
      const read = await decodeTrainedModel(await encodeTrainedModel(bad, KEY, 1, counts), KEY, counts, settings);
      expect('problem' in read && read.problem).toMatch(problem);
    }
  });
});

describe('kept cross-validation', () => {
  it.each([10, 3])('reads back bit for bit with %i classes', async (classes) => {
    const cv = crossValidationOf(classes);
    const bytes = await encodeCrossValidation(cv, KEY, 9_000, counts);
    const read = await decodeCrossValidation(bytes, KEY, counts, settings);
    if ('problem' in read) throw new Error(read.problem);
    const { crossValidation: got } = read;
    expect([read.ms, got.classes, got.settings, got.ms]).toEqual([9_000, classes, settings, 2500.25]);
    expect(sameBits(got.trainProbabilities, cv.trainProbabilities)).toBe(true);
    expect(sameBits(await encodeCrossValidation(got, KEY, read.ms, counts), bytes)).toBe(true);
  });

  it('refuses damage, other data, other counts and other training', async () => {
    const bytes = await encodeCrossValidation(crossValidationOf(10), KEY, 1, counts);
    const damaged = bytes.slice();
    damaged[bytes.length - 1]! ^= 0x01;
    expect(await decodeCrossValidation(damaged, KEY, counts, settings)).toEqual({ problem: 'its SHA-256 does not match' });
    expect(await decodeCrossValidation(await encodeTrainedModel(modelOf(10), KEY, 1, counts), KEY, counts, settings)).toEqual({ problem: 'not a MNFOLD01 file' });
    expect(await decodeCrossValidation(bytes, 'c'.repeat(64), counts, settings)).toEqual({ problem: 'kept for other data' });
    expect(await decodeCrossValidation(bytes, KEY, { train: 8, test: 4 }, settings)).toEqual({ problem: 'kept for 7 train and 5 test digits, the data has 8 and 4' });
    expect(await decodeCrossValidation(bytes, KEY, counts, { ...settings, folds: 10 })).toEqual({ problem: 'trained otherwise than the app trains now' });
    for (const [patch, problem] of [
      [{ classes: 0 }, 'a class count no model has'],
      [{ timings: { folds: NaN } }, 'the header has no timings'],
    ] as const) expect(await decodeCrossValidation(await withHeader(bytes, 'MNFOLD01', patch), KEY, counts, settings)).toEqual({ problem });
  });

  it('refuses a well-formed file whose probabilities no model gives', async () => {
    const cv = crossValidationOf(3);
    const rows = (values: number[]) => Float32Array.from([...cv.trainProbabilities.subarray(0, 6), ...values, ...cv.trainProbabilities.subarray(9)]);
    const cases: [CrossValidation, RegExp][] = [
      [{ ...cv, trainProbabilities: rows([0, 2, -1]) }, /^digit 2: a probability outside/],
      [{ ...cv, trainProbabilities: rows([0.4, 0.4, 0.4]) }, /^digit 2: probabilities summing to 1\.2/],
      [{ ...cv, trainProbabilities: cv.trainProbabilities.slice(0, 18) }, /bytes where .* are due/],
      [{ ...cv, ms: -5 }, /timings/],
    ];
    for (const [bad, problem] of cases) {
      const read = await decodeCrossValidation(await encodeCrossValidation(bad, KEY, 1, counts), KEY, counts, settings);
      expect('problem' in read && read.problem).toMatch(problem);
    }
  });
});
