// bench/results.json: the machine, where the MNIST files came from, every set's figures with
// every run, and the suspect labels.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KnnComputePaths } from '../references/knnComputePaths';
import type { SuspectsInBrowser } from '../page/suspects';
import type { ClassifierInBrowser } from '../page/classifier';
import { RESULTS_FILE } from '../config';
import type { SetResults } from './setResults';
import type { GridResults, LoadResults } from './setRows';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  browser: string;
  node: string;
}

export type SuspectsResults = SuspectsInBrowser & {
  /** One thread in Node, ms per query over a test-split half (5,000 digits), by compute path. */
  readonly paths: KnnComputePaths;
};

export interface Results {
  date: string;
  machine: Machine;
  mnistFiles: string;
  /** MNIST, then the 10× set; null for a part not run (BENCH_ONLY). */
  sets: [SetResults, SetResults] | null;
  /** The grid alone (BENCH_ONLY=grid): MNIST, then the 10× set. */
  grid: [GridResults, GridResults] | null;
  /** The loads alone (BENCH_ONLY=loads): MNIST, then the 10× set. */
  loads?: [LoadResults, LoadResults] | null;
  suspects: SuspectsResults | null;
  classifier: ClassifierInBrowser | null;
}

export function writeResults(results: Results): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
