// numpy's side of the comparison: the scripts in python/ run by python3 on the same files as the
// app. Each is null where python3 or numpy is missing: the table then shows a dash.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs python/<script> on the four files in `dir`; one list of per-run ms for each line it prints. */
function runNumpy(script: string, dir: string, runs: number): number[][] | null {
  const path = fileURLToPath(new URL(`python/${script}`, import.meta.url));
  // No __pycache__ beside the scripts: they are run a few times, never imported by anyone else.
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  const result = spawnSync('python3', [path, dir, String(runs)], { encoding: 'utf8', env, maxBuffer: 1 << 20 });
  if (result.status !== 0) return null;
  return result.stdout.trim().split('\n').map((line) => line.trim().split(' ').map(Number));
}

/** numpy's load_data (gzip + frombuffer, as the notebook and Keras do), in ms per run. */
export function numpyLoadMs(dir: string, runs: number): number[] | null {
  return runNumpy('load_data.py', dir, runs)?.[0] ?? null;
}

/** A plain pass over every pixel, and the statistics the app computes, the usual numpy way. */
export function numpyStatisticsMs(dir: string, runs: number): { onePass: number[]; same: number[] } | null {
  const lines = runNumpy('statistics.py', dir, runs);
  return lines ? { onePass: lines[0]!, same: lines[1]! } : null;
}

/** numpy making the same map: covariance of every digit, eigh, the projection on two components. */
export function numpyMapMs(dir: string, runs: number): number[] | null {
  return runNumpy('pca_map.py', dir, runs)?.[0] ?? null;
}
