// The detail's look-alikes, against a brute force over every bundled digit done here: Σ(x − q)²
// over the 784 pixels, ties to the smaller id (train before test).
import { bundledPayload } from './helpers/bundled';
import { expect, test } from '@playwright/test';

const images = Buffer.concat([bundledPayload('train-images-idx3-ubyte.gz', 16), bundledPayload('t10k-images-idx3-ubyte.gz', 16)]);
const labels = Buffer.concat([bundledPayload('train-labels-idx1-ubyte.gz', 8), bundledPayload('t10k-labels-idx1-ubyte.gz', 8)]);
const TRAIN = 60_000;
const nameOf = (id: number) => (id < TRAIN ? `train #${id}` : `test #${id - TRAIN}`) + `, label ${labels[id]}`;

function nearest(query: number, k: number): { id: number; distance: number }[] {
  const q = images.subarray(query * 784, (query + 1) * 784);
  const all: { id: number; square: number }[] = [];
  for (let id = 0; id < labels.length; id++) {
    if (id === query) continue;
    let square = 0;
    for (let p = 0; p < 784; p++) square += (images[id * 784 + p]! - q[p]!) ** 2;
    all.push({ id, square });
  }
  all.sort((a, b) => a.square - b.square || a.id - b.id);
  return all.slice(0, k).map(({ id, square }) => ({ id, distance: Math.sqrt(square) }));
}

test('an open digit lists its 10 nearest among all 70,000, marks other labels, and opens one on click', async ({ page }) => {
  const query = TRAIN + 0; // test #0, a 7
  const ten = nearest(query, 10);
  const expected = ten.map((n) => `${nameOf(n.id)}, distance ${n.distance.toFixed(2)}${labels[n.id] !== labels[query] ? ', another label' : ''}`);
  await page.goto('/?open=test-0&seed=1');
  const dialog = page.getByRole('dialog', { name: 'test #0, label 7' });
  const list = dialog.getByRole('list', { name: 'Look-alikes' });
  await expect(list.getByRole('button')).toHaveCount(10);
  expect(await list.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(expected);

  await list.getByRole('button').first().click();
  const first = ten[0]!.id;
  await expect(page.getByRole('dialog', { name: nameOf(first) })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`open=${first < TRAIN ? `train-${first}` : `test-${first - TRAIN}`}`));
});
