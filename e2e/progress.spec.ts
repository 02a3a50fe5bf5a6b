import { expect, test } from '@playwright/test';
import { FAULT_SERVER } from './helpers/ports';
import { grid, openCustomLink, status } from './helpers/explorer';
import { PLANTED_TOTAL, plantedName } from './helpers/planted';
import { openPlanted, PLANTED_URL } from './helpers/plantedPage';

// The digits on screen while the slow load runs are the planted set's (2,500 bundled digits): that
// Cancel keeps them is the point, not their number.
test('a slow load shows a progress bar per file, and Cancel keeps the digits on screen', async ({ page }) => {
  await openPlanted(page);
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Custom URL' });
  await page.getByRole('textbox', { name: 'Base URL' }).fill(`${FAULT_SERVER}/slow/`);
  await page.getByRole('button', { name: 'Open' }).click();

  const bars = page.getByRole('progressbar');
  await expect(bars).toHaveCount(4);
  const trainImages = page.getByRole('progressbar', { name: 'train-images-idx3-ubyte.gz' });
  await expect.poll(async () => Number(await trainImages.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  const first = Number(await trainImages.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await trainImages.getAttribute('aria-valuenow'))).toBeGreaterThan(first);
  // The small label files finish long before the images.
  const labels = page.getByRole('progressbar', { name: 't10k-labels-idx1-ubyte.gz' });
  await expect(labels).toHaveAttribute('aria-valuenow', '100');
  // A 4 KB file reads in bytes, never "0.0 MB".
  await expect(labels).toHaveAttribute('aria-valuetext', /^\d{1,3}(,\d{3})* bytes of \d{1,3}(,\d{3})* bytes$/);
  await expect(page.getByRole('region', { name: 'Loading progress' })).not.toContainText('0.0 MB');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(bars).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(status(page)).toHaveText(`Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`);
  await expect(page.getByLabel('Loaded data')).toContainText(PLANTED_URL);
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', plantedName(0));
});

test('on a first visit the grid shows training digits while the files are still arriving', async ({ page }) => {
  await openCustomLink(page, `/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/slow/`)}`);
  await expect(status(page)).toHaveText(/^Loading MNIST… \d+ training digits so far$/);
  await expect(page.getByRole('progressbar', { name: 'train-images-idx3-ubyte.gz' })).toBeVisible();
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 5');
  await expect(grid(page).getByRole('gridcell').nth(2)).toHaveAttribute('aria-label', 'train #2, label 4');
  // Only digits that have fully arrived are shown: no test digits yet, and no blank cells.
  await expect(grid(page).getByRole('gridcell', { name: /^test #/ })).toHaveCount(0);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits', { timeout: 30_000 });
});
