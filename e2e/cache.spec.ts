import { expect, test } from '@playwright/test';
import { grid, openCustomLink, status } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedName } from './helpers/planted';
import { openPlanted, PLANTED_SOURCE } from './helpers/plantedPage';
import { FAULT_SERVER, STATIC_HOST } from './helpers/ports';

const PLANTED_SHOWN = `Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`;
const loadedNote = (page: import('@playwright/test').Page) => page.getByLabel('Loaded data');
const waitForKept = (page: import('@playwright/test').Page) =>
  page.waitForFunction(() => performance.getEntriesByName('mnist-cached').length > 0, undefined, { timeout: 15_000 });

// The kept copy's mechanics run on the planted set (2,500 bundled digits, the first 2,000 training
// digits MNIST's own); the bundled source's own copy is kept in the next test, and kept, checked and
// caught when damaged on the plain static host at the end.
test('a reload uses the kept decoded copy while the server has the same files, and not after they change', async ({ page, request }) => {
  const token = `cache-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const base = `${FAULT_SERVER}/versioned/${token}/planted/`;
  await openCustomLink(page, `/?source=custom&url=${encodeURIComponent(base)}&seed=5`);
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await expect(loadedNote(page)).not.toContainText('kept copy');
  await waitForKept(page);

  await page.reload();
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await expect(loadedNote(page)).toContainText('kept copy');
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 5');
  await expect(grid(page).getByRole('gridcell').nth(2)).toHaveAttribute('aria-label', 'train #2, label 4');

  // The server's copy changes: the kept one is stale and must not be used.
  await request.get(`${FAULT_SERVER}/bump/${token}`);
  await page.reload();
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await expect(loadedNote(page)).not.toContainText('kept copy');
});

test('the bundled source is kept too, and the files view still has hashes and downloads', async ({ page }) => {
  await page.goto('/?seed=5');
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await waitForKept(page);
  await page.reload();
  await expect(loadedNote(page)).toContainText('kept copy');
  await page.getByRole('tab', { name: 'Files' }).click();
  const row = page.getByRole('table', { name: 'Files' }).getByRole('row', { name: /^t10k-labels-idx1-ubyte\.gz/ });
  await expect(row).toContainText(/[0-9a-f]{64}/);
  const downloading = page.waitForEvent('download');
  await row.getByRole('link').click();
  expect((await downloading).suggestedFilename()).toBe('t10k-labels-idx1-ubyte.gz');
});

// On the planted set (2,500 bundled digits): the stall is the point, not the size of the files.
test('a server that never answers the kept copy’s HEAD check is given up on after 10 s, and the files are fetched', async ({ page, request }) => {
  const token = `headstall-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await openCustomLink(page, `/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/headstall/${token}/planted/`)}`);
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await waitForKept(page);
  await request.get(`${FAULT_SERVER}/stallhead/${token}`);
  await page.reload();
  // Not "Loading MNIST…" forever: after the stall limit the files come from the network.
  await expect(status(page)).toHaveText(PLANTED_SHOWN, { timeout: 40_000 });
  await expect(loadedNote(page)).not.toContainText('kept copy');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

/** Rewrites a kept file in the page's OPFS (same size), as a disk or another program might. */
async function tamperKept(page: import('@playwright/test').Page, fileName: string, change: 'flip' | 'meta-dims') {
  await page.evaluate(
    async ({ fileName, change }) => {
      const root = await navigator.storage.getDirectory();
      const top = await root.getDirectoryHandle('mnist-explorer-cache');
      for await (const [, handle] of top as unknown as AsyncIterable<[string, FileSystemDirectoryHandle]>) {
        // The sources' folders hold the file; others (the kept statistics) do not.
        if (handle.kind !== 'directory') continue;
        const file = await handle.getFileHandle(fileName).catch(() => null);
        if (!file) continue;
        const bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
        let out: Uint8Array;
        if (change === 'flip') {
          out = bytes.slice();
          for (let i = 0; i < 10; i++) out[i] = (out[i]! + 1) % 10;
        } else {
          // Half the images of the first file: a kept copy that would drop digits if believed.
          const meta = JSON.parse(new TextDecoder().decode(bytes)) as { files: { dims: number[] }[] };
          const [count, ...shape] = meta.files[0]!.dims;
          meta.files[0]!.dims = [Math.floor(count! / 2), ...shape];
          out = new TextEncoder().encode(JSON.stringify(meta));
        }
        const writable = await (file as unknown as { createWritable(): Promise<{ write(b: Uint8Array): Promise<void>; close(): Promise<void> }> }).createWritable();
        await writable.write(out);
        await writable.close();
      }
    },
    { fileName, change },
  );
}

test('a kept copy whose bytes changed on disk is caught by its hash, said, discarded and replaced from the server', async ({ page }) => {
  await openPlanted(page, 'seed=5');
  await waitForKept(page);
  await tamperKept(page, 'test-labels.data', 'flip');
  await page.reload();
  const notice = page.getByRole('complementary', { name: 'Kept copy notice' });
  await expect(notice).toContainText('t10k-labels-idx1-ubyte.gz');
  await expect(notice).toContainText('discarded');
  // The fresh load from the server replaces the wrong labels.
  await expect(loadedNote(page)).not.toContainText('kept copy');
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await page.goto(`/?${PLANTED_SOURCE}&seed=5&split=test`);
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', plantedName(PLANTED.train));
});

test('a kept meta.json with edited dimensions is refused, not used to drop digits', async ({ page }) => {
  await openPlanted(page, 'seed=5');
  await waitForKept(page);
  await tamperKept(page, 'meta.json', 'meta-dims');
  await page.reload();
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await expect(loadedNote(page)).not.toContainText('kept copy');
});

// As a first visit (or a browser with service workers off) sees a static host: no isolation. Two
// tests (kept and checked; damaged and caught), each loading the bundled files twice.
test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  /** The bundled files from the plain static host, loaded and kept. */
  async function openStaticHostKept(page: import('@playwright/test').Page): Promise<void> {
    await page.goto(`${STATIC_HOST}/?seed=5`);
    await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
    // Plain ArrayBuffers moved to the page, not shared memory: the host sent no isolation headers.
    await expect(loadedNote(page)).toHaveAttribute('data-memory', 'transferred');
    await waitForKept(page);
  }

  test('on a plain static host (no cross-origin isolation) the decoded copy is kept and checked too', async ({ page }) => {
    await openStaticHostKept(page);
    await page.reload();
    await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
    await expect(loadedNote(page)).toContainText('kept copy');
    await expect(grid(page).getByRole('gridcell').nth(2)).toHaveAttribute('aria-label', 'train #2, label 4');
    // The content check runs on a copy of what moved to the page: an intact copy is not "damaged".
    await page.waitForFunction(() => performance.getEntriesByName('mnist-kept-checked').length > 0, undefined, { timeout: 15_000 });
    await expect(page.getByRole('complementary', { name: 'Kept copy notice' })).toHaveCount(0);
  });

  test('on a plain static host a kept copy damaged on disk is caught and replaced', async ({ page }) => {
    await openStaticHostKept(page);
    await tamperKept(page, 'train-labels.data', 'flip');
    await page.reload();
    await expect(page.getByRole('complementary', { name: 'Kept copy notice' })).toContainText('train-labels-idx1-ubyte.gz');
    await expect(loadedNote(page)).not.toContainText('kept copy');
    await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', 'train #0, label 5');
  });
});
