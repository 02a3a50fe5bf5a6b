import { expect, type Locator, type Page } from '@playwright/test';

/** Label counts of the real MNIST splits (../shared/mnist/README.md). */
export const TRAIN_LABEL_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
export const TEST_LABEL_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

export function status(page: Page): Locator {
  return page.getByRole('status');
}

export async function openLoaded(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
}

export function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Digits' });
}

export function digitButton(page: Page, name: string): Locator {
  return page.getByRole('group', { name: 'Digit filter' }).getByRole('button', { name, exact: true });
}

export async function chooseSplit(page: Page, split: 'Train' | 'Test' | 'All'): Promise<void> {
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: split });
}

/** The aria-labels of every gridcell the grid has rendered. */
export async function renderedCellLabels(page: Page): Promise<string[]> {
  return grid(page)
    .getByRole('gridcell')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
}

export function labelOfCell(ariaLabel: string): number {
  const match = /^(train|test) #\d+, label (\d)$/.exec(ariaLabel);
  if (!match) throw new Error(`not a digit cell label: ${ariaLabel}`);
  return Number(match[2]);
}

export function samplePanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Random sample' });
}

/** The aria-labels of the sample's digits, in order. */
export async function sampleLabels(page: Page): Promise<string[]> {
  return samplePanel(page)
    .getByRole('button', { name: /^(train|test) #\d+, label \d$/ })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

export async function setSeed(page: Page, seed: number): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Seed' }).fill(String(seed));
}

export function view(page: Page, name: 'Digits' | 'Data frame' | 'Statistics' | 'Map' | 'Model' | 'Files'): Locator {
  return page.getByRole('tab', { name, exact: true });
}

/** The question a link naming its own server asks before anything is fetched from it. */
export function linkSourceQuestion(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Link source' });
}

/** Opens a link whose source is a custom URL and answers its question with Load. */
export async function openCustomLink(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await linkSourceQuestion(page).getByRole('button', { name: 'Load', exact: true }).click();
}
