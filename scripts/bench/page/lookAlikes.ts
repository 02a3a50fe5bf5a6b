// A digit's look-alikes (its nearest neighbours among all digits), asked for from the grid.
import type { Page } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';
import { markDetail } from './marks';

/**
 * Opens digits from the grid (a trusted click each) and reads how long their look-alikes took,
 * from asking the worker to the answer: the first (which also computes every digit's norm) apart.
 */
export async function lookAlikeQueries(page: Page, runs: number): Promise<{ first: number; later: number[] }> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.evaluate((name) => performance.clearMarks(name), PERF_MARKS.lookAlikes);
    await page.getByRole('grid', { name: 'Digits' }).getByRole('gridcell').nth(run * 3).click();
    times.push((await markDetail<{ ms: number }>(page, PERF_MARKS.lookAlikes, 60_000)).ms);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
  }
  return { first: times[0]!, later: times.slice(1) };
}
