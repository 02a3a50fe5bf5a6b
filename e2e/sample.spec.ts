import { readFileSync } from 'node:fs';
import { ZOOM_LEVELS } from '../src/state/store/viewOptions';
import { expect, test } from '@playwright/test';
import { chooseSplit, digitButton, grid, labelOfCell, samplePanel, sampleLabels, setSeed, status } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

const DIGIT_NAME = /^(train|test) #\d+, label \d$/;

// The sample's mechanics (the seed, reload, Reshuffle, the filter, the size, the figure, the
// canvases, the detail, the labels' drawing) on the planted set (2,500 bundled digits): the
// numbers drawn do not matter there, only that they follow. The one test of a link's split counts
// them from the planted labels.
test('the sample panel shows 30 random digits by default, each named like the grid', async ({ page }) => {
  await openPlanted(page);
  const labels = await sampleLabels(page);
  expect(labels).toHaveLength(30);
  expect(labels.every((l) => DIGIT_NAME.test(l))).toBe(true);
  expect(new Set(labels).size).toBe(30);
  // Random over all of them, not the first 30.
  expect(labels).not.toEqual(Array.from({ length: 30 }, (_, i) => expect.stringContaining(`train #${i},`)));
});

test('the same seed gives the same sample after a reload; Reshuffle draws another', async ({ page }) => {
  await openPlanted(page);
  await setSeed(page, 12345);
  await expect(page).toHaveURL(/seed=12345/);
  const first = await sampleLabels(page);
  await page.reload();
  await expect(status(page)).toHaveText(`Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`);
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('12345');
  expect(await sampleLabels(page)).toEqual(first);

  await samplePanel(page).getByRole('button', { name: 'Reshuffle' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).not.toHaveValue('12345');
  expect(await sampleLabels(page)).not.toEqual(first);
  await setSeed(page, 12345);
  await expect.poll(() => sampleLabels(page)).toEqual(first);
});

test('the sample follows the digit filter and split, and its size is adjustable', async ({ page }) => {
  await openPlanted(page);
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

test('Save PNG is the notebook’s figure: one row of 30 on a 16 × 6 inch canvas', async ({ page }) => {
  await openPlanted(page);
  await setSeed(page, 99);
  const downloading = page.waitForEvent('download');
  await samplePanel(page).getByRole('button', { name: 'Save PNG' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mnist-sample-seed-99-n30.png');
  const bytes = readFileSync((await download.path()));
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // 16 × 6 inches at 200 dpi.
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3200, 1200]);
  // Decode it in the page and count the digits in one horizontal band: 30 framed images in one row.
  const frames = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const dark = (x: number, y: number) => data[(y * width + x) * 4]! < 128;
    // Rows that hold dark pixels, and in the middle one, the dark runs (image frames) across.
    const inkRows = Array.from({ length: height }, (_, y) => y).filter((y) => Array.from({ length: width }, (_, x) => x).some((x) => dark(x, y)));
    const middle = Math.round(height / 2);
    let runs = 0;
    let inRun = false;
    for (let x = 0; x < width; x++) {
      const d = dark(x, middle) && dark(x, middle - 1);
      if (d && !inRun) runs++;
      inRun = d;
    }
    return { top: inkRows[0], bottom: inkRows.at(-1), runs };
  }, bytes.toString('base64'));
  // Frames and digits on one line through the middle: at least 30 dark runs (frames' left edges).
  expect(frames.runs).toBeGreaterThanOrEqual(30);
  // Everything drawn sits in one band well inside the 1200 px height (not two rows).
  expect(frames.bottom! - frames.top!).toBeLessThan(300);
});

test('clicking a sampled digit opens its detail', async ({ page }) => {
  await openPlanted(page);
  const [first] = await sampleLabels(page);
  await samplePanel(page).getByRole('button', { name: first!, exact: true }).click();
  await expect(page.getByRole('dialog', { name: first! })).toBeVisible();
});

test('the panel says what it draws from; Draw from pins the split, in the link too', async ({ page }) => {
  const testLabels = plantedData().labels.subarray(PLANTED.train);
  const shown = `Showing ${testLabels.filter((l) => l === 3 || l === 8).length} of ${PLANTED_TOTAL} digits`;
  await openPlanted(page, 'split=test&digits=3,8', new RegExp(`^${shown}$`));
  const panel = samplePanel(page);
  await expect(panel).toContainText('Drawn from the test split, digits 3, 8. The notebook draws from X_train: choose Train to match it.');
  await panel.getByRole('combobox', { name: 'Draw from' }).selectOption({ label: 'Train (the notebook’s X_train)' });
  await expect(panel).toContainText('Drawn from the training split (the notebook’s X_train), digits 3, 8.');
  await expect(page).toHaveURL(/sample=train/);
  await expect.poll(async () => (await sampleLabels(page)).every((l) => /^train #\d+, label [38]$/.test(l))).toBe(true);
  // The grid still shows the test split.
  await expect(status(page)).toHaveText(shown);
  await page.reload();
  await expect(status(page)).toHaveText(shown);
  await expect(samplePanel(page).getByRole('combobox', { name: 'Draw from' })).toHaveValue('train');
  expect((await sampleLabels(page)).every((l) => l.startsWith('train #'))).toBe(true);
});

test('Copy as Python names exactly the sampled digits, in order', async ({ page }) => {
  await openPlanted(page, 'seed=31&n=12&sample=train');
  const sample = await sampleLabels(page);
  await samplePanel(page).getByRole('button', { name: 'Copy as Python' }).click();
  const dialog = page.getByRole('dialog', { name: 'Python for this sample' });
  const code = await dialog.getByLabel('Python code').textContent();
  const indices = sample.map((l) => Number(/#(\d+)/.exec(l)![1]));
  expect(code).toContain(`idx = [${indices.join(', ')}]`);
  expect(code).toContain('X_sample, y_sample = X_train[idx], y_train[idx]');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('labels are drawn above the digits in grid and sample alike, sized with the zoom', async ({ page }) => {
  await openPlanted(page);
  // The first cell (its label strip and digit) as the canvas draws it.
  const measure = () =>
    grid(page).evaluate((el) => {
      const canvas = el.querySelector('canvas')!;
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const first = el.querySelector('[role="gridcell"]')!.getBoundingClientRect();
      const [left, top] = [Math.round((first.left - box.left) * scale), Math.round((first.top - box.top) * scale)];
      const [width, height] = [Math.round(first.width * scale), Math.round(first.height * scale)];
      const { data } = canvas.getContext('2d')!.getImageData(left, top, width, height);
      // Where is the label's ink (grey text) and the digit's (Greys)?
      const darkRows: number[] = [];
      for (let y = 1; y < height - 1; y++) {
        for (let x = 2; x < width - 6; x++) {
          if (data[(y * width + x) * 4]! < 110) {
            darkRows.push(y);
            break;
          }
        }
      }
      return { height, darkRows };
    });
  const big = await measure();
  // Two bands of ink: the label's at the top, the digit's below it, with white between.
  const gap = big.darkRows.findIndex((y, i) => i > 0 && y - big.darkRows[i - 1]! > 2);
  expect(gap).toBeGreaterThan(0);
  const labelBand = big.darkRows.slice(0, gap);
  expect(labelBand[0]!).toBeLessThan(big.height / 3);
  const labelHeight = labelBand.at(-1)! - labelBand[0]!;
  await page.getByRole('slider', { name: 'Zoom' }).fill(String(ZOOM_LEVELS.indexOf(4)));
  await expect.poll(async () => (await measure()).height).toBeGreaterThan(big.height * 1.5);
  const huge = await measure();
  const gap4 = huge.darkRows.findIndex((y, i) => i > 0 && y - huge.darkRows[i - 1]! > 2);
  const label4 = huge.darkRows.slice(0, gap4);
  expect(label4.at(-1)! - label4[0]!).toBeGreaterThan(labelHeight * 1.5);
  // The sample writes its label above the digit too.
  const first = samplePanel(page).getByRole('button').filter({ has: page.locator('canvas') }).first();
  const [labelBox, canvasBox] = await Promise.all([first.locator('.sample-digit-label').boundingBox(), first.locator('canvas').boundingBox()]);
  expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(canvasBox!.y + 1);
});

test('a new sample draws into the same 30 canvases instead of building new ones', async ({ page }) => {
  await openPlanted(page, 'seed=1');
  const canvases = samplePanel(page).locator('canvas');
  await expect(canvases).toHaveCount(30);
  await canvases.evaluateAll((cs) => cs.forEach((c) => ((c as HTMLCanvasElement & { __mark?: number }).__mark = 1)));
  const before = await sampleLabels(page);
  await setSeed(page, 2);
  await expect.poll(() => sampleLabels(page)).not.toEqual(before);
  const reused = await canvases.evaluateAll((cs) => cs.filter((c) => (c as HTMLCanvasElement & { __mark?: number }).__mark === 1).length);
  expect(reused).toBe(30);
});
