import { describe, expect, it } from 'vitest';
import { assembleDataset, type Dataset } from '../../data/dataset/dataset';
import { decodeIdx } from '../../data/decode/idx';
import { makeIdx, syntheticSplit } from '../../testing/idxFiles';
import { CATALOG } from '../../data/dataset/catalog';
import { createAnalysisHandler } from './analysisHandler';
import { addScatters, principalComponents, project, scatterOf } from '../../data/analysis/pca';
import type { AnalysisReply } from './protocol';

function dataset(): Dataset {
  const train = syntheticSplit(20);
  const test = syntheticSplit(6, [1, 2]);
  return assembleDataset({
    train: { images: decodeIdx(train.images), labels: decodeIdx(train.labels) },
    test: { images: decodeIdx(test.images), labels: decodeIdx(test.labels) },
  });
}

function run() {
  const replies: { reply: AnalysisReply; transfer: Transferable[] }[] = [];
  let clock = 100;
  const handle = createAnalysisHandler({ post: (reply, transfer) => replies.push({ reply, transfer }), now: () => (clock += 5) });
  return { handle, replies };
}

describe('analysis worker protocol', () => {
  it('answers a statistics request with the statistics of the dataset it was handed, its buffers moved', () => {
    const { handle, replies } = run();
    const data = dataset();
    handle({ type: 'analyse', requestId: 3, datasetKey: 3, dataset: data, question: { kind: 'statistics' } });
    expect(replies).toHaveLength(1);
    const { reply, transfer } = replies[0]!;
    if (reply.type !== 'analysed' || reply.result.kind !== 'statistics') throw new Error(`expected statistics, got ${reply.type}`);
    expect(reply.requestId).toBe(3);
    // The clock advances 5 per reading: statistics 5…10, rankings 10…15, the whole 5…20.
    expect(reply.ms).toBe(15);
    expect(reply.result.rankMs).toBe(5);
    const { train, test } = reply.result.statistics;
    expect(train.count).toBe(20);
    expect(test.labelCounts).toEqual([0, 3, 3, 0, 0, 0, 0, 0, 0, 0]);
    // Each digit's ink, against a sum taken here.
    const first = data.train.images.subarray(0, 784).reduce((a, b) => a + b, 0);
    expect(train.ink[0]).toBe(first);
    // Moved, not copied: every result buffer is in the transfer list.
    for (const s of [train, test]) for (const a of [s.pixelSums, s.pixelSquareSums, s.pixelHistogram, s.ink, s.distance]) expect(transfer).toContain(a.buffer);
    for (const ranked of Object.values(reply.result.rankings)) expect(transfer).toContain(ranked.buffer);
    // Every digit ranked by ink, against sums and a sort done here.
    const all = [data.train, data.test].flatMap((s) => Array.from({ length: s.count }, (_, i) => s.images.subarray(i * 784, (i + 1) * 784).reduce((a, b) => a + b, 0)));
    expect(Array.from(reply.result.rankings['-ink'])).toEqual([...all.keys()].sort((a, b) => all[b]! - all[a]! || a - b));
  });

  it('answers a map request with a point per digit and the components’ variances, buffers moved', () => {
    const { handle, replies } = run();
    const data = dataset();
    handle({ type: 'analyse', requestId: 4, datasetKey: 4, dataset: data, question: { kind: 'map' } });
    const { reply, transfer } = replies[0]!;
    if (reply.type !== 'analysed' || reply.result.kind !== 'map') throw new Error(`expected a map, got ${reply.type}`);
    const { coordinates, variances, totalVariance } = reply.result.map;
    expect(coordinates).toHaveLength(26 * 2);
    expect(transfer).toContain(coordinates.buffer);
    expect(transfer).toContain(variances.buffer);
    // The coordinates are centred (their mean is the mean image's, 0) and the variance along x is
    // the first component's (divisor n − 1), whatever the components are: checked from the points.
    const xs = Array.from({ length: 26 }, (_, i) => coordinates[i * 2]!);
    const mean = xs.reduce((a, b) => a + b, 0) / 26;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    expect(xs.reduce((a, x) => a + x * x, 0) / 25).toBeCloseTo(variances[0]!, 6);
    expect(variances[0]!).toBeGreaterThanOrEqual(variances[1]!);
    expect(totalVariance).toBeGreaterThanOrEqual(variances.reduce((a, b) => a + b, 0) * (1 - 1e-12));
  });

  it('refuses a dataset whose shape does not hold together, with a code and the reason', () => {
    const { handle, replies } = run();
    const data = dataset();
    const broken: Dataset = { ...data, test: { ...data.test, images: data.test.images.subarray(0, 700) } };
    handle({ type: 'analyse', requestId: 4, datasetKey: 4, dataset: broken, question: { kind: 'statistics' } });
    expect(replies.map((r) => r.reply)).toEqual([
      { type: 'analysis-failed', requestId: 4, kind: 'statistics', code: 'bad-dataset', message: 'test: 700 pixel bytes for 6 digits of 784' },
    ]);
  });

  it('refuses the map of images over 64 × 64 before allocating their covariance, and still computes their statistics', () => {
    const { handle, replies } = run();
    const count = 3;
    const big = assembleDataset(
      { train: { images: decodeIdx(makeIdx({ dims: [count, 65, 64] })), labels: decodeIdx(makeIdx({ dims: [count], data: Uint8Array.of(0, 1, 1) })) }, test: null },
      CATALOG.idx,
    );
    handle({ type: 'analyse', requestId: 5, datasetKey: 5, dataset: big, question: { kind: 'map' } });
    expect(replies.map((r) => r.reply)).toEqual([
      { type: 'analysis-failed', requestId: 5, kind: 'map', code: 'too-large', message: expect.stringContaining('these images have 4,160 pixels (65 × 64)') },
    ]);
    handle({ type: 'analyse', requestId: 6, datasetKey: 6, dataset: big, question: { kind: 'statistics' } });
    const reply = replies[1]!.reply;
    expect(reply.type === 'analysed' && reply.result.kind === 'statistics' && reply.result.statistics.train.labelCounts).toEqual([1, 2]);
  });

  it('answers look-alike requests: the dataset is handed over once, then named by its key', () => {
    const { handle, replies } = run();
    const data = dataset();
    const pixels = (id: number) => (id < 20 ? data.train.images.subarray(id * 784, (id + 1) * 784) : data.test.images.subarray((id - 20) * 784, (id - 19) * 784));
    // Brute force here: Σ(x − q)², every other digit, ties by id.
    const brute = (q: number) =>
      [...Array(26).keys()]
        .filter((id) => id !== q)
        .map((id) => ({ id, distance: Math.sqrt(pixels(id).reduce((s, v, p) => s + (v - pixels(q)[p]!) ** 2, 0)) }))
        .sort((a, b) => a.distance - b.distance || a.id - b.id)
        .slice(0, 4);
    handle({ type: 'analyse', requestId: 1, datasetKey: 7, dataset: data, question: { kind: 'neighbours', query: 3, k: 4 } });
    handle({ type: 'analyse', requestId: 2, datasetKey: 7, dataset: null, question: { kind: 'neighbours', query: 21, k: 4 } });
    handle({ type: 'analyse', requestId: 3, datasetKey: 8, dataset: null, question: { kind: 'neighbours', query: 21, k: 4 } });
    const [first, second, third] = replies.map((r) => r.reply);
    expect(first).toMatchObject({ type: 'analysed', requestId: 1, result: { kind: 'neighbours', query: 3, neighbours: brute(3) } });
    expect(second).toMatchObject({ type: 'analysed', requestId: 2, result: { kind: 'neighbours', query: 21, neighbours: brute(21) } });
    expect(third).toEqual({ type: 'analysis-failed', requestId: 3, kind: 'neighbours', code: 'bad-dataset', message: 'dataset 8 was never handed over' });
  });

  it('finds the nearest digits to an image from outside the dataset, exactly, none left out', () => {
    const { handle, replies } = run();
    const data = dataset();
    const pixels = (id: number) => (id < 20 ? data.train.images.subarray(id * 784, (id + 1) * 784) : data.test.images.subarray((id - 20) * 784, (id - 19) * 784));
    const image = Uint8Array.from({ length: 784 }, (_, p) => ((p * 37) % 11 === 0 ? 200 : 0));
    const brute = [...Array(26).keys()]
      .map((id) => ({ id, distance: Math.sqrt(pixels(id).reduce((s, v, p) => s + (v - image[p]!) ** 2, 0)) }))
      .sort((a, b) => a.distance - b.distance || a.id - b.id)
      .slice(0, 5);
    handle({ type: 'analyse', requestId: 1, datasetKey: 7, dataset: data, question: { kind: 'image-neighbours', image, k: 5 } });
    expect(replies[0]!.reply).toMatchObject({ type: 'analysed', result: { kind: 'image-neighbours', neighbours: brute } });
  });

  it('refuses a head to train on what was not sent for this dataset', () => {
    const { handle, replies } = run();
    const data = dataset();
    const question = { kind: 'train-model', features: new Float32Array(26 * 512), train: Uint32Array.of(0, 1), predict: Uint32Array.of(20), classes: 10, seed: 1, epochs: 1 } as const;
    handle({ type: 'analyse', requestId: 1, datasetKey: 7, dataset: data, question: { ...question, features: new Float32Array(25 * 512) } });
    handle({ type: 'analyse', requestId: 2, datasetKey: 7, dataset: null, question: { ...question, train: Uint32Array.of(0, 26) } });
    handle({ type: 'analyse', requestId: 3, datasetKey: 7, dataset: null, question: { ...question, classes: 1 } });
    handle({ type: 'analyse', requestId: 4, datasetKey: 7, dataset: null, question: { ...question, epochs: 1000 } });
    const failures = replies.map((r) => r.reply).filter((r) => r.type === 'analysis-failed').map((r) => (r.type === 'analysis-failed' ? r.message : ''));
    expect(failures).toEqual(['12800 features sent for 26 digits of 512', 'digit 26 cannot be trained on as one of 10 classes', '1 classes', '1000 epochs (1–100)']);
  });

  it('shares the projection: scatters of parts add up to the whole, projections of parts are the whole’s rows, another dataset’s scatter is refused', () => {
    const { handle, replies } = run();
    const data = dataset();
    const answer = (i: number) => {
      const { reply } = replies[i]!;
      if (reply.type !== 'analysed') throw new Error(`expected an answer, got ${JSON.stringify(reply)}`);
      return reply.result;
    };
    // Digits 0–13 (train) and 14–25 (train and test both).
    handle({ type: 'analyse', requestId: 1, datasetKey: 9, dataset: data, question: { kind: 'scatter', from: 0, to: 14 } });
    handle({ type: 'analyse', requestId: 2, datasetKey: 9, dataset: null, question: { kind: 'scatter', from: 14, to: 26 } });
    const [a, b] = [answer(0), answer(1)];
    if (a.kind !== 'scatter' || b.kind !== 'scatter') throw new Error('expected scatters');
    const whole = scatterOf([data.train, data.test], 784);
    expect(addScatters(a.scatter, b.scatter)).toEqual(whole);
    expect(replies[0]!.transfer).toContain(a.scatter.products.buffer);
    handle({ type: 'analyse', requestId: 3, datasetKey: 9, dataset: null, question: { kind: 'projection', scatter: whole, from: 18, to: 24, dims: 5 } });
    const projected = answer(2);
    if (projected.kind !== 'projection') throw new Error('expected a projection');
    const every = project([data.train, data.test], principalComponents([data.train, data.test], 784, 5), 5);
    expect([projected.from, projected.to]).toEqual([18, 24]);
    expect(projected.points).toEqual(every.slice(18 * 5, 24 * 5));
    handle({ type: 'analyse', requestId: 4, datasetKey: 9, dataset: null, question: { kind: 'projection', scatter: a.scatter, from: 0, to: 26, dims: 5 } });
    expect(replies[3]!.reply).toMatchObject({ type: 'analysis-failed', code: 'failed', message: expect.stringContaining('the scatter sent (14 digits of 784 pixels)') });
  });

  it('searches on the coordinates the page sends, and refuses ones of the wrong length', () => {
    const { handle, replies } = run();
    const data = dataset();
    const points = Float64Array.from({ length: 26 * 3 }, (_, i) => (i % 3 === 0 ? Math.floor(i / 3) : 0));
    handle({ type: 'analyse', requestId: 1, datasetKey: 2, dataset: data, question: { kind: 'neighbour-table', from: 20, to: 22, k: 2, points } });
    const reply = replies.map((r) => r.reply).find((r) => r.type !== 'analysis-progress')!;
    if (reply.type !== 'analysed' || reply.result.kind !== 'neighbour-table') throw new Error(`expected a table, got ${JSON.stringify(reply)}`);
    // On a line at 0, 1, 2, …: digit 20's nearest are 19 and 21 (ties to the smaller id), 21's are 20 and 22.
    expect(Array.from(reply.result.table.ids)).toEqual([19, 21, 20, 22]);
    handle({ type: 'analyse', requestId: 2, datasetKey: 2, dataset: null, question: { kind: 'neighbour-table', from: 0, to: 2, k: 2, points: new Float64Array(25) } });
    expect(replies.at(-1)!.reply).toMatchObject({ type: 'analysis-failed', code: 'failed', message: '25 coordinates sent for 26 digits (up to 50 each)' });
  });
});
