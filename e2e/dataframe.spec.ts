import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chooseSplit, digitButton, view } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

// The data frame's mechanics on the planted set (2,500 bundled digits, helpers/planted.ts): its
// counts, labels and pixels read here from the planted data, not from the app.
const { images, labels } = plantedData();
const TEST_LABELS = labels.subarray(PLANTED.train);
const LAST_TEST = PLANTED.test - 1;
const fmt = (n: number) => n.toLocaleString('en-US');

test('the data frame info reads entries × 785 columns for All, and follows the filter', async ({ page }) => {
  await openPlanted(page);
  await view(page, 'Data frame').click();
  const info = page.getByRole('region', { name: 'Data frame info' });
  await expect(info).toContainText(`${fmt(PLANTED_TOTAL)} entries × 785 columns`);
  await expect(info).toContainText(`MultiIndex: ${PLANTED_TOTAL} entries, ('train', 0) to ('test', ${LAST_TEST})`);
  await expect(info).toContainText('dtypes: uint8(785)');
  // One byte per cell: 784 pixels and the label.
  await expect(info).toContainText(`memory usage: ${PLANTED_TOTAL * 785} bytes`);
  await chooseSplit(page, 'Test');
  await expect(info).toContainText(`${fmt(PLANTED.test)} entries × 785 columns`);
  // The head is numbered like the full table: by (split, index).
  const head = page.getByRole('table', { name: 'First 5 rows' });
  await expect(head.getByRole('row')).toHaveCount(6);
  await expect(head.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(['test', '0']);
  await expect(head.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(String(TEST_LABELS[0]));
  const full = page.getByRole('table', { name: 'Data frame', exact: true });
  await expect(full.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(['test', '0']);
});

test('the table shows raw and normalized pixel values, keeps index and label pinned, and scrolls to its last row and column', async ({ page }) => {
  await openPlanted(page);
  await view(page, 'Data frame').click();
  const table = page.getByRole('table', { name: 'Data frame', exact: true });
  await expect(table).toHaveAttribute('aria-rowcount', String(PLANTED_TOTAL + 1));
  await expect(table).toHaveAttribute('aria-colcount', '787');
  await expect(table.getByRole('columnheader').first()).toHaveText('split');
  // train #0, pixel 6*28+13 = 181 (253 in MNIST's file); its column is 181 + 4 (split, index, label).
  const pixel = images[181]!;
  expect(pixel).toBeGreaterThan(0);
  await table.evaluate((el) => (el.scrollLeft = 181 * 44 - 200));
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow.getByRole('rowheader')).toHaveText(['train', '0']);
  const cell = firstRow.locator('[aria-colindex="185"]');
  await expect(cell).toHaveText(String(pixel));
  // Scrolled far right, the index and the label are still at the table's left edge.
  const label = firstRow.locator('[aria-colindex="3"]');
  await expect(label).toHaveText(String(labels[0]));
  const [labelBox, tableBox] = [await label.boundingBox(), await table.boundingBox()];
  expect(labelBox!.x).toBeGreaterThanOrEqual(tableBox!.x);
  expect(labelBox!.x + labelBox!.width).toBeLessThanOrEqual(tableBox!.x + 200);
  await page.getByRole('checkbox', { name: 'Normalized (÷ 255.0)' }).check();
  await table.evaluate((el) => (el.scrollLeft = 181 * 72 - 200));
  await expect(cell).toHaveText((pixel / 255).toFixed(6));
  await expect(page).toHaveURL(/norm=1/);
  await page.getByRole('region', { name: 'Data frame info' }).getByText('float64(784), uint8(1)').waitFor();

  await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight, left: el.scrollWidth }));
  const lastRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(LAST_TEST), exact: true }) });
  await expect(lastRow.getByRole('rowheader')).toHaveText(['test', String(LAST_TEST)]);
  await expect(table.getByRole('columnheader', { name: 'pixel783', exact: true })).toBeVisible();
});

