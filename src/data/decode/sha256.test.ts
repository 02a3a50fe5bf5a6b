import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternBytes } from '../../testing/idxFiles';
import { Sha256, sha256Hex, sha256OfParts } from './sha256';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto for every length around the block and padding edges, in any chunking', () => {
    for (const length of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const bytes = patternBytes(length, length);
      const hash = new Sha256();
      for (let i = 0; i < length; i += 37) hash.update(bytes.subarray(i, i + 37));
      expect(hash.hex()).toBe(nodeSha(bytes));
    }
  });

  const sharedDir = resolve(__dirname, '../../../shared/mnist');
  it.skipIf(!existsSync(sharedDir))('hashes the original MNIST files to their published SHA-256', () => {
    const sums = readFileSync(join(sharedDir, 'SHA256SUMS'), 'utf8').trim().split('\n');
    for (const line of sums) {
      const [sum, name] = line.split(/\s+/);
      expect(sha256Hex(readFileSync(join(sharedDir, name!)))).toBe(sum);
    }
  });

  it('hashes parts in order the same with the native digest, without it, and from shared memory', async () => {
    const bytes = patternBytes(100_003, 9);
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const parts = [bytes.subarray(0, 16), bytes.subarray(16, 50_000), bytes.subarray(50_000)];
    expect(await sha256OfParts(parts)).toBe(nodeSha(bytes));
    expect(await sha256OfParts(parts, null)).toBe(nodeSha(bytes));
    expect(await sha256OfParts([shared.subarray(0, 7), shared.subarray(7)])).toBe(nodeSha(bytes));
    expect(await sha256OfParts([])).toBe(nodeSha(new Uint8Array(0)));
    // One part is digested as it is; one part in shared memory is copied first (the digest refuses it).
    expect(await sha256OfParts([bytes.subarray(5, 90_000)])).toBe(nodeSha(bytes.subarray(5, 90_000)));
    expect(await sha256OfParts([shared.subarray(5, 90_000)])).toBe(nodeSha(bytes.subarray(5, 90_000)));
  });
});
