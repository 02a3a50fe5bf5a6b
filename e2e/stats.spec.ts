// The statistics view (link `view=stats`), checked against numbers computed here from the
// bundled files the app loads: counts by counting labels, means as plain sums ÷ counts.
import { readFileSync } from 'node:fs';
import { bundledPayload } from './helpers/bundled';
import { damageKeptFiles } from './helpers/kept';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { digitButton, grid, status, view } from './helpers/explorer';
import { PLANTED, plantedData } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

const split = (images: string, labels: string) => ({ images: bundledPayload(images, 16), labels: bundledPayload(labels, 8) });
const train = split('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz');
const test_ = split('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz');
type Split = typeof train;

const countOf = (s: Split, label: number) => s.labels.reduce((n, l) => n + (l === label ? 1 : 0), 0);
const membersOf = (s: Split, label: number) => [...s.labels.keys()].filter((i) => s.labels[i] === label);
function meanImageOf(s: Split, label: number): number[] {
  const members = membersOf(s, label);
  const sum = new Array<number>(784).fill(0);
  for (const i of members) for (let p = 0; p < 784; p++) sum[p]! += s.images[i * 784 + p]!;
  return sum.map((v) => v / members.length);
}
const inkOf = (s: Split, i: number) => s.images.subarray(i * 784, (i + 1) * 784).reduce((a, b) => a + b, 0);

function figure(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

/** The table of a figure (opened with Show table), as rows of cell texts. */
async function tableOf(page: Page, title: string): Promise<string[][]> {
  const region = figure(page, title);
  await region.getByRole('button', { name: 'Show table' }).click();
  return region.getByRole('table', { name: title }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

const fmt = (n: number) => n.toLocaleString('en-US');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a view=stats link opens the statistics; the class balance is the files’ and a bar sets the digit filter', async ({ page }) => {
  await page.goto('/?view=stats');
  await expect(view(page, 'Statistics')).toHaveAttribute('aria-selected', 'true');
  const rows = await tableOf(page, 'Class balance');
  for (let d = 0; d < 10; d++) {
    const [nTrain, nTest] = [countOf(train, d), countOf(test_, d)];
    expect(rows[d]!.slice(0, 4)).toEqual([String(d), fmt(nTrain), fmt(nTest), fmt(nTrain + nTest)]);
  }
  expect(rows.at(-1)!.slice(0, 4)).toEqual(['all', '60,000', '10,000', '70,000']);

  const three = countOf(train, 3) + countOf(test_, 3);
  await figure(page, 'Class balance').getByRole('button', { name: `3: ${fmt(three)} digits in train + test` }).click();
  await expect(digitButton(page, '3')).toHaveAttribute('aria-pressed', 'true');
  await expect(status(page)).toHaveText(`Showing ${three} of 70000 digits`);
  await expect(page).toHaveURL(/view=stats/);
  await expect(page).toHaveURL(/digits=3(&|$)/);
  // The split applies: the bars and their names now count the test split.
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: 'Test' });
  await expect(figure(page, 'Class balance').getByRole('button', { name: `7: ${fmt(countOf(test_, 7))} digits in the test split` })).toBeVisible();
});

test('class averages: mean pixel values and every pixel of the mean images equal sums ÷ counts; a mean image opens its digits', async ({ page }) => {
  await page.goto('/?view=stats&split=test&digits=7');
  const rows = await tableOf(page, 'Class averages');
  const sevens = membersOf(test_, 7);
  const meanPixel = (s: Split, members: number[]) => members.reduce((a, i) => a + inkOf(s, i), 0) / (members.length * 784);
  expect(rows[0]!.slice(0, 3)).toEqual(['7', fmt(sevens.length), meanPixel(test_, sevens).toFixed(4)]);
  expect(rows[0]![3]).toBe(meanPixel(train, membersOf(train, 7)).toFixed(4));

  // Copy CSV: 784 values per image, every digit of each float64.
  await figure(page, 'Class averages').getByRole('button', { name: 'Copy CSV' }).click();
  await expect(figure(page, 'Class averages')).toContainText('Copied');
  const csv = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n');
  expect(csv[0]!.split(',').slice(0, 4)).toEqual(['label', 'statistic', 'split', 'p0']);
  const line = (label: string, statistic: string) => csv.find((l) => l.startsWith(`${label},${statistic},`))!.split(',').slice(3).map(Number);
  const testMean = meanImageOf(test_, 7);
  expect(line('7', 'mean')).toEqual(testMean);
  const trainMean = meanImageOf(train, 7);
  expect(line('7', 'train_minus_test')).toEqual(trainMean.map((v, p) => v - testMean[p]!));

  await figure(page, 'Class averages').getByRole('button', { name: /^Mean image of 7 in the test split/ }).click();
  await expect(view(page, 'Digits')).toHaveAttribute('aria-selected', 'true');
  await expect(grid(page).getByRole('gridcell').first()).toHaveAccessibleName(`test #${sevens[0]}, label 7`);
});

