import { expect, test } from '@playwright/test';
import {
  chooseSplit,
  digitButton,
  grid,
  labelOfCell,
  openLoaded,
  renderedCellLabels,
  status,
  TEST_LABEL_COUNTS,
  TRAIN_LABEL_COUNTS,
} from './helpers/explorer';

test('digit filter shows only the chosen labels, and the count matches', async ({ page }) => {
  await openLoaded(page);
  await digitButton(page, '3').click();
  await expect(digitButton(page, '3')).toHaveAttribute('aria-pressed', 'true');
  await expect(digitButton(page, 'All')).toHaveAttribute('aria-pressed', 'false');
  await expect(status(page)).toHaveText(`Showing ${TRAIN_LABEL_COUNTS[3]! + TEST_LABEL_COUNTS[3]!} of 70000 digits`);
  const threes = await renderedCellLabels(page);
  expect(threes.length).toBeGreaterThan(20);
  expect(new Set(threes.map(labelOfCell))).toEqual(new Set([3]));

  await digitButton(page, '7').click();
  const expected = TRAIN_LABEL_COUNTS[3]! + TEST_LABEL_COUNTS[3]! + TRAIN_LABEL_COUNTS[7]! + TEST_LABEL_COUNTS[7]!;
  await expect(status(page)).toHaveText(`Showing ${expected} of 70000 digits`);
  const mixed = await renderedCellLabels(page);
  expect(new Set(mixed.map(labelOfCell))).toEqual(new Set([3, 7]));
  // Still in file order: the first 7 of the training set (train #15) comes before later 3s.
  expect(mixed.slice(0, 3)).toEqual(['train #7, label 3', 'train #10, label 3', 'train #12, label 3']);

  await digitButton(page, 'All').click();
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await expect(digitButton(page, '3')).toHaveAttribute('aria-pressed', 'false');
});

test('switching split shows the test set from its first digit', async ({ page }) => {
  await openLoaded(page);
  await chooseSplit(page, 'Test');
  await expect(status(page)).toHaveText('Showing 10000 of 70000 digits');
  const labels = await renderedCellLabels(page);
  expect(labels.slice(0, 3)).toEqual(['test #0, label 7', 'test #1, label 2', 'test #2, label 1']);
  expect(labels.every((l) => l.startsWith('test #'))).toBe(true);
  await chooseSplit(page, 'All');
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 5');
});

test('a new filter after scrolling starts at its first digit in the very frame of the click, rows reused', async ({ page }) => {
  await openLoaded(page);
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(grid(page).getByRole('gridcell', { name: 'train #0, label 5', exact: true })).toHaveCount(0);
  // One canvas holds the digits on screen.
  await expect(grid(page).locator('canvas')).toHaveCount(1);
  // Mark the rows on screen: a new selection should write into them, not build new ones.
  const marked = await grid(page).getByRole('row').evaluateAll((rows) => rows.map((r) => ((r as HTMLElement & { __mark?: number }).__mark = 1)).length);
  expect(marked).toBeGreaterThanOrEqual(3);
  // What the first frame after the click shows, read in that frame's animation callback.
  const firstFrame = await digitButton(page, '3').evaluate(
    (button) =>
      new Promise<{ scrollTop: number; firstRow: string | null; firstCell: string | null; focusable: string | null; reused: boolean }>((resolve) => {
        (button as HTMLButtonElement).click();
        requestAnimationFrame(() => {
          const gridEl = document.querySelector<HTMLElement>('[role="grid"]')!;
          const rows = [...gridEl.querySelectorAll<HTMLElement>('[role="row"]')].filter((r) => !r.hidden).sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
          resolve({
            scrollTop: gridEl.scrollTop,
            firstRow: rows[0]?.getAttribute('aria-rowindex') ?? null,
            firstCell: rows[0]?.querySelector('[role="gridcell"]')?.getAttribute('aria-label') ?? null,
            focusable: gridEl.querySelector('[role="gridcell"][tabindex="0"]')?.getAttribute('aria-label') ?? null,
            reused: rows.some((r) => (r as HTMLElement & { __mark?: number }).__mark === 1),
          });
        });
      }),
  );
  expect(firstFrame).toEqual({ scrollTop: 0, firstRow: '1', firstCell: 'train #7, label 3', focusable: 'train #7, label 3', reused: true });
});

test('scrolling reaches the last training digit', async ({ page }) => {
  await openLoaded(page);
  await chooseSplit(page, 'Train');
  await expect(status(page)).toHaveText('Showing 60000 of 70000 digits');
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = grid(page).getByRole('gridcell', { name: 'train #59999, label 8', exact: true });
  await expect(last).toBeVisible();
  await expect(grid(page).getByRole('gridcell', { name: /^test #/ })).toHaveCount(0);
});

test('arrow keys move the focused cell; Ctrl+End reaches the last digit', async ({ page }) => {
  await openLoaded(page);
  const cells = grid(page).getByRole('gridcell');
  await cells.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'train #1, label 0');
  const columns = Number(await grid(page).getAttribute('aria-colcount'));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', new RegExp(`^train #${columns + 1}, label \\d$`));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'train #0, label 5');
  await page.keyboard.press('Control+End');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', 'test #9999, label 6');
  await expect(page.locator(':focus')).toBeInViewport();
});

test('zoom changes the cell size and keeps every digit reachable', async ({ page }) => {
  await openLoaded(page);
  const before = Number(await grid(page).getAttribute('aria-colcount'));
  await page.getByRole('slider', { name: 'Zoom' }).fill('0');
  await expect.poll(async () => Number(await grid(page).getAttribute('aria-colcount'))).toBeGreaterThan(before * 3);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 5');
});
