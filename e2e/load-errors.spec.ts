import { expect, test } from '@playwright/test';
import { FAULT_SERVER, STATIC_HOST } from './helpers/ports';
import { gzipSync } from 'node:zlib';
import { grid, openCustomLink, status } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedFiles, plantedName } from './helpers/planted';
import { openPlanted, PLANTED_SOURCE, PLANTED_URL } from './helpers/plantedPage';

const FILE_NAME = /(train|t10k)-(images|labels)-idx[13]-ubyte\.gz/;

// The digits on screen before a load fails are the planted set (2,500 bundled digits): that they
// stay is the point, not how many they are, and a full load of MNIST cost seconds in every test.
// One test keeps the bundled copy: falling back to it is what it checks.
const PLANTED_SHOWN = `Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`;

async function loadCustom(page: import('@playwright/test').Page, baseUrl: string) {
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Custom URL' });
  await page.getByRole('textbox', { name: 'Base URL' }).fill(baseUrl);
  await page.getByRole('button', { name: 'Open' }).click();
}

test('a 404 from a custom URL names the file and the cause, and keeps the digits loaded', async ({ page }) => {
  await openPlanted(page);
  await loadCustom(page, `${FAULT_SERVER}/missing/`);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-code', 'http');
  await expect(alert).toHaveAttribute('data-file', /^(train|test)-(images|labels)$/);
  await expect(alert).toContainText('HTTP 404');
  await expect(alert).toContainText(FILE_NAME);
  await expect(alert).toContainText(`${FAULT_SERVER}/missing/`);
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', plantedName(0));
  expect(new URL(page.url()).searchParams.get('url')).toBe(`${FAULT_SERVER}/missing/`);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Given up on: the link names the source on screen again.
  await expect.poll(() => new URL(page.url()).searchParams.get('url')).toBe(PLANTED_URL);
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
});

// The fixed server serves the planted set (2,500 bundled digits): Retry is the point, not the size.
test('Retry loads the same source again once the server is fixed', async ({ page, request }) => {
  const token = `retry-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await openPlanted(page);
  await loadCustom(page, `${FAULT_SERVER}/broken/${token}/planted/`);
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'http');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toContainText('HTTP 404'); // still broken: fails again, clearly
  await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'http');
  await request.get(`${FAULT_SERVER}/heal/${token}`);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Loaded data')).toContainText(`${FAULT_SERVER}/broken/${token}/planted/`);
  await expect(status(page)).toHaveText(`Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`);
});

test('a URL that is not http or https is refused before loading', async ({ page }) => {
  await openPlanted(page);
  await loadCustom(page, 'javascript:alert(1)');
  await expect(page.getByRole('alert')).toContainText('only http and https');
  await expect(status(page)).toHaveText(PLANTED_SHOWN);
});

test('after Cancel or Dismiss the source picker shows the source on screen, not the one typed', async ({ page }) => {
  // On screen: the planted set's URL, so the one typed must give way to another URL.
  await openPlanted(page);
  await loadCustom(page, `${FAULT_SERVER}/slow/`);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue('custom');
  await expect(page.getByRole('textbox', { name: 'Base URL' })).toHaveValue(PLANTED_URL);
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();

  await loadCustom(page, `${FAULT_SERVER}/missing/`);
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('combobox', { name: 'Source' })).toHaveValue('custom');
  await expect(page.getByRole('textbox', { name: 'Base URL' })).toHaveValue(PLANTED_URL);
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('a link whose source fails, dismissed, falls back to the bundled copy instead of an empty page', async ({ page }) => {
  await openCustomLink(page, `/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER}/missing/`)}&digits=7`);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(status(page)).toHaveText('Showing 7293 of 70000 digits');
  await expect(page.getByLabel('Loaded data')).toContainText('Bundled copy');
  await expect.poll(() => new URL(page.url()).searchParams.get('source')).toBeNull();
  expect(new URL(page.url()).searchParams.get('digits')).toBe('7');
});

test('the Base URL field follows the same rule as links: relative URLs are fine, and its message never goes stale', async ({ page }) => {
  await openPlanted(page);
  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Custom URL' });
  const field = page.getByRole('textbox', { name: 'Base URL' });
  // Empty, as the field is when Custom URL is first chosen.
  await field.fill('');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert')).toContainText('enter a base URL');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('/nowhere/');
  // Typing clears the old message; the app's own check (not the browser's) judges the new text.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open' }).click();
  // Accepted and tried, relative to the app, as a link's url=/nowhere/ would be (which answers
  // with the app's own page: the preview server falls back to it for any path).
  await expect(page.getByRole('alert')).toHaveAttribute('data-code', 'html-page');
  await expect(page.getByRole('alert')).toContainText('/nowhere/');
  await expect(page.getByRole('alert')).toContainText(FILE_NAME);
});

test.describe('Azure on a plain static host, which has no relay', () => {
  // Without the service worker: its one reload (for isolation) would race the steps below.
  test.use({ serviceWorkers: 'block' });
  const AZURE_FILES = 'https://azureopendatastorage.blob.core.windows.net/mnist/';
  // The planted set on screen first, and (where Azure answers) as Azure's files: the relay and
  // the direct fetch are the point, not the size of the files.
  const PLANTED_TEST_SHOWN = `Showing ${PLANTED.test} of ${PLANTED_TOTAL} digits`;
  const chooseAzure = async (page: import('@playwright/test').Page) => {
    await page.goto(`${STATIC_HOST}/?${PLANTED_SOURCE}&split=test`);
    await page.getByRole('complementary', { name: 'Link source' }).getByRole('button', { name: 'Load', exact: true }).click();
    await expect(status(page)).toHaveText(PLANTED_TEST_SHOWN);
    await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Azure Open Datasets' });
    await page.getByRole('button', { name: 'Open' }).click();
  };

  test('without CORS headers from Azure the error says the relay is missing here, and the digits stay', async ({ page }) => {
    // The real container sends no Access-Control-Allow-Origin, which a page sees as a failed
    // fetch (a TypeError), exactly like a network failure: that is what this route gives. (A
    // fulfilled route cannot stand for it: Playwright adds CORS headers to what it fulfils.)
    await page.context().route(`${AZURE_FILES}**`, (route) => route.abort('failed'));
    await chooseAzure(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load MNIST from Azure Open Datasets');
    await expect(alert).toHaveAttribute('data-code', 'relay-missing');
    await expect(alert).toContainText(FILE_NAME);
    await expect(alert).toContainText(/404/);
    await expect(alert).toContainText('no working relay at /azure-mnist/');
    await expect(alert).toContainText('not on a static host');
    await expect(status(page)).toHaveText(PLANTED_TEST_SHOWN);
  });

  test('when Azure allows the browser to read it, the files come straight from Azure', async ({ page }) => {
    const asked: string[] = [];
    await page.context().route(`${AZURE_FILES}**`, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      asked.push(`${route.request().method()} ${name}`);
      return route.fulfill({ body: gzipSync(plantedFiles()[name]!), headers: { 'Content-Type': 'application/gzip', 'Access-Control-Allow-Origin': '*' } });
    });
    await chooseAzure(page);
    await expect(page.getByLabel('Loaded data')).toContainText('Azure Open Datasets');
    await expect(status(page)).toHaveText(PLANTED_TEST_SHOWN);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(asked).toEqual(expect.arrayContaining(['HEAD t10k-labels-idx1-ubyte.gz', 'GET train-images-idx3-ubyte.gz']));
  });
});
