import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED_MNIST, SHARED_MNIST_DIR } from '../../testing/numpy';
import { CATALOG, infoFor, MNIST_INFO } from './catalog';
import type { Dataset } from './dataset';
import { MNIST_FILES } from './mnist';
import { PUBLISHED, recognisedAs, recogniseDataset } from './publishedFiles';

const fashion = PUBLISHED['fashion-mnist'];
const shaped = (rows: number, cols: number, info = MNIST_INFO): Dataset => {
  const empty = { count: 0, images: new Uint8Array(0), labels: new Uint8Array(0) };
  return { train: { split: 'train', ...empty }, test: { split: 'test', ...empty }, rows, cols, info, warnings: [] };
};

describe('published files', () => {
  it.skipIf(!HAVE_SHARED_MNIST)('hold the SHA-256 of the original MNIST files and of their IDX bytes (hashed here from ../shared/mnist)', () => {
    for (const f of MNIST_FILES) {
      const gz = readFileSync(join(SHARED_MNIST_DIR, f.name));
      expect(createHash('sha256').update(gz).digest('hex')).toBe(PUBLISHED.mnist[f.slot].gzSha256);
      expect(createHash('sha256').update(gunzipSync(gz)).digest('hex')).toBe(PUBLISHED.mnist[f.slot].idxSha256);
    }
  });

  it('recognise a dataset by its files’ IDX bytes, one split alone too; nothing else', () => {
    const all = Object.fromEntries(Object.entries(fashion).map(([slot, f]) => [slot, f.idxSha256]));
    expect(recogniseDataset(all)).toBe('fashion-mnist');
    expect(recogniseDataset({ 'test-images': fashion['test-images'].idxSha256, 'test-labels': fashion['test-labels'].idxSha256 })).toBe('fashion-mnist');
    // One file of another dataset among them, or none given: not recognised.
    expect(recogniseDataset({ ...all, 'test-labels': PUBLISHED.mnist['test-labels'].idxSha256 })).toBeNull();
    expect(recogniseDataset({})).toBeNull();
    expect(recogniseDataset({ 'train-images': '0'.repeat(64) })).toBeNull();
  });

  it('say which dataset files opened as another are, only where its shape is theirs', () => {
    const hashes = { 'train-images': fashion['train-images'].idxSha256 };
    expect(recognisedAs(shaped(28, 28), hashes)).toBe('fashion-mnist');
    // Already shown as what they are: nothing to say.
    expect(recognisedAs(shaped(28, 28, infoFor(CATALOG['fashion-mnist'], 9)), hashes)).toBeNull();
    expect(recognisedAs(shaped(32, 32), hashes)).toBeNull();
  });
});
