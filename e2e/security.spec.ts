import { expect, test } from '@playwright/test';
import { parseShareUrl } from '../src/state/app/shareUrl';
import { chooseSplit, digitButton, linkSourceQuestion, status } from './helpers/explorer';
import { openPlanted } from './helpers/plantedPage';
import { FAULT_SERVER } from './helpers/ports';

test('the built app is served with a Content-Security-Policy, as a header and a <meta>', async ({ page, request }) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'] ?? '';
  // WebAssembly may be compiled (the neighbour search), eval may not ('unsafe-eval' stays out).
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(header).toContain("object-src 'none'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).toMatch(/connect-src 'self' https:\/\/azureopendatastorage\.blob\.core\.windows\.net http: https: blob:(;|$)/);
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain("'unsafe-eval'");
  expect(await response.text()).toContain('<meta http-equiv="Content-Security-Policy"');

  // Any loaded page will do: the planted set (2,500 bundled digits) loads at a fraction of MNIST's cost.
  await openPlanted(page);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    // An inline event handler, as injected HTML would carry one.
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(div);
    div.click();
    div.remove();
    // (eval cannot be probed from here: code run through the DevTools protocol is exempt from
    // CSP, so the header's lack of 'unsafe-eval' is what the first half of this test checks.)
    let websocketAllowed = true;
    try {
      new WebSocket('ws://127.0.0.1:9/');
    } catch {
      websocketAllowed = false;
    }
    await new Promise((r) => setTimeout(r, 200));
    const flags = window as { __inlineRan?: boolean; __handlerRan?: boolean };
    return { inlineRan: flags.__inlineRan === true, handlerRan: flags.__handlerRan === true, websocketAllowed, violations };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.handlerRan).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^connect-src/)]));
});

// The hundreds of generated links are checked at the parser (src/state/app/hostileLinks.test.ts);
// the browser opens a dozen representative ones, one for each way a link can be hostile, each in
// a test of its own. `noticed`: whether the page must say it ignored something (the parser says
// what; this says whether, so a parser that ignored nothing could not pass the test unnoticed).
const REPRESENTATIVE_LINKS = [
  { what: 'script in a value', link: '/?split=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E', noticed: true },
  { what: 'markup that closes an attribute', link: '/?digits=%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E', noticed: true },
  { what: 'a javascript: source', link: '/?source=custom&url=javascript%3Awindow.__pwned%3D1', noticed: true },
  { what: 'a data: source', link: '/?source=custom&url=data%3Atext%2Fhtml%2C%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E', noticed: true },
  { what: 'numbers out of range', link: '/?open=train-99999999&seed=99999999999999999999', noticed: true },
  { what: 'not numbers', link: '/?n=1e999&zoom=NaN&norm=constructor', noticed: true },
  { what: 'prototype names and a markup name', link: '/?__proto__=1&constructor=1&%3Csvg%2Fonload%3Dwindow.__pwned%3D1%3E=1', noticed: true },
  { what: 'repeated parameters', link: '/?split=test&split=train&split=all&digits=3,3,3,x', noticed: true },
  { what: 'a 3,000-character value', link: `/?view=${'A'.repeat(3000)}`, noticed: true },
  { what: 'bidi and full-width characters', link: '/?sample=%E2%80%AEgnirts&digits=%EF%BC%93', noticed: true },
  { what: 'script in the fragment', link: '/?seed=42#<script>window.__pwned=1</script>', noticed: false },
  { what: 'every value at its limit', link: '/?open=test-9999&split=test&digits=6&n=100&seed=4294967295&view=table&sample=train', noticed: false },
];

