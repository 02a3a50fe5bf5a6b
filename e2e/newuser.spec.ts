// What a new user hit on the way: files chosen in the picker open at once (no second button),
// and a published dataset's files opened as another dataset are recognised by their contents.
// What is on screen before them is the planted set (2,500 bundled digits, as MNIST): a cheap load.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FASHION_FILES, FASHION_MNIST_DIR, fashionLabels, squareSet64 } from './helpers/datasets';
import { status } from './helpers/explorer';
import { openPlanted } from './helpers/plantedPage';

const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

test('Fashion-MNIST’s files chosen while the list says MNIST open at once, recognised by their contents, with its class names', async ({ page }) => {
  await openPlanted(page);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('mnist');
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Your own files' });
  // Choosing is opening: no Open button is pressed.
  await page.getByLabel('Files', { exact: true }).setInputFiles(FASHION_FILES.map((name) => join(FASHION_MNIST_DIR, name)));
  const notice = page.getByRole('complementary', { name: 'Recognised files' });
  await expect(notice).toContainText('Fashion-MNIST');
  await expect(notice).toContainText('SHA-256');
  await expect(status(page)).toHaveText('Showing 70000 of 70000 images');
  // Each cell names its class, as the files (read here with zlib) say.
  const train = fashionLabels('train');
  const first = await page.getByRole('grid', { name: 'Images' }).getByRole('gridcell').evaluateAll((cells) => cells.slice(0, 5).map((c) => c.getAttribute('aria-label')));
  expect(first).toEqual(Array.from({ length: 5 }, (_, i) => `train #${i}, label ${train[i]} (${FASHION_CLASSES[train[i]!]})`));
  await expect(page.getByRole('group', { name: 'Class filter' }).getByRole('button')).toHaveText(['All', ...FASHION_CLASSES]);
  await expect(page.getByRole('button', { name: 'About Fashion-MNIST' })).toBeVisible();
  await expect(page).toHaveURL(/dataset=fashion-mnist/);
  await expect(page).toHaveURL(/source=local/);
  // The Files view compares them with Fashion-MNIST's published IDX bytes, not MNIST's.
  await page.getByRole('tab', { name: 'Files', exact: true }).click();
  await expect(page.locator('[data-verdict="match"]')).toHaveCount(4);
});

test('files of no published dataset stay what they were opened as, with no notice', async ({ page }) => {
  const { files } = squareSet64(12);
  await openPlanted(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Other IDX files' });
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Your own files' });
  await page.getByLabel('Files', { exact: true }).setInputFiles(files);
  await expect(status(page)).toHaveText('Showing 12 of 12 images');
  await expect(page.getByLabel('Loaded data')).toContainText('Other IDX files');
  // The hashes are known once the Files view shows them; still no recognition.
  await page.getByRole('tab', { name: 'Files', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Files' }).locator('.sha').first()).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('complementary', { name: 'Recognised files' })).toHaveCount(0);
});
