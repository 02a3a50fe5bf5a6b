import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseSplit, digitButton, openLoaded, view } from './helpers/explorer';

test('the data frame info reads 70000 entries × 785 columns for All, and follows the filter', async ({ page }) => {
  await openLoaded(page);
  await view(page, 'Data frame').click();
  const info = page.getByRole('region', { name: 'Data frame info' });
  await expect(info).toContainText('70000 entries × 785 columns');
  await expect(info).toContainText('dtypes: uint8(785)');
  await expect(info).toContainText('memory usage: 54950000 bytes');
  await chooseSplit(page, 'Test');
  await expect(info).toContainText('10000 entries × 785 columns');
  const head = page.getByRole('table', { name: 'First 5 rows' });
  await expect(head.getByRole('row')).toHaveCount(6);
  await expect(head.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('7');
});

test('the table shows raw and normalized pixel values and scrolls to its last row and column', async ({ page }) => {
  await openLoaded(page);
  await view(page, 'Data frame').click();
  const table = page.getByRole('table', { name: 'Data frame', exact: true });
  await expect(table).toHaveAttribute('aria-rowcount', '70001');
  await expect(table).toHaveAttribute('aria-colcount', '786');
  // train #0, pixel 6*28+13 = 181 is 253 in the IDX file; its column is 181 + 3 (index, label).
  await table.evaluate((el) => (el.scrollLeft = 181 * 58 - 200));
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.getByRole('rowheader')).toHaveText('train #0');
  const cell = firstRow.locator('[aria-colindex="184"]');
  await expect(cell).toHaveText('253');
  await page.getByRole('checkbox', { name: 'Normalized (÷ 255.0)' }).check();
  await expect(cell).toHaveText('0.992');
  await expect(page).toHaveURL(/norm=1/);
  await page.getByRole('region', { name: 'Data frame info' }).getByText('float64(784), uint8(1)').waitFor();

  await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight, left: el.scrollWidth }));
  await expect(table.getByRole('rowheader', { name: 'test #9999', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'pixel783', exact: true })).toBeVisible();
});

test('Download CSV of digit 0 on Test has 980 rows of label + 784 pixels', async ({ page }) => {
  await openLoaded(page);
  await chooseSplit(page, 'Test');
  await digitButton(page, '0').click();
  await view(page, 'Data frame').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mnist-test-0.csv');
  const lines = readFileSync((await download.path()), 'utf8').trimEnd().split('\n');
  expect(lines[0]!.split(',').slice(0, 3)).toEqual(['label', 'pixel0', 'pixel1']);
  const rows = lines.slice(1);
  expect(rows).toHaveLength(980);
  for (const row of rows) {
    const fields = row.split(',');
    expect(fields).toHaveLength(785);
    expect(fields[0]).toBe('0');
  }
  const pixelSum = rows.reduce((sum, row) => sum + row.split(',').slice(1).reduce((s, v) => s + Number(v), 0), 0);
  expect(pixelSum).toBeGreaterThan(980 * 784 * 20); // real ink, not zeros
});
