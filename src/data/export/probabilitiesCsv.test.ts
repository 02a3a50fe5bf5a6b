// Save probabilities: the header, a row per digit in file order, numbers that read back exactly.
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../testing/jobsTestBed';
import { probabilitiesCsv, probabilitiesHeader } from './probabilitiesCsv';

describe('probabilitiesCsv', () => {
  it('writes split, index, label, predicted and every class’s probability, numbers that read back to themselves', () => {
    const dataset = makeDataset(3, 2);
    const p = Float64Array.from({ length: 5 * 3 }, (_, i) => (i % 3 === 0 ? 0.1 + 1 / 3 : (1 - 0.1 - 1 / 3) / 2) + i * 1e-17);
    const predicted = Uint8Array.of(0, 0, 1, 2, 0);
    const csv = probabilitiesCsv(dataset, p, predicted, 3);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(probabilitiesHeader(3));
    expect(lines[0]).toBe('split,index,label,predicted,p0,p1,p2');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      `train,0,${dataset.train.labels[0]},0`,
      `train,1,${dataset.train.labels[1]},0`,
      `train,2,${dataset.train.labels[2]},1`,
      `test,0,${dataset.test.labels[0]},2`,
      `test,1,${dataset.test.labels[1]},0`,
    ]);
    const back = lines.slice(1).flatMap((l) => l.split(',').slice(4).map(Number));
    expect(back).toEqual(Array.from(p));
    expect(() => probabilitiesCsv(dataset, p.subarray(3), predicted, 3)).toThrow('4 rows of probabilities and 5 predictions for 5 digits');
  });
});
