import { expect, test } from '@playwright/test';
import { openLoaded } from './helpers/explorer';

test('About MNIST: a dataset card from the header, out of the way until asked for', async ({ page }) => {
  await openLoaded(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const about = page.getByRole('banner').getByRole('button', { name: 'About MNIST' });
  await about.click();
  const card = page.getByRole('dialog', { name: 'About MNIST' });
  await expect(card).toContainText('70,000 handwritten digits');
  await expect(card).toContainText('train: 60,000 digits · test: 10,000 digits');
  await expect(card).toContainText('28 × 28 pixels');
  await expect(card).toContainText('Gradient-based learning applied to document recognition');
  await expect(card.getByRole('link', { name: /Creative Commons Attribution-Share Alike 3\.0/ })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by-sa/3.0/');
  await expect(card.getByRole('link', { name: 'http://yann.lecun.com/exdb/mnist/' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'The MNIST database of handwritten digits' })).toHaveAttribute('href', /learn\.microsoft\.com\/azure\/open-datasets\/dataset-mnist/);
  await expect(card).toContainText('train-images-idx3-ubyte.gz (9,912,422 bytes)');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(about).toBeFocused();
});

test('the header speaks plainly: no memory talk, and the button says what it will do', async ({ page }) => {
  await openLoaded(page);
  const header = page.getByRole('banner');
  await expect(header).not.toContainText(/memory/i);
  await expect(header.getByLabel('Loaded data')).toContainText(/^Loaded from Bundled copy in \d+\.\d\d s$/);
  await expect(header.getByRole('button', { name: 'Reload' })).toBeVisible();
  await header.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Azure Open Datasets' });
  await expect(header.getByRole('button', { name: 'Open' })).toBeVisible();
  await header.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Bundled copy' });
  await expect(header.getByRole('button', { name: 'Reload' })).toBeVisible();
});