for (const [i, { what, link, noticed }] of REPRESENTATIVE_LINKS.entries()) {
  test(`hostile share link ${i + 1} of ${REPRESENTATIVE_LINKS.length} (${what}): the page renders, says what it ignored, runs nothing`, async ({ page }) => {
    let dialogs = 0;
    const pageErrors: string[] = [];
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // No page opened before: the link is a first visit, and nothing here waits for the digits.
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { name: 'MNIST Explorer', level: 1 }), link).toBeVisible();
    await expect(status(page), link).toHaveText(/^(Showing \d+ of \d+ digits|Loading MNIST…( \d+ training digits so far)?|No digits loaded)$/);
    const expected = parseShareUrl(new URL(link, 'http://x').search, 'http://localhost:4173/', 1).ignored;
    expect(expected.length > 0, `the parser ignores something in ${link}`).toBe(noticed);
    const notice = page.getByRole('complementary', { name: 'Link notice' });
    if (noticed) await expect(notice, link).toBeVisible();
    else await expect(notice, link).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), link).toBeUndefined();
    expect(await page.locator('img, svg, iframe, object, embed').count(), link).toBe(0);
    console.log(`hostile link ${i + 1} in the browser: ${noticed ? 'a notice' : 'no notice'}, ${dialogs} dialogs, ${pageErrors.length} page errors, 0 ran script`);
    expect(dialogs).toBe(0);
    expect(pageErrors).toEqual([]);
  });
}

test('credentials in a link or the Base URL field are refused and never echoed or kept', async ({ page }) => {
  const secret = 'hunter2';
  await page.goto(`/?source=custom&url=${encodeURIComponent(`${FAULT_SERVER.replace('://', `://user:${secret}@`)}/originals/`)}&split=test`);
  await expect(status(page)).toHaveText('Showing 10000 of 70000 digits');
  const notice = page.getByRole('complementary', { name: 'Link notice' });
  await expect(notice).toContainText('user name or password');
  await expect(page.getByLabel('Loaded data')).toContainText('Bundled copy');
  expect(page.url()).not.toContain(secret);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(secret);

  await page.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Custom URL' });
  await page.getByRole('textbox', { name: 'Base URL' }).fill(`https://me:${secret}@example.org/mnist/`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert')).toContainText('user name or password');
  await expect(page.getByRole('alert')).not.toContainText(secret);
  await expect(page.getByRole('region', { name: 'Loading progress' })).toHaveCount(0);
  expect(page.url()).not.toContain(secret);
});

test('a link repeating a parameter 300 times gets one line about it, in a notice of bounded height', async ({ page }) => {
  await page.goto(`/?${Array.from({ length: 300 }, () => 'n=1').join('&')}`);
  const notice = page.getByRole('complementary', { name: 'Link notice' });
  await expect(notice).toContainText('“n” appears 300 times; the first value was used');
  const height = await notice.evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeLessThan(200);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
});

test('a link naming its own server asks before the browser fetches anything from it; its filters apply either way', async ({ page, request }) => {
  const token = `ask-${Date.now()}`;
  const base = `${FAULT_SERVER}/counted/${token}/`;
  const hits = async () => Number(await (await request.get(`${FAULT_SERVER}/hits/${token}`)).text());
  const link = `/?source=custom&url=${encodeURIComponent(base)}&split=test&digits=3&seed=7`;

  // Show the bundled data instead: nothing is fetched from the link's server, the filters hold.
  await page.goto(link);
  const question = linkSourceQuestion(page);
  await expect(question).toContainText(`This link loads data from ${base}`);
  await expect(question).toContainText('on your own computer');
  await expect(status(page)).toHaveText('No digits loaded');
  await expect(digitButton(page, '3')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('combobox', { name: 'Split' })).toHaveValue('test');
  await question.getByRole('button', { name: 'Show the bundled data instead' }).click();
  await expect(status(page)).toHaveText('Showing 1010 of 70000 digits');
  await expect(page.getByLabel('Loaded data')).toContainText('Bundled copy');
  await expect(question).toHaveCount(0);
  expect(page.url()).not.toContain('counted');
  expect(await hits()).toBe(0);

  // Back to the link's entry: it asks again (it was never chosen), still without fetching.
  await page.goBack();
  await expect(question).toBeVisible();
  await expect(status(page)).toHaveText('Showing 1010 of 70000 digits');
  expect(await hits()).toBe(0);

  // Load: now the files come from the link's server, with the same filters.
  await question.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(status(page)).toHaveText('Showing 1010 of 70000 digits');
  await expect(page.getByLabel('Loaded data')).toContainText('Custom URL');
  expect(await hits()).toBeGreaterThanOrEqual(4);

  // A source chosen in this tab is not asked about again on Back/Forward.
  await chooseSplit(page, 'Train');
  await expect(status(page)).toHaveText('Showing 6131 of 70000 digits');
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 1010 of 70000 digits');
  await expect(question).toHaveCount(0);
});
