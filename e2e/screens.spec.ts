// The page on every screen: phones upright and sideways, a desktop at 200 % browser zoom (the
// same CSS viewport as 640 × 400), 320 px wide; touch targets; dark mode; the static shell.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MIN_VISIBLE_ROWS } from '../src/ui/grid/gridLayout';
import { grid, openLoaded, status } from './helpers/explorer';

const SCREENS = [
  { name: 'phone 390 × 844', width: 390, height: 844 },
  { name: 'phone sideways 844 × 390', width: 844, height: 390 },
  { name: '1280 × 800 at 200 % zoom', width: 640, height: 400 },
  { name: '320 px wide', width: 320, height: 640 },
];

/** Every interactive control of the page, by role. */
const CONTROL_ROLES = ['button', 'tab', 'combobox', 'spinbutton', 'slider', 'checkbox', 'link'] as const;

async function expectNoSidewaysOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

interface ControlBox {
  readonly visible: boolean;
  /** Its aria-label, else its text: what a failure names it by. */
  readonly name: string;
  readonly text: string;
  readonly x: number;
  readonly width: number;
}

/**
 * Every element of `controls`, each visible one scrolled into view, with its box on screen: one
 * round trip to the page for all of them (one per control and step took most of a minute on a
 * busy machine). The same steps as Playwright's isVisible, scrollIntoViewIfNeeded and boundingBox.
 */
async function controlBoxes(controls: Locator): Promise<ControlBox[]> {
  return controls.evaluateAll((elements) =>
    elements.map((el) => {
      const before = el.getBoundingClientRect();
      const visible = before.width > 0 && before.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      if (visible) (el as HTMLElement & { scrollIntoViewIfNeeded(center?: boolean): void }).scrollIntoViewIfNeeded(true);
      const rect = el.getBoundingClientRect();
      const text = el.textContent ?? '';
      return { visible, name: el.getAttribute('aria-label') ?? text, text, x: rect.x, width: rect.width };
    }),
  );
}

for (const screen of SCREENS) {
  test(`${screen.name}: at least three full rows of digits, nothing sideways, every control reachable`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await openLoaded(page);
    const digits = grid(page);
    await digits.scrollIntoViewIfNeeded();
    const { gridHeight, rowHeight } = await digits.evaluate((el) => ({
      gridHeight: el.clientHeight,
      rowHeight: (el.querySelector('[role="row"]') as HTMLElement).getBoundingClientRect().height,
    }));
    expect(gridHeight).toBeGreaterThanOrEqual(MIN_VISIBLE_ROWS * rowHeight);
    // Three rows of cells are really on screen once the grid is scrolled into view.
    const rowsInView = await digits.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="row"]')].filter((row) => {
        const r = row.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= window.innerHeight + 1;
      }).length;
    });
    expect(rowsInView).toBeGreaterThanOrEqual(MIN_VISIBLE_ROWS);
    await expectNoSidewaysOverflow(page, screen.name);
    // The controls wrap onto more lines instead of running off the side, and each can be reached.
    for (const role of CONTROL_ROLES) {
      for (const box of (await controlBoxes(page.getByRole(role))).filter((b) => b.visible)) {
        expect(box.x, `${role} ${box.text} starts off screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${role} ${box.text} ends off screen`).toBeLessThanOrEqual(screen.width + 1);
      }
    }
  });
}

test('on a touch screen every filter button and tab is at least 44 × 44 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openLoaded(page);
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  const targets = [
    ...(await page.getByRole('group', { name: 'Digit filter' }).getByRole('button').all()),
    ...(await page.getByRole('tab').all()),
    page.getByRole('button', { name: 'Reload' }),
    page.getByRole('combobox', { name: 'Split' }),
  ];
  expect(targets.length).toBeGreaterThanOrEqual(14);
  for (const target of targets) {
    const box = (await target.boundingBox())!;
    expect(box.width, await target.textContent() ?? '').toBeGreaterThanOrEqual(44);
    expect(box.height, await target.textContent() ?? '').toBeGreaterThanOrEqual(44);
  }
  await context.close();
});

test('on a phone the 28 × 28 pixel values never run together: the table scrolls in its own box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLoaded(page, '/?open=train-0');
  const dialog = page.getByRole('dialog', { name: 'train #0, label 5' });
  const table = dialog.getByRole('table', { name: 'Pixel values' });
  await expect(table).toBeVisible();
  const crowded = await table.evaluate((el) =>
    [...el.querySelectorAll('td')].filter((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      // The text must fit inside its cell, with the cell's padding to spare.
      return range.getBoundingClientRect().width > td.clientWidth - 1;
    }).length,
  );
  expect(crowded).toBe(0);
  const scroller = table.locator('xpath=..');
  const fits = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
  expect(fits.overflowX).toBe('auto');
  await expectNoSidewaysOverflow(page, 'detail on a phone');
});

test('dark mode follows the system; the digits stay in matplotlib’s Greys', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openLoaded(page);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(3 * 64);
  // The first digit's background pixel is Greys(0): white, ink dark, whatever the scheme.
  const corner = await grid(page).evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    const box = canvas.getBoundingClientRect();
    const cell = el.querySelector('[role="gridcell"]')!.getBoundingClientRect();
    const scale = canvas.width / box.width;
    // Near the bottom-left corner of the first digit (inside its frame).
    const data = canvas.getContext('2d')!.getImageData(Math.floor((cell.left - box.left + 2) * scale), Math.floor((cell.bottom - box.top - 3) * scale), 1, 1).data;
    return [data[0], data[1], data[2]];
  });
  expect(corner).toEqual([255, 255, 255]);
  await context.close();
});

test('the page is never blank: index.html carries a shell that shows before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'MNIST Explorer', level: 1 })).toBeVisible();
  await expect(page.getByText(/70,000 handwritten digits/)).toBeVisible();
  await expect(page.getByText('Loading MNIST…')).toBeVisible();
  await context.close();
});

test('the status says the numbers with thousands separators to people, plainly to tools', async ({ page }) => {
  await openLoaded(page);
  await expect(status(page)).toHaveText('Showing 70000 of 70000 digits');
  await expect(page.getByText('Showing 70,000 of 70,000 digits', { exact: true })).toBeVisible();
});

test('the statistics view on a 320 px phone: nothing sideways, every control on screen, mean images big enough to tap', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLoaded(page, '/?view=stats');
  const averages = page.getByRole('region', { name: 'Class averages' });
  const means = averages.getByRole('button', { name: /^Mean image of / });
  await expect(means).toHaveCount(11);
  await expectNoSidewaysOverflow(page, 'statistics on a phone');
  for (const box of await controlBoxes(page.getByRole('main').getByRole('button'))) {
    expect(box.visible, `${box.name} is not shown`).toBe(true);
    expect(box.x, `${box.name} starts off screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${box.name} ends off screen`).toBeLessThanOrEqual(321);
  }
  for (const mean of await means.all()) {
    const box = (await mean.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }
});
