// The build on a plain static host under a sub-path, as GitHub Pages serves a repository
// (https://<user>.github.io/<repo>/): relative asset paths, the service worker's isolation
// headers (shared memory without server headers), offline after the first visit, the manifest.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { MNIST_FILES } from '../src/data/dataset/mnist';
import { KEPT_DATA_FILES_CACHE } from '../src/data/sources/keptDataFiles';
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

/** Resolves once the service worker keeps all four data files (checked against the build's SHA-256s). */
async function untilDataFilesKept(page: Page): Promise<void> {
  await page.waitForFunction(
    async ({ cache, names }) => {
      if (!(await caches.has(cache))) return false;
      const urls = (await (await caches.open(cache)).keys()).map((r) => r.url);
      return names.every((name) => urls.some((u) => u.endsWith(`/data/${name}`)));
    },
    { cache: KEPT_DATA_FILES_CACHE, names: MNIST_FILES.map((f) => f.name) },
    { timeout: 30_000, polling: 500 },
  );
}

/**
 * A first visit that loads the bundled MNIST, on a sub-path of the test's own (so its service
 * worker and the host's log of requests are its own): waits for the worker's one reload and for
 * the data on screen. Returns the site's URL.
 */
async function firstVisit(page: Page): Promise<string> {
  const site = `${STATIC_HOST}/fresh/${randomUUID()}/`;
  await page.goto(`${site}?seed=5`);
  await page.waitForFunction(() => window.crossOriginIsolated && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  return site;
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

test('a first visit downloads each data file once: the service worker keeps what the page fetched, not a second download', async ({ page }) => {
  const site = await firstVisit(page);
  await untilDataFilesKept(page);
  const path = new URL(site).pathname;
  const asked = (await (await page.request.get(`${STATIC_HOST}/requests?under=${encodeURIComponent(path)}`)).json()) as { method: string; path: string }[];
  for (const { name } of MNIST_FILES) {
    expect(asked.filter((r) => r.method === 'GET' && r.path === `${path}data/${name}`), name).toHaveLength(1);
  }
  // The page itself was reloaded under the worker's headers meanwhile (the shell asked for twice).
  expect(asked.filter((r) => r.method === 'GET' && r.path === path).length).toBeGreaterThanOrEqual(1);
});

test('offline on the second visit the page reads its kept decoded copy (its files are the ones the worker keeps) and says it is offline', async ({ page, context }) => {
  const site = await firstVisit(page);
  await untilDataFilesKept(page);
  await context.setOffline(true);
  await page.goto(`${site}?split=test&digits=7&seed=9`);
  await expect(status(page)).toHaveText(`Showing ${TEST_LABEL_COUNTS[7]} of 70000 digits`);
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', /^test #\d+, label 7$/);
  const notice = page.getByRole('complementary', { name: 'Offline notice' });
  await expect(notice).toContainText(/^You are offline: the digits are the copy kept on this computer/);
  await expect(page.getByLabel('Loaded data')).toContainText('kept copy; offline');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('offline after a first visit that loaded nothing: the data the worker fetched for the page later is kept too', async ({ page, context }) => {
  await installServiceWorker(page);
  // Through the worker now: it answers from the network and keeps the files it checked.
  await page.goto(`${SITE}?seed=5`);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await untilDataFilesKept(page);
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
