// Waiting for the User Timing marks the app leaves (src/state/app/perfMarks.ts) and reading
// their details: how the benchmark knows when something happened and how long it took inside.
import type { Page } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';

/** Waits until the page holds `count` marks of this name (throws after `timeout` ms). */
export async function waitForMark(page: Page, name: string, timeout = 60_000, count = 1): Promise<void> {
  await page.waitForFunction(({ name, count }) => performance.getEntriesByName(name).length >= count, { name, count }, { timeout });
}

/**
 * Waits, for at most a minute, for a mark that may not come (one that follows a write to the
 * browser's storage, which can fail): what follows is measured after it whenever it does.
 */
export async function waitForMarkIfAny(page: Page, name: string): Promise<void> {
  await waitForMark(page, name).catch(() => undefined);
}

/** The details of the first `count` marks of this name, once there are that many. */
export async function markDetails<T>(page: Page, name: string, options: { timeout: number; count?: number; polling?: number }): Promise<T[]> {
  const handle = await page.waitForFunction(
    ({ name, count }) => {
      const entries = performance.getEntriesByName(name);
      return entries.length >= count ? entries.map((e) => (e as PerformanceMark).detail as unknown) : undefined;
    },
    { name, count: options.count ?? 1 },
    options.polling === undefined ? { timeout: options.timeout } : { timeout: options.timeout, polling: options.polling },
  );
  return (await handle.jsonValue()) as T[];
}

export async function markDetail<T>(page: Page, name: string, timeout: number): Promise<T> {
  return (await markDetails<T>(page, name, { timeout }))[0]!;
}

/** The statistics mark of this page load: the worker's time (computed) or the read-back time (kept). */
export async function statisticsMark(page: Page, kept: boolean): Promise<number> {
  const handle = await page.waitForFunction(
    ({ name, kept }) => {
      const mark = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
      const detail = mark?.detail as { ms: number; kept: boolean } | undefined;
      return detail && detail.kept === kept ? detail.ms : null;
    },
    { name: PERF_MARKS.statistics, kept },
    { timeout: 120_000 },
  );
  return (await handle.jsonValue())!;
}
