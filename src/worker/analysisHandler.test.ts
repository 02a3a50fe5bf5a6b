import { describe, expect, it } from 'vitest';
import { assembleDataset, type Dataset } from '../data/dataset';
import { decodeIdx } from '../data/idx';
import { syntheticSplit } from '../testing/idxFiles';
import { createAnalysisHandler } from './analysisHandler';
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
    handle({ type: 'analyse', requestId: 3, kind: 'statistics', dataset: data });
    expect(replies).toHaveLength(1);
    const { reply, transfer } = replies[0]!;
    if (reply.type !== 'analysed') throw new Error(`expected a result, got ${reply.type}`);
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

  it('refuses a dataset whose shape does not hold together, with a code and the reason', () => {
    const { handle, replies } = run();
    const data = dataset();
    const broken: Dataset = { ...data, test: { ...data.test, images: data.test.images.subarray(0, 700) } };
    handle({ type: 'analyse', requestId: 4, kind: 'statistics', dataset: broken });
    expect(replies.map((r) => r.reply)).toEqual([
      { type: 'analysis-failed', requestId: 4, kind: 'statistics', code: 'bad-dataset', message: 'test: 700 pixel bytes for 6 digits of 784' },
    ]);
  });
});
