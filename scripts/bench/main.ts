// `npm run bench`: builds the app, serves it with the production headers, and drives headless
// Chromium through cold and warm loads, filter clicks and scrolling, on MNIST and on a generated
// 10 × MNIST set (700,000 digits, written by data/x10.ts). Beside every load it measures, in the
// same run and interleaved with it, what the machine itself needs for the same bytes: pako alone
// and the browser's DecompressionStream in a fresh worker, Node's zlib, and numpy's load_data;
// beside the statistics, a plain numpy pass over the same pixels and numpy's own statistics.
// Prints a table (median, min, max); writes bench/results.json (git-ignored).
import { cpus, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { benchGrid, benchLoads, benchSet } from './benchSet';
import { BENCH_PARTS, MNIST_DIR, PORT, ROOT, RUNS, RUNS_10X } from './config';
import { startDataServer } from './data/dataServer';
import { MNIST_SET, X10_SET } from './data/dataSets';
import { describeMnistSource, prepareData } from './data/prepareData';
import { ensureX10 } from './data/x10';
import { buildInflateWorker } from './references/buildInflateWorker';
import { knnComputePaths } from './references/knnComputePaths';
import { launchBrowser } from './page/browser';
import { benchSuspects } from './page/suspects';
import { benchClassifier } from './page/classifier';
import { writeResults, type Results, type SuspectsResults } from './report/results';
import { formatTable } from './report/table';

/** MNIST only: at 10× the search is 100× the work (hours), beyond what the app offers. */
async function suspects(browser: Browser): Promise<SuspectsResults> {
  process.stdout.write('bench: suspect labels of all of MNIST…                    \r');
  const inBrowser = await benchSuspects(browser, MNIST_SET);
  process.stdout.write('bench: the neighbour search’s compute paths (Node)…       \r');
  return { ...inBrowser, paths: knnComputePaths(MNIST_DIR) };
}

/** MNIST only: the 10× set is the same digits ten times over, and ten times the training. */
async function classifier(browser: Browser) {
  process.stdout.write('bench: the classifier of all of MNIST…                    \r');
  return benchClassifier(browser, MNIST_SET);
}

async function main(): Promise<void> {
  prepareData();
  ensureX10(MNIST_DIR);
  console.log('bench: building the app…');
  await build({ root: ROOT, logLevel: 'warn' });
  const inflateWorker = await buildInflateWorker();
  const server = await preview({ root: ROOT, preview: { port: PORT, strictPort: true, open: false }, logLevel: 'warn' });
  const dataServer = await startDataServer(inflateWorker);
  const browser = await launchBrowser();
  try {
    const results: Results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), browser: browser.version(), node: process.version },
      mnistFiles: describeMnistSource(),
      sets: BENCH_PARTS.has('sets') ? [await benchSet(browser, MNIST_SET, RUNS), await benchSet(browser, X10_SET, RUNS_10X)] : null,
      loads: BENCH_PARTS.has('loads') && !BENCH_PARTS.has('sets') ? [await benchLoads(browser, MNIST_SET, RUNS), await benchLoads(browser, X10_SET, RUNS_10X)] : null,
      grid: BENCH_PARTS.has('grid') && !BENCH_PARTS.has('sets') ? [await benchGrid(browser, MNIST_SET, RUNS), await benchGrid(browser, X10_SET, RUNS_10X)] : null,
      suspects: BENCH_PARTS.has('suspects') ? await suspects(browser) : null,
      classifier: BENCH_PARTS.has('classifier') ? await classifier(browser) : null,
    };
    writeResults(results);
    console.log(`\n${formatTable(results)}\nbench: wrote bench/results.json`);
  } finally {
    await browser.close();
    dataServer.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
