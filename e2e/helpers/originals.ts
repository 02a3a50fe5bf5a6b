import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The original MNIST .gz files, when this checkout has them beside it (../shared/mnist). */
export const ORIGINALS_DIR = resolve(import.meta.dirname, '../..', process.env.MNIST_DIR ?? '../shared/mnist');
export const HAVE_ORIGINALS = existsSync(join(ORIGINALS_DIR, 'SHA256SUMS'));

/** name → SHA-256, from the SHA256SUMS file shipped with the originals. */
export function publishedSha256(): Map<string, string> {
  const lines = readFileSync(join(ORIGINALS_DIR, 'SHA256SUMS'), 'utf8').trim().split('\n');
  return new Map(lines.map((line) => {
    const [sum, name] = line.trim().split(/\s+/);
    return [name!, sum!];
  }));
}