test('Download CSV of digit 0 on Test: split and index trace each row back, normalized values at full precision', async ({ page }) => {
  await openPlanted(page);
  await chooseSplit(page, 'Test');
  await digitButton(page, '0').click();
  await view(page, 'Data frame').click();
  await page.getByRole('checkbox', { name: 'Normalized (÷ 255.0)' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mnist-test-0-normalized.csv');
  const lines = readFileSync((await download.path()), 'utf8').trimEnd().split('\n');
  expect(lines[0]!.split(',').slice(0, 4)).toEqual(['split', 'index', 'label', 'pixel0']);
  const rows = lines.slice(1).map((row) => row.split(','));
  const zeros = [...TEST_LABELS.keys()].filter((i) => TEST_LABELS[i] === 0);
  expect(rows).toHaveLength(zeros.length);
  expect(rows.map((r) => Number(r[1]))).toEqual(zeros);
  // Checked row by row and value by value in plain code, each kind of fault then asserted once:
  // thousands of expect calls (each one a reported step) took seconds of a busy machine.
  expect(rows.filter((fields) => fields.length !== 787).map((fields) => fields.slice(0, 3)), 'rows without 787 fields').toEqual([]);
  expect(rows.filter((fields) => fields[0] !== 'test' || fields[2] !== '0').map((fields) => fields.slice(0, 3)), 'rows not of test digit 0').toEqual([]);
  const values = new Set<string>();
  for (const fields of rows) for (const v of fields.slice(3)) values.add(v);
  // Every value is k / 255 for a byte k, written as the shortest text that reads back exactly.
  const written = (k: number) => (k === 0 ? '0.0' : k === 255 ? '1.0' : String(k / 255));
  const wrong = [...values].filter((v) => {
    const k = Math.round(Number(v) * 255);
    return Number(v) !== k / 255 || v !== written(k);
  });
  expect(wrong, 'values that are not k / 255 written shortest').toEqual([]);
  expect(values.size).toBeGreaterThan(100);
});

/**
 * Holds back the CSV worker's finished file from the page until `window.__releaseCsv()`: the
 * export stays in flight for as long as the test's steps take. On a busy machine those steps took
 * longer than writing all 70,000 rows, and the file was done before Cancel could be clicked.
 * Only the worker's last message waits; its progress reaches the page as it comes.
 */
async function holdFinishedCsv(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held: MessageEvent[] = [];
    const NativeWorker = window.Worker;
    const workers: Worker[] = [];
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'csv-writer') return;
        workers.push(this);
        // Registered before the page's own listener, so it can keep the message from it.
        this.addEventListener('message', (event) => {
          if (!event.isTrusted || (event.data as { type?: string } | null)?.type !== 'csv-done') return;
          event.stopImmediatePropagation();
          held.push(event);
        });
      }
    };
    (window as { __releaseCsv?: () => number }).__releaseCsv = () => {
      const count = held.length;
      for (const event of held.splice(0)) for (const w of workers) if (event.target === w) w.dispatchEvent(new MessageEvent('message', { data: event.data }));
      return count;
    };
  });
}

test('CSV of all rows is written off the page, with progress and Cancel', async ({ page }) => {
  await holdFinishedCsv(page);
  await openPlanted(page);
  await view(page, 'Data frame').click();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const progress = page.getByRole('progressbar', { name: 'Writing CSV' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(new RegExp(`^Writing CSV: [\\d,]+ of ${fmt(PLANTED_TOTAL)} rows$`))).toBeVisible();
  // The page answers while the worker writes: a filter click takes effect during the export.
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: 'Test' });
  await expect(page.getByRole('region', { name: 'Data frame info' })).toContainText(`${fmt(PLANTED.test)} entries`);
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel CSV' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  // A file the worker had finished before Cancel reaches the page now: it is not downloaded.
  const late = await page.evaluate(() => {
    let clicked = 0;
    const count = (event: Event) => {
      if (event.target instanceof HTMLAnchorElement && event.target.hasAttribute('download')) clicked++;
    };
    document.addEventListener('click', count, true);
    const released = (window as { __releaseCsv?: () => number }).__releaseCsv!();
    document.removeEventListener('click', count, true);
    return { released, clicked };
  });
  console.log(`CSV export: ${late.released} finished file(s) held back until after Cancel`);
  expect(late.clicked).toBe(0);
  expect(downloads).toBe(0);
});
