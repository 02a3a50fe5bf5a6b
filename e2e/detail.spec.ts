import { expect, test } from '@playwright/test';
import { grid, openLoaded } from './helpers/explorer';

test('clicking a digit opens its detail with split, index, label and every pixel value', async ({ page }) => {
  await openLoaded(page);
  await grid(page).getByRole('gridcell', { name: 'train #0, label 5', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'train #0, label 5' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('dl')).toContainText('Splittrain');
  await expect(dialog.locator('dl')).toContainText('Index0');
  await expect(dialog.locator('dl')).toContainText('Label5');
  const table = dialog.getByRole('table', { name: 'Pixel values' });
  await expect(table.getByRole('row')).toHaveCount(28);
  await expect(table.getByRole('cell')).toHaveCount(784);
  // Row 6 of the first training image, straight from the IDX file.
  const row6 = await table.getByRole('row').nth(6).getByRole('cell').allTextContents();
  expect(row6.join(' ')).toBe('0 0 0 0 0 0 0 0 30 36 94 154 170 253 253 253 253 253 225 172 253 242 195 64 0 0 0 0');
  const values = (await table.getByRole('cell').allTextContents()).map(Number);
  expect(values.reduce((a, b) => a + b, 0)).toBe(27525);

  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('dialog', { name: 'train #1, label 0' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Enter on a focused digit opens its detail', async ({ page }) => {
  await openLoaded(page);
  await grid(page).getByRole('gridcell').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'train #2, label 4' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'train #2, label 4');
});
