// Sorting the grid (link `sort=`), checked against orders computed here from the bundled files
// the app loads: ink as a plain sum of pixel bytes, distances from class means computed here.
import { bundledPayload } from './helpers/bundled';
import { expect, test, type Page } from '@playwright/test';
import { grid, status } from './helpers/explorer';

const images = bundledPayload('t10k-images-idx3-ubyte.gz', 16);
const labels = bundledPayload('t10k-labels-idx1-ubyte.gz', 8);
const COUNT = labels.length;

const ink = Array.from({ length: COUNT }, (_, i) => images.subarray(i * 784, (i + 1) * 784).reduce((a, b) => a + b, 0));
const means = Array.from({ length: 10 }, (_, d) => {
  const members = [...Array(COUNT).keys()].filter((i) => labels[i] === d);
  const sum = new Float64Array(784);
  for (const i of members) for (let p = 0; p < 784; p++) sum[p]! += images[i * 784 + p]!;
  return sum.map((s) => s / members.length);
});
const distance = Array.from({ length: COUNT }, (_, i) => {
  let total = 0;
  for (let p = 0; p < 784; p++) total += (images[i * 784 + p]! - means[labels[i]!]![p]!) ** 2;
  return Math.sqrt(total);
});
const name = (i: number) => `test #${i}, label ${labels[i]}`;
const firstBy = (key: number[], sign: 1 | -1, n: number) => [...Array(COUNT).keys()].sort((a, b) => sign * (key[a]! - key[b]!) || a - b).slice(0, n).map(name);

async function open(page: Page, path: string, shown: number): Promise<void> {
  await page.goto(path);
  await expect(status(page)).toHaveText(`Showing ${shown} of 70000 digits`);
}

async function firstCells(page: Page, n: number): Promise<string[]> {
  const cells = grid(page).getByRole('gridcell');
  return Promise.all(Array.from({ length: n }, (_, i) => cells.nth(i).getAttribute('aria-label'))) as Promise<string[]>;
}

test('a link with sort=-ink shows the test digits with the most ink first; the Sort control changes the order and the link', async ({ page }) => {
  await open(page, '/?split=test&sort=-ink&seed=1', COUNT);
  const sort = page.getByRole('combobox', { name: 'Sort' });
  await expect(sort).toHaveValue('-ink');
  await expect.poll(() => firstCells(page, 6)).toEqual(firstBy(ink, -1, 6));

  await sort.selectOption({ label: 'Least ink first' });
  await expect(page).toHaveURL(/sort=ink(&|$)/);
  await expect.poll(() => firstCells(page, 6)).toEqual(firstBy(ink, 1, 6));

  // The odd ones: farthest from the mean image of their label in the test split.
  await sort.selectOption({ label: 'Most atypical first' });
  await expect(page).toHaveURL(/sort=atypical/);
  await expect.poll(() => firstCells(page, 4)).toEqual(firstBy(distance, -1, 4));
  await sort.selectOption({ label: 'Most typical first' });
  await expect.poll(() => firstCells(page, 4)).toEqual(firstBy(distance, 1, 4));

  await sort.selectOption({ label: 'File order' });
  await expect(page).not.toHaveURL(/sort=/);
  await expect.poll(() => firstCells(page, 2)).toEqual([name(0), name(1)]);
});

test('sorting composes with the digit filter and the detail view walks the sorted order', async ({ page }) => {
  await open(page, '/?split=test&digits=7&sort=atypical&seed=1', 1028);
  const sevens = [...Array(COUNT).keys()].filter((i) => labels[i] === 7).sort((a, b) => distance[b]! - distance[a]! || a - b);
  await expect.poll(() => firstCells(page, 3)).toEqual(sevens.slice(0, 3).map(name));
  await grid(page).getByRole('gridcell').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`test #${sevens[0]}`);
  await dialog.getByRole('button', { name: /next/i }).click();
  await expect(dialog).toContainText(`test #${sevens[1]}`);
});

test('the detail says the digit’s ink, its distance to its class mean and its rank in its class', async ({ page }) => {
  // test #0 is a 7; its rank among the test split's sevens by distance, most atypical first.
  const sevens = [...Array(COUNT).keys()].filter((i) => labels[i] === 7).sort((a, b) => distance[b]! - distance[a]! || a - b);
  const rank = sevens.indexOf(0) + 1;
  const ordinal = (n: number) => `${n.toLocaleString('en-US')}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
  await open(page, '/?split=test&open=test-0&seed=1', COUNT);
  const facts = page.getByRole('dialog', { name: 'test #0, label 7' }).locator('dl');
  await expect(facts).toContainText(`Ink${ink[0]!.toLocaleString('en-US')}`);
  await expect(facts).toContainText(
    `Distance to the mean 7${distance[0]!.toFixed(2)}: ${rank === 1 ? 'the most' : `${ordinal(rank)} most`} atypical 7 of the test split (of ${sevens.length.toLocaleString('en-US')})`,
  );
});
