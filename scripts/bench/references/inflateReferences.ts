// What the machine itself needs to inflate the same .gz bytes the app loads: pako alone and the
// browser's DecompressionStream, each in a fresh worker of the same browser, and Node's zlib.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';
import { MNIST_FILES } from '../../../src/data/dataset/mnist';
import { DATA_ORIGIN } from '../config';
import { REFERENCE_PAGE, REFERENCE_WORKER } from '../data/dataServer';
import type { DataSet } from '../data/dataSets';

export interface InflateReferences {
  nodeZlibMs: number;
  pakoWorkerMs: number;
  nativeWorkerMs: number;
}

export function nodeZlibMs(dir: string): number {
  const files = MNIST_FILES.map((f) => readFileSync(join(dir, f.name)));
  const start = performance.now();
  for (const file of files) gunzipSync(file);
  return performance.now() - start;
}

/** pako alone and DecompressionStream, each in a fresh worker, on the same bytes (fetched before timing). */
export async function workerInflateMs(context: BrowserContext, set: DataSet): Promise<{ pakoWorkerMs: number; nativeWorkerMs: number }> {
  const page = await context.newPage();
  await page.goto(`${DATA_ORIGIN}${REFERENCE_PAGE}`);
  const result = await page.evaluate(async ({ route, names, workerUrl }) => {
    const files = await Promise.all(names.map(async (n) => (await fetch(`/${route}/${n}`)).arrayBuffer()));
    const run = (kind: 'pako' | 'native') =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(workerUrl, { type: 'module' });
        worker.onmessage = (e: MessageEvent<{ ms: number }>) => {
          worker.terminate();
          resolve(e.data.ms);
        };
        worker.onerror = (e) => reject(new Error(e.message));
        const copies = files.map((f) => f.slice(0));
        worker.postMessage({ kind, files: copies }, copies);
      });
    return { pakoWorkerMs: await run('pako'), nativeWorkerMs: await run('native') };
  }, { route: set.id, names: MNIST_FILES.map((f) => f.name), workerUrl: REFERENCE_WORKER });
  await page.close();
  return result;
}
