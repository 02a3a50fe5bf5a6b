import { expect, test, type Page } from '@playwright/test';
import { PERF_MARKS } from '../src/state/app/perfMarks';
import { measureLayoutShift } from '../src/testing/layoutShift';
import { grid, openLoaded, status } from './helpers/explorer';

/** Web Vitals' "good" cumulative layout shift. */
const CLS_LIMIT = 0.1;

async function layoutShift(page: Page, since = 0) {
  return page.evaluate(measureLayoutShift, since);
}

test('no layout jump from navigation to all loaded, nor when Reload is pressed', async ({ page }) => {
  await openLoaded(page);
  await expect(grid(page).getByRole('gridcell').first()).toBeVisible();
  const load = await layoutShift(page);
  console.log(`layout shift, navigation → all loaded: ${load.total.toFixed(4)} in ${load.shifts} shifts; largest ${JSON.stringify(load.largest)}`);
  expect(load.total).toBeLessThanOrEqual(CLS_LIMIT);

  // A warm visit: the kept copy arrives at once, with no streaming preview before it.
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, PERF_MARKS.keptCopyWritten);
  await page.reload();
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await expect(grid(page).getByRole('gridcell').first()).toBeVisible();
  const warm = await layoutShift(page);
  console.log(`layout shift, warm visit: ${warm.total.toFixed(4)} in ${warm.shifts} shifts; largest ${JSON.stringify(warm.largest)}`);
  expect(warm.total).toBeLessThanOrEqual(CLS_LIMIT);

  const since = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction((name) => performance.getEntriesByName(name).length >= 2, PERF_MARKS.loaded);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  const reload = await layoutShift(page, since);
  console.log(`layout shift, Reload → loaded: ${reload.total.toFixed(4)} in ${reload.shifts} shifts`);
  expect(reload.total).toBeLessThanOrEqual(CLS_LIMIT);
});
