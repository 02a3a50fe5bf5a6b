import { expect, test } from '@playwright/test';
import { grid } from './helpers/explorer';
import { plantedData, plantedName } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

// On the planted set (2,500 bundled digits, the first training digits MNIST's own): the detail's
// mechanics, its pixels read here from the planted data.
test('clicking a digit opens its detail with split, index, label and every pixel value', async ({ page }) => {
  const { images, labels } = plantedData();
  await openPlanted(page);
  await grid(page).getByRole('gridcell', { name: plantedName(0), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: plantedName(0) });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('dl')).toContainText('Splittrain');
  await expect(dialog.locator('dl')).toContainText('Index0');
  await expect(dialog.locator('dl')).toContainText(`Label${labels[0]}`);
  const table = dialog.getByRole('table', { name: 'Pixel values' });
  await expect(table.getByRole('row')).toHaveCount(28);
  await expect(table.getByRole('cell')).toHaveCount(784);
  // Row 6 of the first training image, straight from the IDX file (MNIST's: 0 … 30 36 94 154 170 253 …).
  const row6 = await table.getByRole('row').nth(6).getByRole('cell').allTextContents();
  expect(row6.join(' ')).toBe(Array.from(images.subarray(6 * 28, 7 * 28)).join(' '));
  const values = (await table.getByRole('cell').allTextContents()).map(Number);
  expect(values).toEqual(Array.from(images.subarray(0, 784)));

  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('dialog', { name: plantedName(1) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Enter on a focused digit opens its detail', async ({ page }) => {
  await openPlanted(page);
  await grid(page).getByRole('gridcell').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: plantedName(2) })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', plantedName(2));
});
