// A Python with numpy, for tests that check what the app says against numpy itself (an
// independent computation). .ci/run installs Debian's python3-numpy where no Python has it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CANDIDATES = ['python3', '/usr/bin/python3'];

export const PYTHON_WITH_NUMPY: string | null =
  CANDIDATES.find((python) => spawnSync(python, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0) ?? null;

/** The original MNIST files beside the checkout (../shared/mnist), if there. */
export const SHARED_MNIST_DIR = resolve(import.meta.dirname, '../../../shared/mnist');
export const HAVE_SHARED_MNIST = existsSync(join(SHARED_MNIST_DIR, 'train-images-idx3-ubyte.gz'));

/**
 * Python that loads the four files the way the notebook's load_data does (gzip, skip the IDX
 * header, one row of 784 per image, labels as a flat vector), into X_train, y_train, X_test, y_test.
 */
export function notebookPrelude(dir: string): string {
  return [
    'import gzip, numpy as np',
    `d = ${JSON.stringify(dir)}`,
    'def load_data(name, label=False):',
    '    with gzip.open(d + "/" + name) as f:',
    '        f.read(8 if label else 16)',
    '        data = np.frombuffer(f.read(), np.uint8)',
    '    return data if label else data.reshape(-1, 784)',
    'X_train = load_data("train-images-idx3-ubyte.gz")',
    'y_train = load_data("train-labels-idx1-ubyte.gz", True)',
    'X_test = load_data("t10k-images-idx3-ubyte.gz")',
    'y_test = load_data("t10k-labels-idx1-ubyte.gz", True)',
    '',
  ].join('\n');
}

/**
 * The environment numpy runs in from tests: its BLAS on one thread. The tests already keep every
 * core busy (two test workers, each with a browser or Vitest beside it), and BLAS threads that
 * wait for a core spin: an eigendecomposition that takes 8 s on one thread took 14–48 s with the
 * default threads on a busy two-core machine.
 */
export const NUMPY_ENV: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

export function runPython(python: string, code: string): string {
  return execFileSync(python, ['-c', code], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: NUMPY_ENV });
}

/** A file numpy wrote with `ndarray.tofile` (raw, native byte order), as an ArrayBuffer of its own. */
export function numpyFile(dir: string, name: string): ArrayBuffer {
  const bytes = readFileSync(join(dir, name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/**
 * Writes probabilities (`classes` float64 per digit) and labels for numpy to a fresh directory;
 * `prelude` loads them as `p` (n × classes) and `y` (int64).
 */
export function probabilitiesForNumpy(probabilities: Float64Array, labels: Uint8Array, classes: number): { dir: string; prelude: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-probabilities-'));
  writeFileSync(join(dir, 'p'), new Uint8Array(probabilities.buffer, probabilities.byteOffset, probabilities.byteLength));
  writeFileSync(join(dir, 'labels'), labels);
  const prelude = `import numpy as np
p = np.fromfile(${JSON.stringify(join(dir, 'p'))}, dtype=np.float64).reshape(-1, ${classes})
y = np.fromfile(${JSON.stringify(join(dir, 'labels'))}, dtype=np.uint8).astype(np.int64)
`;
  return { dir, prelude };
}
