// The build on a plain static host under a sub-path, as GitHub Pages serves a repository
// (https://<user>.github.io/<repo>/): relative asset paths, the service worker's isolation
// headers (shared memory without server headers), offline after the first visit, the manifest.
import { expect, test, type Page } from '@playwright/test';
import { digitButton, grid, linkSourceQuestion, renderedCellLabels, sampleLabels, status, TEST_LABEL_COUNTS, TRAIN_LABEL_COUNTS } from './helpers/explorer';
import { FAULT_SERVER, STATIC_HOST, STATIC_SUB_PATH } from './helpers/ports';

const SITE = `${STATIC_HOST}${STATIC_SUB_PATH}`;

/** Opens the site on a first visit and waits for the service worker's one reload: then the page is isolated. */
async function openIsolated(page: Page, search = ''): Promise<void> {
  await page.goto(`${SITE}${search}`);
  await page.waitForFunction(() => window.crossOriginIsolated && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(status(page)).toHaveText(/^Showing \d+ of 70000 digits$/);
}

/**
 * The state a first visit leaves, at the least cost: the service worker installed and in control
 * (so its precache, the shell and the four bundled files, is filled), the page isolated. The visit
 * opens a link that asks before loading from the server it names, so no digits are decoded meanwhile.
 */
async function installServiceWorker(page: Page): Promise<void> {
  await page.goto(`${SITE}?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/missing/`)}`);
  await expect(linkSourceQuestion(page)).toBeVisible();
  await page.waitForFunction(() => window.crossOriginIsolated && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(status(page)).toHaveText('No digits loaded');
}

test('from a sub-path of a plain static host the HTML names every asset relative to itself', async ({ page }) => {
  // Nothing points at the host's root.
  const html = await (await page.request.get(SITE)).text();
  expect(html).toMatch(/src="\.\/assets\//);
  expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
});

test('on a plain static host the service worker isolates the page: shared memory, though the host sends no isolation headers', async ({ page }) => {
  await openIsolated(page, '?seed=5');
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  // Shared memory, as under `npm start`.
  await expect(page.getByLabel('Loaded data')).toHaveAttribute('data-memory', 'shared');
  const served = await page.request.get(`${SITE}data/t10k-labels-idx1-ubyte.gz`);
  expect(served.headers()['cross-origin-embedder-policy']).toBeUndefined();
  expect(served.headers()['content-type']).toBe('application/gzip');
});

test('from the sub-path, filters and sample work, and their link opens the same view in a fresh browser on its first visit', async ({ page, browser }) => {
  await installServiceWorker(page);
  await page.goto(`${SITE}?seed=5`);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await digitButton(page, '3').click();
  await expect(status(page)).toHaveText(`Showing ${TRAIN_LABEL_COUNTS[3]! + TEST_LABEL_COUNTS[3]!} of 70000 digits`);
  const cells = (await renderedCellLabels(page)).slice(0, 6);
  expect(cells.every((c) => c.endsWith('label 3'))).toBe(true);
  const sample = await sampleLabels(page);
  expect(sample.length).toBeGreaterThan(0);
  expect(sample.every((c) => c.endsWith('label 3'))).toBe(true);

  // The link, opened by someone else (a fresh browser, on its first visit: no service worker yet).
  const link = page.url();
  expect(link.startsWith(SITE)).toBe(true);
  const other = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  await other.goto(link);
  await expect(status(other)).toHaveText(`Showing ${TRAIN_LABEL_COUNTS[3]! + TEST_LABEL_COUNTS[3]!} of 70000 digits`);
  expect((await renderedCellLabels(other)).slice(0, 6)).toEqual(cells);
  await expect.poll(() => sampleLabels(other)).toEqual(sample);
  await other.context().close();
});

test('offline after the first visit: the precache holds the shell and the four bundled files', async ({ page, context }) => {
  await installServiceWorker(page);
  await page.waitForFunction(
    async () => {
      const names = await caches.keys();
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
      return ['index.html', 'train-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].every((f) => urls.some((u) => u.includes(f)));
    },
    undefined,
    { timeout: 30_000, polling: 500 },
  );
  await context.setOffline(true);
  await page.goto(`${SITE}?split=test&digits=7&seed=9`);
  await expect(status(page)).toHaveText(`Showing ${TEST_LABEL_COUNTS[7]} of 70000 digits`);
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', /^test #\d+, label 7$/);
});

test('a redeploy is installed by the browser’s update check; the page offers a reload, which shows the same view', async ({ page }) => {
  await installServiceWorker(page);
  await page.goto(`${SITE}?split=test&digits=7&seed=9`);
  await expect(status(page)).toHaveText(`Showing ${TEST_LABEL_COUNTS[7]} of 70000 digits`);
  // A new build is deployed: the update check (here asked for at once) installs it, it takes over.
  await page.request.get(`${STATIC_HOST}/deploy`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  const notice = page.getByRole('complementary', { name: 'Update' });
  await expect(notice).toContainText('A new version of MNIST Explorer is ready');
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(status(page)).toHaveText(`Showing ${TEST_LABEL_COUNTS[7]} of 70000 digits`);
  await expect(page.getByRole('complementary', { name: 'Update' })).toHaveCount(0);
});

test('an installable web app: the manifest names the app, starts where it is served, and has its icons', async ({ page }) => {
  // Read from the page's HTML (not opened: that would load and install everything for nothing).
  const html = await (await page.request.get(SITE)).text();
  const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBeDefined();
  const manifestUrl = new URL(href!, SITE).href;
  expect(manifestUrl.startsWith(SITE)).toBe(true);
  const manifest = (await (await page.request.get(manifestUrl)).json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string }[] };
  expect(manifest.name).toBe('MNIST Explorer');
  expect(manifest.display).toBe('standalone');
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(SITE);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    expect(icon, size).toBeDefined();
    const response = await page.request.get(new URL(icon!.src, manifestUrl).href);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(1, 4).toString()).toBe('PNG');
  }
});
