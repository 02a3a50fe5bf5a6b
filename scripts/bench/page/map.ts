// The map (PCA of every digit), computed afresh per run.
import type { Page } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';
import { KEPT_ROOT, RESULTS_DIR } from '../../../src/state/kept/keptStorage';
import type { DataSet } from '../data/dataSets';
import { markDetail, waitForMarkIfAny } from './marks';

/** The worker's time from its start to its answer, and its split of that time (ms). */
export interface MapTime {
  ms: number;
  scatter: number;
  eigen: number;
  project: number;
}

/** A fresh page on a `view=map` link per run, the kept map forgotten first. */
export async function mapTimes(page: Page, set: DataSet, runs: number): Promise<MapTime[]> {
  const times: MapTime[] = [];
  const link = new URL(set.link);
  link.searchParams.set('view', 'map');
  for (let run = 0; run < runs; run++) {
    // The map is kept with the decoded copy: forget it, so each run computes it.
    await page.evaluate(async ({ top, results }) => {
      try {
        const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle(top)).getDirectoryHandle(results);
        for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.startsWith('map-')) await dir.removeEntry(name);
      } catch {
        // nothing kept yet
      }
    }, { top: KEPT_ROOT, results: RESULTS_DIR });
    await page.goto(link.href);
    times.push(await markDetail<MapTime>(page, PERF_MARKS.map, 300_000));
    // Written after it is shown: wait for it, so the next run's forgetting comes after the write.
    await waitForMarkIfAny(page, PERF_MARKS.mapKept);
  }
  return times;
}
