import { expect, test } from '@playwright/test';
import { chooseSplit, digitButton, grid, linkSourceQuestion, renderedCellLabels, sampleLabels, setSeed, status } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

// On the planted set (2,500 bundled digits): what the link carries is the mechanics under test, not
// MNIST's numbers, and the fresh browser answers the question a link naming its own server asks.
test('a copied link reproduces grid order, sample and open digit in a fresh browser', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlanted(page);
  await chooseSplit(page, 'Test');
  await digitButton(page, '6').click();
  await digitButton(page, '0').click();
  await page.getByRole('spinbutton', { name: 'Sample size' }).fill('12');
  await setSeed(page, 2024);
  await expect(page).toHaveURL(/seed=2024/);
  await grid(page).getByRole('gridcell').nth(5).click();
  const dialogName = await page.getByRole('dialog').getAttribute('aria-labelledby').then((id) => page.locator(`#${id}`).textContent());
  const gridOrder = (await renderedCellLabels(page)).slice(0, 40);
  const sample = await sampleLabels(page);
  const statusText = await status(page).textContent();

  await page.getByRole('dialog').getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('dialog').getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('digits=0%2C6');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await linkSourceQuestion(other).getByRole('button', { name: 'Load', exact: true }).click();
  await expect(status(other)).toHaveText(statusText!);
  await expect(other.getByRole('dialog', { name: dialogName! })).toBeVisible();
  expect((await renderedCellLabels(other)).slice(0, 40)).toEqual(gridOrder);
  expect(await sampleLabels(other)).toEqual(sample);
  expect(sample).toHaveLength(12);
  await fresh.close();
});

// On the planted set too: history is the mechanics, its counts are the planted labels'.
test('Back and Forward step through earlier states', async ({ page }) => {
  const shown = (n: number) => `Showing ${n} of ${PLANTED_TOTAL} digits`;
  const testThrees = plantedData().labels.subarray(PLANTED.train).filter((l) => l === 3).length;
  await openPlanted(page);
  await chooseSplit(page, 'Test');
  await expect(status(page)).toHaveText(shown(PLANTED.test));
  await digitButton(page, '3').click();
  await expect(status(page)).toHaveText(shown(testThrees));
  await page.goBack();
  await expect(status(page)).toHaveText(shown(PLANTED.test));
  await expect(digitButton(page, 'All')).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(status(page)).toHaveText(shown(PLANTED_TOTAL));
  await expect(page.getByRole('combobox', { name: 'Split' })).toHaveValue('all');
  await page.goForward();
  await page.goForward();
  await expect(status(page)).toHaveText(shown(testThrees));
  await expect(digitButton(page, '3')).toHaveAttribute('aria-pressed', 'true');
});

test('a link with bad and hostile parameters opens with defaults and a notice, running nothing', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const hostile =
    '/?split=%3Cscript%3Ealert(1)%3C%2Fscript%3E&digits=3,x&seed=abc&open=train-99999&zoom=1e999&source=custom&url=javascript:alert(1)&%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1';
  await page.goto(hostile);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  const notice = page.getByRole('complementary', { name: 'Link notice' });
  await expect(notice).toContainText('“split” must be train, test or all');
  await expect(notice).toContainText('“digits”');
  await expect(notice).toContainText('“seed”');
  await expect(notice).toContainText('“zoom”');
  await expect(notice).toContainText('“url” only http and https');
  await expect(notice).toContainText('“<img src=x onerror=alert…” is not a parameter');
  await expect(notice).toContainText('“open” names train #99999');
  expect(await page.locator('img, script:not([src])').count()).toBe(0);
  expect(dialogs).toBe(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The address bar now holds only what was used.
  expect(new URL(page.url()).search).toMatch(/^\?seed=\d+$/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