test('pixel values and ink follow the filter; Save PNG saves the figure', async ({ page }) => {
  await page.goto('/?view=stats&split=test&digits=1,4');
  const chosen = [...membersOf(test_, 1), ...membersOf(test_, 4)];
  const zeros = chosen.reduce((n, i) => n + test_.images.subarray(i * 784, (i + 1) * 784).filter((v) => v === 0).length, 0);
  const pixels = await tableOf(page, 'Pixel values');
  expect(pixels).toHaveLength(256);
  expect(pixels[0]!.slice(0, 2)).toEqual(['0', fmt(zeros)]);

  const pixelFigure = figure(page, 'Pixel values').getByRole('img');
  await expect(pixelFigure).toHaveAccessibleName(/on a log scale/);
  await figure(page, 'Pixel values').getByRole('checkbox', { name: 'Log scale' }).uncheck();
  await expect(pixelFigure).not.toHaveAccessibleName(/log scale/);

  // Ink: bins of 4 grey levels of the mean pixel value, per label.
  const ink = await tableOf(page, 'Ink per label');
  const fours = membersOf(test_, 4).map((i) => Math.floor(inkOf(test_, i) / 784 / 4));
  const expected = Array.from({ length: 64 }, (_, b) => fmt(fours.filter((x) => x === b).length));
  expect(ink.map((r) => r[3])).toEqual(expected);

  const download = page.waitForEvent('download');
  await figure(page, 'Pixel values').getByRole('button', { name: 'Save PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mnist-test-14-pixel-values.png');
  const bytes = readFileSync((await file.path()));
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('a shared link with view=stats and sort= keeps both: the statistics of the filter, then the grid in that order', async ({ page }) => {
  await page.goto('/?view=stats&split=test&digits=7&sort=-ink');
  await expect(figure(page, 'Class balance').getByRole('button', { name: /^7: / })).toHaveAttribute('aria-pressed', 'true');
  await view(page, 'Digits').click();
  await expect(page).toHaveURL(/sort=-ink/);
  const inkiest = membersOf(test_, 7).sort((a, b) => inkOf(test_, b) - inkOf(test_, a) || a - b)[0]!;
  await expect(grid(page).getByRole('gridcell').first()).toHaveAccessibleName(`test #${inkiest}, label 7`);
});

// Keeping and damage are mechanics: on the planted set (2,500 bundled digits), its sevens counted here.
test('the statistics are kept with the decoded copy: a reload shows them at once; a damaged kept file is computed again', async ({ page }) => {
  const marked = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 30_000 });
  const hint = page.getByText(/^(Kept with the decoded copy|Computed from the decoded pixels)/);
  const sevens = (rows: string[][]) => rows.find((r) => r[0] === '7')!.slice(0, 4);
  const planted = plantedData().labels;
  const [sevensTrain, sevensTest] = [planted.subarray(0, PLANTED.train), planted.subarray(PLANTED.train)].map((l) => l.filter((v) => v === 7).length) as [number, number];
  const expected = ['7', fmt(sevensTrain), fmt(sevensTest), fmt(sevensTrain + sevensTest)];

  await openPlanted(page, 'view=stats&split=test');
  await expect(hint).toHaveText(/^Computed from the decoded pixels/);
  // Both kept: the decoded copy (else the reload loads afresh) and the statistics.
  await marked('mnist-statistics-kept');
  await marked('mnist-cached');

  await page.reload();
  await expect(hint).toHaveText(/^Kept with the decoded copy/);
  expect(sevens(await tableOf(page, 'Class balance'))).toEqual(expected);

  // One bit of the kept file changes on disk: it is not believed, and is computed (and kept) again.
  await damageKeptFiles(page, 'statistics-');
  await page.reload();
  await expect(hint).toHaveText(/^Computed from the decoded pixels/);
  expect(sevens(await tableOf(page, 'Class balance'))).toEqual(expected);
  await marked('mnist-statistics-kept');
  await page.reload();
  await expect(hint).toHaveText(/^Kept with the decoded copy/);
});
