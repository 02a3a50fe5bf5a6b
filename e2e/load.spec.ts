import { expect, test } from '@playwright/test';
import { chooseSplit, digitButton, grid, openLoaded, status, TEST_LABEL_COUNTS, TRAIN_LABEL_COUNTS } from './helpers/explorer';

test('loads all 70,000 real digits in file order, cross-origin isolated', async ({ page }) => {
  await openLoaded(page);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect(page.getByLabel('Loaded data')).toHaveAttribute('data-memory', 'shared');
  await expect(page.getByLabel('Loaded data')).not.toContainText('memory');
  const cells = grid(page).getByRole('gridcell');
  await expect(cells.nth(0)).toHaveAttribute('aria-label', 'train #0, label 5');
  await expect(cells.nth(1)).toHaveAttribute('aria-label', 'train #1, label 0');
  await expect(cells.nth(2)).toHaveAttribute('aria-label', 'train #2, label 4');
  // The canvas really shows ink: the first row's canvas is not blank.
  const inked = await grid(page)
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255 && data[i]! < 64) dark++;
      return dark;
    });
  expect(inked).toBeGreaterThan(100);
});

// One test per split: twenty filter changes over all 70,000 digits took 33 s with both cores busy.
test('the training split’s count and per-label counts match MNIST', async ({ page }) => {
  await openLoaded(page);
  await chooseSplit(page, 'Train');
  await expect(status(page)).toHaveText('Showing 60000 of 70000 digits');
  for (let d = 0; d < 10; d++) {
    await digitButton(page, String(d)).click();
    await expect(status(page)).toHaveText(`Showing ${TRAIN_LABEL_COUNTS[d]} of 70000 digits`);
    await digitButton(page, String(d)).click(); // off again: back to All
  }
});

test('the test split’s count and per-label counts match MNIST', async ({ page }) => {
  await openLoaded(page);
  await chooseSplit(page, 'Test');
  await expect(status(page)).toHaveText('Showing 10000 of 70000 digits');
  for (let d = 0; d < 10; d++) {
    await digitButton(page, String(d)).click();
    await expect(status(page)).toHaveText(`Showing ${TEST_LABEL_COUNTS[d]} of 70000 digits`);
    await digitButton(page, 'All').click();
  }
});

test('the statistics are computed after the data is shown, in a worker of their own', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openLoaded(page);
  const marks = await page.waitForFunction(() => {
    const loaded = performance.getEntriesByName('mnist-loaded')[0];
    const statistics = performance.getEntriesByName('mnist-statistics')[0] as PerformanceMark | undefined;
    return loaded && statistics ? { loaded: loaded.startTime, statistics: statistics.startTime, ms: (statistics.detail as { ms: number }).ms } : null;
  });
  const { loaded, statistics, ms } = (await marks.jsonValue())!;
  expect(statistics).toBeGreaterThan(loaded);
  expect(ms).toBeGreaterThan(0);
  expect(workers.some((url) => /analysis\.worker/.test(url))).toBe(true);
});
