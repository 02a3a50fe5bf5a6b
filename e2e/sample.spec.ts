import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseSplit, digitButton, labelOfCell, openLoaded, samplePanel, sampleLabels, setSeed, status } from './helpers/explorer';

const DIGIT_NAME = /^(train|test) #\d+, label \d$/;

test('the sample panel shows 30 random digits by default, each named like the grid', async ({ page }) => {
  await openLoaded(page);
  const labels = await sampleLabels(page);
  expect(labels).toHaveLength(30);
  expect(labels.every((l) => DIGIT_NAME.test(l))).toBe(true);
  expect(new Set(labels).size).toBe(30);
  // Random over all 70,000, not the first 30.
  expect(labels).not.toEqual(Array.from({ length: 30 }, (_, i) => expect.stringContaining(`train #${i},`)));
});

test('the same seed gives the same sample after a reload; Reshuffle draws another', async ({ page }) => {
  await openLoaded(page);
  await setSeed(page, 12345);
  await expect(page).toHaveURL(/seed=12345/);
  const first = await sampleLabels(page);
  await page.reload();
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('12345');
  expect(await sampleLabels(page)).toEqual(first);

  await samplePanel(page).getByRole('button', { name: 'Reshuffle' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).not.toHaveValue('12345');
  expect(await sampleLabels(page)).not.toEqual(first);
  await setSeed(page, 12345);
  await expect.poll(() => sampleLabels(page)).toEqual(first);
});

test('the sample follows the digit filter and split, and its size is adjustable', async ({ page }) => {
  await openLoaded(page);
  await digitButton(page, '3').click();
  const threes = await sampleLabels(page);
  expect(threes).toHaveLength(30);
  expect(new Set(threes.map(labelOfCell))).toEqual(new Set([3]));
  await chooseSplit(page, 'Test');
  await expect.poll(async () => (await sampleLabels(page)).every((l) => /^test #\d+, label 3$/.test(l))).toBe(true);
  await page.getByRole('spinbutton', { name: 'Sample size' }).fill('7');
  await expect.poll(async () => (await sampleLabels(page)).length).toBe(7);
  await expect(page).toHaveURL(/n=7/);
});

test('Save PNG downloads the sample as an image', async ({ page }) => {
  await openLoaded(page);
  await setSeed(page, 99);
  const downloading = page.waitForEvent('download');
  await samplePanel(page).getByRole('button', { name: 'Save PNG' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mnist-sample-seed-99-n30.png');
  const bytes = readFileSync((await download.path()));
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(15 * 84);
  expect(height).toBeGreaterThan(2 * 84);
});

test('clicking a sampled digit opens its detail', async ({ page }) => {
  await openLoaded(page);
  const [first] = await sampleLabels(page);
  await samplePanel(page).getByRole('button', { name: first!, exact: true }).click();
  await expect(page.getByRole('dialog', { name: first! })).toBeVisible();
});
