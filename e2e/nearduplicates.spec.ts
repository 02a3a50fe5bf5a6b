// Near-duplicate pairs in the Statistics view, on a small dataset with planted copies
// (helpers/planted.ts), against a brute force here over every pair of its digits.
import { expect, test } from '@playwright/test';
import { linkSourceQuestion, status, view } from './helpers/explorer';
import { PLANTED, plantedData } from './helpers/planted';
import { FAULT_SERVER } from './helpers/ports';

const PIXELS = 784;
const nameOf = (id: number, labels: Uint8Array) => (id < PLANTED.train ? `train #${id}` : `test #${id - PLANTED.train}`) + `, label ${labels[id]}`;

function pairsWithin(threshold: number, across: boolean): { a: number; b: number; distance: number }[] {
  const { images } = plantedData();
  const total = PLANTED.train + PLANTED.test;
  const pairs: { a: number; b: number; distance: number }[] = [];
  for (let a = 0; a < total; a++) {
    for (let b = Math.max(a + 1, across ? PLANTED.train : 0); b < total; b++) {
      if (across && a >= PLANTED.train) break;
      let sum = 0;
      for (let p = 0; p < PIXELS; p++) {
        const d = images[a * PIXELS + p]! - images[b * PIXELS + p]!;
        sum += d * d;
        if (sum > threshold * threshold) break;
      }
      if (sum <= threshold * threshold) pairs.push({ a, b, distance: Math.sqrt(sum) });
    }
  }
  return pairs.sort((x, y) => x.distance - y.distance || x.a - y.a || x.b - y.b);
}

test('near-duplicates: the pairs within the threshold are exactly those every pair measured here gives; the threshold and scope move them', async ({ page }) => {
  test.setTimeout(60_000);
  const { labels } = plantedData();
  await page.goto(`/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/planted/`)}&view=stats&seed=1`);
  await linkSourceQuestion(page).getByRole('button', { name: 'Load' }).click();
  await expect(status(page)).toHaveText(`Showing ${PLANTED.train + PLANTED.test} of ${PLANTED.train + PLANTED.test} digits`);
  await expect(view(page, 'Statistics')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: /^Find near-duplicates/ }).click();
  const list = page.getByRole('list', { name: 'Near-duplicate pairs' });
  const names = () => list.getByRole('button').evaluateAll((els) => els.map((e) => e.textContent));
  const expected = (threshold: number, across: boolean) =>
    pairsWithin(threshold, across).map(({ a, b, distance }) => `${nameOf(a, labels)} and ${nameOf(b, labels)}, distance ${distance.toFixed(2)}`);

  const across500 = expected(500, true);
  expect(across500.length).toBeGreaterThanOrEqual(10);
  await expect(list.getByRole('button')).toHaveCount(Math.min(50, across500.length), { timeout: 45_000 });
  expect(await names()).toEqual(across500.slice(0, 50));
  await expect(page.getByText(new RegExp(`^${across500.length} pairs? within 500, train against test\\. Complete`))).toBeVisible();

  await page.getByRole('slider', { name: 'Distance threshold' }).fill('0');
  await expect(list.getByRole('button')).toHaveCount(expected(0, true).length);
  expect(await names()).toEqual(expected(0, true));

  await page.getByRole('checkbox', { name: 'Across the splits only' }).uncheck();
  await page.getByRole('slider', { name: 'Distance threshold' }).fill('300');
  const all300 = expected(300, false);
  await expect(page.getByText(new RegExp(`^${all300.length} pairs? within 300\\. Complete:`))).toBeVisible();
  expect(await names()).toEqual(all300.slice(0, 50));

  // Far enough that some digits have 10 neighbours nearer: the count says the list may miss pairs
  // between two of them, and what it lists is right.
  await page.getByRole('slider', { name: 'Distance threshold' }).fill('800');
  await expect(page.getByText(/within 800\. Complete except between two of the [\d,]+ digits/)).toBeVisible();
  const all800 = new Set(expected(800, false));
  for (const name of await names()) expect(all800.has(name)).toBe(true);
});
