import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLoaded, status, view } from './helpers/explorer';
import { HAVE_ORIGINALS, ORIGINALS_DIR, publishedSha256 } from './helpers/originals';
import { FAULT_SERVER } from './helpers/ports';

const SIZES: Record<string, string> = {
  'train-images-idx3-ubyte.gz': '9912422',
  'train-labels-idx1-ubyte.gz': '28881',
  't10k-images-idx3-ubyte.gz': '1648877',
  't10k-labels-idx1-ubyte.gz': '4542',
};

test('the file view lists the bundled files with their IDX headers', async ({ page }) => {
  await openLoaded(page);
  await view(page, 'Files').click();
  const table = page.getByRole('table', { name: 'Files' });
  const row = table.getByRole('row', { name: /^train-images-idx3-ubyte\.gz/ });
  await expect(row).toContainText('00 00 08 03');
  await expect(row).toContainText('60000 × 28 × 28');
  await expect(row).toContainText('47040016');
  await expect(table.getByRole('row', { name: /^t10k-labels-idx1-ubyte\.gz/ })).toContainText('10000');
});

test.describe('with the original files as source', () => {
  test.skip(!HAVE_ORIGINALS, `needs the original MNIST files in ${ORIGINALS_DIR}`);

  test('the file view shows their sizes and published SHA-256, and downloads exactly those bytes', async ({ page }) => {
    await page.goto(`/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/originals/`)}&view=files`);
    await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
    const table = page.getByRole('table', { name: 'Files' });
    const sums = publishedSha256();
    for (const [name, size] of Object.entries(SIZES)) {
      const row = table.getByRole('row', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) });
      await expect(row.getByRole('cell').first()).toHaveText(size);
      await expect(row).toContainText(sums.get(name)!);
      await expect(row).toContainText(`${FAULT_SERVER}/originals/${name}`);
    }
    const downloading = page.waitForEvent('download');
    await table.getByRole('link', { name: 'Download t10k-images-idx3-ubyte.gz' }).click();
    const download = await downloading;
    const bytes = readFileSync((await download.path()));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sums.get('t10k-images-idx3-ubyte.gz'));
    expect(bytes.equals(readFileSync(join(ORIGINALS_DIR, 't10k-images-idx3-ubyte.gz')))).toBe(true);
  });
});
