import { expect, test } from '@playwright/test';
import { grid, openLoaded, samplePanel, sampleLabels, setSeed } from './helpers/explorer';
import { openPlanted } from './helpers/plantedPage';

const focusedLabel = (page: import('@playwright/test').Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');

test('the first Tab reaches “Skip to digits”, which lands on the grid', async ({ page }) => {
  await openLoaded(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to digits' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await focusedLabel(page)).toBe('train #0, label 5');
  await page.keyboard.press('ArrowRight');
  expect(await focusedLabel(page)).toBe('train #1, label 0');
});

// Focus is mechanics: on the planted set (2,500 bundled digits, its training digits MNIST's first 2,000).
test('the detail traps focus, Escape always closes it, and focus returns to the digit viewed last', async ({ page }) => {
  await openPlanted(page);
  await grid(page).getByRole('gridcell', { name: 'train #0, label 5', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName('train #0, label 5');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `Tab ${i + 1} left the dialog`).toBe(true);
  }
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `Shift+Tab ${i + 1} left the dialog`).toBe(true);
  }
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(dialog).toHaveAccessibleName('train #2, label 4');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=/);
  await expect.poll(() => focusedLabel(page)).toBe('train #2, label 4');
});

test('Escape closes the detail even when focus was pushed outside it', async ({ page }) => {
  await openLoaded(page, '/?open=test-3');
  await expect(page.getByRole('dialog', { name: 'test #3, label 0' })).toBeVisible();
  // Whatever takes focus behind the overlay, it comes back and Escape still works.
  await page.evaluate(() => (document.querySelector('#digit-grid [role="gridcell"]') as HTMLElement).focus());
  expect(await page.getByRole('dialog').evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/open=/);
});

test('a digit opened from the sample walks the sample, and focus returns to it there', async ({ page }) => {
  await openLoaded(page);
  await setSeed(page, 7);
  const sample = await sampleLabels(page);
  await samplePanel(page).getByRole('button', { name: sample[0]!, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toHaveAccessibleName(sample[0]!);
  await expect(dialog.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog).toHaveAccessibleName(sample[1]!);
  await page.keyboard.press('ArrowRight');
  await expect(dialog).toHaveAccessibleName(sample[2]!);
  await expect(dialog).toContainText('3 of 30 in the sample');
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedLabel(page)).toBe(sample[2]);
});

test('the view tabs’ focus ring is drawn in full', async ({ page }) => {
  await openLoaded(page);
  await page.getByRole('tab', { name: 'Digits' }).focus();
  await page.keyboard.press('ArrowRight');
  const tab = page.getByRole('tab', { name: 'Data frame' });
  await expect(tab).toBeFocused();
  const ring = await tab.evaluate((el) => {
    const style = getComputedStyle(el);
    const clippers: string[] = [];
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.overflow !== 'visible' && node.getBoundingClientRect().top >= el.getBoundingClientRect().top - 8) clippers.push(node.className);
    }
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), clippers };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.clippers).toEqual([]);
});

test('sample size outside 1–100 or with a fraction is clamped, and the range is said beside the field', async ({ page }) => {
  await openLoaded(page);
  const size = page.getByRole('spinbutton', { name: 'Sample size' });
  await expect(size).toHaveAccessibleDescription('1–100');
  for (const [typed, used] of [['101', '100'], ['0', '1'], ['5.5', '6']] as const) {
    await size.fill(typed);
    await size.press('Enter');
    await expect(size).toHaveValue(used);
    await expect.poll(async () => (await sampleLabels(page)).length).toBe(Number(used));
    await expect(page).toHaveURL(Number(used) === 30 ? /seed=/ : new RegExp(`n=${used}`));
  }
  await size.fill('250');
  await expect(size).toHaveAttribute('aria-invalid', 'true');
  await expect(size).toHaveAccessibleDescription(/whole number 1–100/);
  await size.blur();
  await expect(size).toHaveValue('100');
});

test('“Link copied” goes away after a few seconds, or at the next change', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLoaded(page);
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: 'Copy link' }).click();
  await expect(header.getByText('Link copied')).toBeVisible();
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: 'Test' });
  await expect(header.getByText('Link copied')).toHaveCount(0);
  await header.getByRole('button', { name: 'Copy link' }).click();
  await expect(header.getByText('Link copied')).toBeVisible();
  await expect(header.getByText('Link copied')).toHaveCount(0, { timeout: 10_000 });
});

test('digits say they open on click: a tooltip with their name and a zoom cursor', async ({ page }) => {
  await openLoaded(page);
  const cell = grid(page).getByRole('gridcell', { name: 'train #0, label 5', exact: true });
  await cell.hover();
  await expect(page.getByRole('tooltip')).toHaveText('train #0, label 5');
  expect(await cell.evaluate((el) => getComputedStyle(el).cursor)).toBe('zoom-in');
});
