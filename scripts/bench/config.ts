// Where the benchmark runs, on what, and how many times: every input it takes from the
// environment is read here (BENCH_RUNS, BENCH_RUNS_10X, BENCH_PORT).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RUNS = Number(process.env.BENCH_RUNS) || 5;
/** The 10× set's loads take ten times as long: fewer runs unless asked. */
export const RUNS_10X = Number(process.env.BENCH_RUNS_10X) || 3;
/**
 * The parts to run (BENCH_ONLY=sets,suspects,classifier; all when unset; `grid` and `loads` are the
 * grid's and the start's own figures, which `sets` includes): a part alone for a quick look while working on it. The docs'
 * figures come from a full run.
 */
export const BENCH_PARTS: ReadonlySet<string> = new Set((process.env.BENCH_ONLY ?? 'sets,suspects,classifier').split(',').map((p) => p.trim()));

/** The app's preview server; the data server (the 10× set, the reference page) is the next port. */
export const PORT = Number(process.env.BENCH_PORT) || 4180;
export const DATA_PORT = PORT + 1;
export const DATA_ORIGIN = `http://127.0.0.1:${DATA_PORT}`;

/** The original MNIST files, when this checkout sits beside a shared copy of them. */
export const SHARED_MNIST = resolve(ROOT, '../shared/mnist');
/** The app's bundled MNIST, written by scripts/prepare-data.ts. */
export const MNIST_DIR = join(ROOT, 'public/data');
export const X10_DIR = join(ROOT, 'bench/x10');
export const RESULTS_FILE = join(ROOT, 'bench/results.json');
