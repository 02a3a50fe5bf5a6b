// One page load, cold or warm, as the person waiting sees it: from navigation to the loader
// worker, the files decoded, the status shown and painted, the first digit, and what got in the way.
import type { Page } from '@playwright/test';
import { PERF_MARKS, type LoadedMarkDetail } from '../../../src/state/app/perfMarks';
import { measureLayoutShift } from '../../../src/testing/layoutShift';
import { loadedStatusText, type DataSet } from '../data/dataSets';
import { waitForMark } from './marks';
import type { ProbedWindow } from './probes';

export interface LoadSample {
  /** Navigation → the loader worker created (how early the boot entry runs). */
  workerCreatedMs: number;
  /** Worker created → all four files decoded (includes the worker's own start-up). */
  decodeMs: number;
  navToStatusMs: number;
  navToStatusPaintedMs: number;
  firstDigitMs: number;
  fromKeptCopy: boolean;
  /** The longest task from the data arriving on the page until the status was painted. */
  longestTaskAfterLoadMs: number;
  layoutShift: number;
  pixelBytes: number;
  labelBytes: number;
  shared: boolean;
}

/** The timed figures of a load, summed up over runs; the rest describe the load. */
export const LOAD_TIMES = ['workerCreatedMs', 'decodeMs', 'navToStatusMs', 'navToStatusPaintedMs', 'firstDigitMs', 'longestTaskAfterLoadMs', 'layoutShift'] as const;

/** Opens the set's link (or reloads the page) and waits until the data is shown, then reads the load's figures. */
export async function measureLoad(page: Page, set: DataSet, reload: boolean): Promise<LoadSample> {
  if (reload) await page.reload();
  else await page.goto(set.link);
  await page.waitForFunction(() => (window as unknown as ProbedWindow).__bench.statusPainted !== undefined, undefined, { timeout: 120_000 });
  await page.getByRole('status').filter({ hasText: loadedStatusText(set) }).waitFor({ timeout: 1000 });
  await waitForMark(page, PERF_MARKS.firstDigit, 30_000);
  await page.waitForTimeout(300); // long tasks are reported a little after they end
  const { total: layoutShift } = await page.evaluate(measureLayoutShift, 0);
  const sample = await page.evaluate((names) => {
    const bench = (window as unknown as ProbedWindow).__bench as Required<ProbedWindow['__bench']>;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const one = (name: string) => performance.getEntriesByName(name)[0]!;
    const loaded = one(names.loaded) as PerformanceMark;
    const workerLoad = one(names.workerLoad);
    const detail = loaded.detail as LoadedMarkDetail;
    const after = bench.longTasks.filter((t) => t.start + t.duration >= loaded.startTime && t.start <= bench.statusPainted);
    return {
      workerCreatedMs: one(names.workerStart).startTime - nav.startTime,
      decodeMs: workerLoad.startTime + workerLoad.duration - one(names.workerStart).startTime,
      navToStatusMs: bench.statusShown - nav.startTime,
      navToStatusPaintedMs: bench.statusPainted - nav.startTime,
      firstDigitMs: one(names.firstDigit).startTime - nav.startTime,
      fromKeptCopy: detail.fromKeptCopy,
      longestTaskAfterLoadMs: Math.max(0, ...after.map((t) => t.duration)),
      pixelBytes: detail.pixelBytes,
      labelBytes: detail.labelBytes,
      shared: detail.shared,
    };
  }, PERF_MARKS);
  return { ...sample, layoutShift };
}
