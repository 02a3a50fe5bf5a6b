import { describe, expect, it } from 'vitest';
import { mulberry32, sampleIds } from './sample';

const ids = Uint32Array.from({ length: 1000 }, (_, i) => i * 3);

describe('mulberry32', () => {
  it('is deterministic per seed and yields values in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('matches the reference mulberry32 sequence: share links depend on it', () => {
    const r = mulberry32(1);
    expect([r(), r(), r()].map((v) => v.toFixed(10))).toEqual(['0.6270739406', '0.0027357212', '0.5274470400']);
  });

  it('gives different sequences for different seeds and spreads values evenly', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
    const r = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(r() * 10)]!++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('sampleIds', () => {
  it('returns the same sample for the same seed and a different one for another', () => {
    expect(sampleIds(ids, 30, 123)).toEqual(sampleIds(ids, 30, 123));
    expect(sampleIds(ids, 30, 123)).not.toEqual(sampleIds(ids, 30, 124));
  });

  it('draws distinct members of the list', () => {
    const sample = Array.from(sampleIds(ids, 100, 9));
    expect(new Set(sample).size).toBe(100);
    expect(sample.every((id) => id % 3 === 0 && id < 3000)).toBe(true);
  });

  it('is a prefix of the full permutation: a larger sample starts with the smaller one', () => {
    expect(Array.from(sampleIds(ids, 50, 5)).slice(0, 30)).toEqual(Array.from(sampleIds(ids, 30, 5)));
  });

  it('takes everything when asked for more than there is, as a permutation', () => {
    const small = Uint32Array.of(4, 8, 15);
    expect(Array.from(sampleIds(small, 30, 1)).sort((a, b) => a - b)).toEqual([4, 8, 15]);
    expect(sampleIds(new Uint32Array(0), 30, 1).length).toBe(0);
  });

  it('gives every id an equal chance', () => {
    const hits = new Array<number>(10).fill(0);
    const ten = Uint32Array.from({ length: 10 }, (_, i) => i);
    for (let seed = 0; seed < 20_000; seed++) hits[sampleIds(ten, 1, seed)[0]!]!++;
    for (const count of hits) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});
