import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BUNDLED_DIR } from './helpers/bundled';
import { expect, test, type Page } from '@playwright/test';
import { PUBLISHED_FILES } from '../src/data/dataset/mnistCard';
import { grid, openCustomLink, openLoaded, renderedCellLabels, status, view } from './helpers/explorer';
import { HAVE_ORIGINALS, ORIGINALS_DIR, publishedSha256 } from './helpers/originals';
import { DEV_SERVER, FAULT_SERVER } from './helpers/ports';

const SIZES: Record<string, string> = {
  'train-images-idx3-ubyte.gz': '9,912,422',
  'train-labels-idx1-ubyte.gz': '28,881',
  't10k-images-idx3-ubyte.gz': '1,648,877',
  't10k-labels-idx1-ubyte.gz': '4,542',
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function fileRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Files' }).getByRole('row', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) });
}

test('the file view lists the bundled files with their IDX headers and proves their IDX bytes are the original ones', async ({ page }) => {
  await openLoaded(page);
  await view(page, 'Files').click();
  // Filters do nothing to the files: they are not offered there.
  await expect(page.getByRole('group', { name: 'Digit filter' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Split' })).toHaveCount(0);
  const row = fileRow(page, 'train-images-idx3-ubyte.gz');
  await expect(row).toContainText('00 00 08 03');
  await expect(row).toContainText('60,000 × 28 × 28');
  await expect(row).toContainText('47,040,016');
  await expect(fileRow(page, 't10k-labels-idx1-ubyte.gz')).toContainText('10,000');
  for (const name of Object.keys(SIZES)) {
    const served = new Uint8Array(readFileSync(join(BUNDLED_DIR, name)));
    const idxHash = sha256(gunzipSync(served));
    const r = fileRow(page, name);
    await expect(r).toContainText(sha256(served));
    // The inflated IDX hash, computed here with Node's zlib, and the published one agree.
    await expect(r).toContainText(idxHash);
    expect(idxHash).toBe(PUBLISHED_FILES[name as keyof typeof PUBLISHED_FILES].idxSha256);
    const verdict = r.locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'match');
    const original = sha256(served) === PUBLISHED_FILES[name as keyof typeof PUBLISHED_FILES].gzSha256;
    await expect(verdict).toHaveText(original ? 'the original .gz, byte for byte' : /^recompressed: .* IDX bytes are identical/);
  }
});

test('downloads work in the dev server, where StrictMode mounts twice, after switching to Files', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${DEV_SERVER}/`);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits', { timeout: 45_000 });
  // The grid mounted twice keeps one set of rows: every cell once, in file order.
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 5');
  const labels = await renderedCellLabels(page);
  expect(labels.length).toBeGreaterThan(0);
  expect(labels).toEqual(labels.map((_, i) => expect.stringMatching(new RegExp(`^train #${i}, label \\d$`))));
  await view(page, 'Files').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download t10k-labels-idx1-ubyte.gz' }).click();
  const download = await downloading;
  expect(await download.failure()).toBeNull();
  const bytes = readFileSync((await download.path()));
  expect(bytes.equals(readFileSync(join(BUNDLED_DIR, 't10k-labels-idx1-ubyte.gz')))).toBe(true);
});

test.describe('with the original files as source', () => {
  test.skip(!HAVE_ORIGINALS, `needs the original MNIST files in ${ORIGINALS_DIR}`);

  test('the file view shows their sizes and published SHA-256, and downloads exactly those bytes', async ({ page }) => {
    await openCustomLink(page, `/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/originals/`)}&view=files`);
    await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
    const table = page.getByRole('table', { name: 'Files' });
    const sums = publishedSha256();
    for (const [name, size] of Object.entries(SIZES)) {
      const row = fileRow(page, name);
      await expect(row.getByRole('cell').first()).toHaveText(size);
      await expect(row).toContainText(sums.get(name)!);
      await expect(row).toContainText(`${FAULT_SERVER}/originals/${name}`);
      await expect(row.locator('[data-verdict]')).toHaveText('the original .gz, byte for byte');
    }
    const downloading = page.waitForEvent('download');
    await table.getByRole('link', { name: 'Download t10k-images-idx3-ubyte.gz' }).click();
    const download = await downloading;
    const bytes = readFileSync((await download.path()));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sums.get('t10k-images-idx3-ubyte.gz'));
    expect(bytes.equals(readFileSync(join(ORIGINALS_DIR, 't10k-images-idx3-ubyte.gz')))).toBe(true);
  });
});

test('files marked Content-Encoding: gzip are said to have been inflated on the way, not passed off as served', async ({ page }) => {
  await openCustomLink(page, `/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/encoded/`)}&view=files`);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  const row = fileRow(page, 'train-images-idx3-ubyte.gz');
  await expect(row.getByRole('cell').first()).toContainText('47,040,016');
  await expect(row).toContainText('Content-Encoding: gzip, so the browser inflated it on the way');
  await expect(row).toContainText('raw IDX');
  // What arrived is still proven to be the original data, by its IDX hash.
  await expect(row.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'match');
});
