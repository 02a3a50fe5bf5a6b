import { expect, test } from '@playwright/test';
import { MNIST_FILES } from '../src/data/dataset/mnist';
import { grid, status } from './helpers/explorer';
import { FAULTS, type FaultKind } from './helpers/faults';
import { PLANTED, PLANTED_TOTAL, plantedName } from './helpers/planted';
import { openPlanted, PLANTED_URL } from './helpers/plantedPage';
import { FAULT_SERVER } from './helpers/ports';

// Both the digits on screen and the broken source are the planted set (2,500 bundled digits): a
// fault's handling is the point, not the size of the files, and every full load of real MNIST
// (then its hashing and keeping) cost the machine seconds in each of these 18 tests.
const PLANTED_SHOWN = `Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`;

const kinds = Object.keys(FAULTS) as FaultKind[];
const failing = kinds.filter((k) => FAULTS[k].expect !== null);
const loading = kinds.filter((k) => FAULTS[k].expect === null);

async function loadFrom(page: import('@playwright/test').Page, kind: FaultKind) {
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Custom URL' });
  await page.getByRole('textbox', { name: 'Base URL' }).fill(`${FAULT_SERVER}/fault/${kind}/`);
  await page.getByRole('button', { name: 'Open' }).click();
}

test.describe('a broken source names the file and the cause, and keeps the loaded digits', () => {
  test.afterAll(() => {
    console.log(`faults injected: ${failing.length} failing kinds (${failing.join(', ')}), ${loading.length} odd-but-valid kinds`);
  });

  for (const kind of failing) {
    test(kind, async ({ page }) => {
      test.setTimeout(kind === 'stall' ? 60_000 : 30_000);
      await openPlanted(page);
      await loadFrom(page, kind);
      const alert = page.getByRole('alert');
      // The failure's code and file, then the words: the file's own name and the cause.
      await expect(alert).toHaveAttribute('data-code', FAULTS[kind].code!, { timeout: kind === 'stall' ? 30_000 : 20_000 });
      await expect(alert).toHaveAttribute('data-file', MNIST_FILES.find((f) => f.name === FAULTS[kind].file)!.slot);
      await expect(alert).toContainText(FAULTS[kind].file);
      await expect(alert).toContainText(FAULTS[kind].expect!);
      await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
      // What was loaded before is still there, and still scrolls to its end.
      await expect(status(page)).toHaveText(PLANTED_SHOWN);
      await expect(page.getByLabel('Loaded data')).toContainText(PLANTED_URL);
      await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(grid(page).getByRole('gridcell', { name: plantedName(PLANTED_TOTAL - 1), exact: true })).toBeVisible();
      // The link still names the source that failed, so a reload or Retry tries it again.
      expect(new URL(page.url()).searchParams.get('url')).toBe(`${FAULT_SERVER}/fault/${kind}/`);
    });
  }
});

test('raw, uncompressed IDX files load like gzip ones', async ({ page }) => {
  await openPlanted(page);
  await loadFrom(page, 'raw-idx');
  await expect(page.getByLabel('Loaded data')).toContainText(`${FAULT_SERVER}/fault/raw-idx/`);
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByRole('table', { name: 'Files' }).getByRole('row', { name: /^train-images/ })).toContainText('raw IDX');
});

test('a two-member gzip file whose members arrive apart loads like any other', async ({ page }) => {
  await openPlanted(page);
  await loadFrom(page, 'split-members');
  await expect(page.getByLabel('Loaded data')).toContainText(`${FAULT_SERVER}/fault/split-members/`);
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The split file is the training labels: every one of them arrived, the last one too.
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', plantedName(0));
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: 'Train' });
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(grid(page).getByRole('gridcell', { name: plantedName(PLANTED.train - 1), exact: true })).toBeVisible();
});

test('labels outside 0–9 load with a warning, not an error', async ({ page }) => {
  await openPlanted(page);
  await loadFrom(page, 'odd-labels');
  await expect(page.getByLabel('Loaded data')).toContainText(`${FAULT_SERVER}/fault/odd-labels/`);
  await expect(page.getByRole('list', { name: 'Data warnings' })).toContainText(FAULTS['odd-labels'].warning);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 12');
});

test('two loads started one after the other never mix their files', async ({ page }) => {
  await openPlanted(page);
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Custom URL' });
  await page.getByRole('textbox', { name: 'Base URL' }).fill(`${FAULT_SERVER}/slow/`);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  // After Cancel the picker shows the source on screen again (the planted set's URL, not the slow
  // one typed); type the second source anew.
  await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue('custom');
  await expect(page.getByRole('textbox', { name: 'Base URL' })).toHaveValue(PLANTED_URL);
  await page.getByRole('textbox', { name: 'Base URL' }).fill(`${FAULT_SERVER}/fault/odd-labels/`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByLabel('Loaded data')).toContainText('/fault/odd-labels/');
  // Only the second source's files: its odd labels and its count, none of the slow source's.
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 12');
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await page.getByRole('tab', { name: 'Files' }).click();
  const urls = await page.getByRole('table', { name: 'Files' }).locator('td.url').allTextContents();
  expect(urls.every((u) => u.includes('/fault/odd-labels/'))).toBe(true);
});
