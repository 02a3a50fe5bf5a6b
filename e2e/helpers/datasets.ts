// Data for the dataset tests: Fashion-MNIST's real files from Debian's package, and generated
// IDX files of other datasets' shapes, made with the project's IDX writer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { makeIdx } from '../../src/testing/idxFiles';

/** Where Debian's `dataset-fashion-mnist` puts the four files (`.ci/run` installs it). */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

export const FASHION_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'] as const;

/** The labels of a Fashion-MNIST split, read here with Node's zlib (not the app's decoder). */
export function fashionLabels(split: 'train' | 'test'): Uint8Array {
  const name = split === 'train' ? 'train-labels-idx1-ubyte.gz' : 't10k-labels-idx1-ubyte.gz';
  return gunzipSync(readFileSync(join(process.env.FASHION_MNIST_DIR ?? FASHION_MNIST_DIR, name))).subarray(8);
}

/** The pixels of one Fashion-MNIST image (28 × 28, row by row). */
export function fashionImage(split: 'train' | 'test', index: number): Uint8Array {
  const name = split === 'train' ? 'train-images-idx3-ubyte.gz' : 't10k-images-idx3-ubyte.gz';
  return gunzipSync(readFileSync(join(process.env.FASHION_MNIST_DIR ?? FASHION_MNIST_DIR, name))).subarray(16 + index * 784, 16 + (index + 1) * 784);
}

export interface FilePayload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/**
 * EMNIST Letters' shape, small: labels 1–26 (0 is no class), images stored transposed. Image i's
 * stored row 0 is ink (255) and everything else blank, so drawn upright its ink is the left column.
 */
export function emnistLettersLike(train: number, test: number): { files: FilePayload[]; labels: Record<'train' | 'test', Uint8Array> } {
  const labels = { train: Uint8Array.from({ length: train }, (_, i) => 1 + (i % 26)), test: Uint8Array.from({ length: test }, (_, i) => 1 + ((i * 7) % 26)) };
  const images = (count: number) => {
    const data = new Uint8Array(count * 784);
    for (let i = 0; i < count; i++) data.fill(255, i * 784, i * 784 + 28);
    return makeIdx({ dims: [count, 28, 28], data });
  };
  const gz = (bytes: Uint8Array) => Buffer.from(gzipSync(bytes));
  return {
    labels,
    files: [
      { name: 'emnist-letters-train-images-idx3-ubyte.gz', mimeType: 'application/gzip', buffer: gz(images(train)) },
      { name: 'emnist-letters-train-labels-idx1-ubyte.gz', mimeType: 'application/gzip', buffer: gz(makeIdx({ dims: [train], data: labels.train })) },
      // Raw IDX beside gzip: both are read.
      { name: 'emnist-letters-test-images-idx3-ubyte', mimeType: 'application/octet-stream', buffer: Buffer.from(images(test)) },
      { name: 'emnist-letters-test-labels-idx1-ubyte', mimeType: 'application/octet-stream', buffer: Buffer.from(makeIdx({ dims: [test], data: labels.test })) },
    ],
  };
}

/**
 * A 64 × 64 set with one split only (training), labels 0–11. Image i is blank but for pixel
 * (row i mod 64, column 63): the last column, a different row for each.
 */
export function squareSet64(count: number): { files: FilePayload[]; labels: Uint8Array } {
  const labels = Uint8Array.from({ length: count }, (_, i) => (i * 5) % 12);
  const data = new Uint8Array(count * 64 * 64);
  for (let i = 0; i < count; i++) data[i * 4096 + (i % 64) * 64 + 63] = 200;
  return {
    labels,
    files: [
      { name: 'shapes-train-images.idx3-ubyte.gz', mimeType: 'application/gzip', buffer: Buffer.from(gzipSync(makeIdx({ dims: [count, 64, 64], data }))) },
      { name: 'shapes-train-labels.idx1-ubyte.gz', mimeType: 'application/gzip', buffer: Buffer.from(gzipSync(makeIdx({ dims: [count], data: labels }))) },
    ],
  };
}

/**
 * A zip archive as EMNIST publishes one (gzip/<file>.gz entries beside a mapping text), written
 * by Python's zipfile (deflated): an independent writer, not the library the app reads it with.
 */
export function zipOf(files: readonly FilePayload[], extra: Record<string, string> = {}): Buffer {
  const script = [
    'import io, json, sys, zipfile, base64',
    'entries = json.load(sys.stdin)',
    'out = io.BytesIO()',
    'with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:',
    '    for name, data in entries:',
    '        z.writestr(name, base64.b64decode(data))',
    'sys.stdout.write(base64.b64encode(out.getvalue()).decode())',
  ].join('\n');
  const entries = [
    ...files.map((f) => [`gzip/${f.name.endsWith('.gz') ? f.name : `${f.name}.gz`}`, (f.name.endsWith('.gz') ? f.buffer : gzipSync(f.buffer)).toString('base64')]),
    ...Object.entries(extra).map(([name, text]) => [name, Buffer.from(text).toString('base64')]),
  ];
  return Buffer.from(execFileSync('python3', ['-c', script], { input: JSON.stringify(entries), maxBuffer: 64 * 1024 * 1024 }).toString(), 'base64');
}

/** Whether Info-ZIP's `zip` is installed (Python's zipfile cannot encrypt). */
export const HAVE_ZIP_TOOL = (() => {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** `files` as gzip/<file>.gz entries of an archive encrypted with `password` (ZipCrypto), written by Info-ZIP's zip. */
export function encryptedZipOf(files: readonly FilePayload[], password: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-explorer-zip-'));
  try {
    mkdirSync(join(dir, 'gzip'));
    for (const f of files) writeFileSync(join(dir, 'gzip', f.name.endsWith('.gz') ? f.name : `${f.name}.gz`), f.name.endsWith('.gz') ? f.buffer : gzipSync(f.buffer));
    execFileSync('zip', ['-q', '-r', '-P', password, 'out.zip', 'gzip'], { cwd: dir });
    return readFileSync(join(dir, 'out.zip'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
