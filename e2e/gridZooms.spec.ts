// The grid's accessibility contract at the default zoom, the smallest with written labels and the
// densest (4 px per digit, labels as colour bands): every digit on screen has its gridcell, named
// as everywhere (`train #0, label 5`), over its digit, in the order shown; hover names the digit,
// a click opens it, the keyboard moves. On the planted set (2,500 digits: mechanics, not data).
import { expect, test, type Page } from '@playwright/test';
import { ZOOM_LEVELS } from '../src/state/store/viewOptions';
import { GRID_PADDING } from '../src/ui/grid/gridLayout';
import { greysLevel } from '../src/render/greys';
import { bundledPayload } from './helpers/bundled';
import { grid, openLoaded } from './helpers/explorer';
import { PLANTED, plantedData, plantedName } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

const ZOOMS = [
  { zoom: 2, what: 'default', params: '' },
  { zoom: 0.5, what: 'smallest labelled', params: 'zoom=0.5' },
  { zoom: 0.15, what: 'densest', params: 'zoom=0.15' },
] as const;

interface CellSeen {
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The shown gridcells in document order, once every row on screen has its names, and the grid's box. */
async function cellsOnScreen(page: Page) {
  await expect
    .poll(() =>
      grid(page).evaluate((el) => {
        // Settled: the shown rows are consecutive and reach the bottom of the grid's box (or the end).
        const rows = [...el.querySelectorAll<HTMLElement>('[role="row"]')].filter((r) => !r.hidden);
        const box = el.getBoundingClientRect();
        const last = rows.at(-1)?.getBoundingClientRect();
        return rows.length > 0 && !!last && (last.bottom >= box.bottom - 1 || el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
      }),
    )
    .toBe(true);
  return grid(page).evaluate((el) => {
    const cells: CellSeen[] = [];
    for (const row of el.querySelectorAll<HTMLElement>('[role="row"]')) {
      if (row.hidden) continue;
      for (const cell of row.querySelectorAll<HTMLElement>('[role="gridcell"]')) {
        if (cell.hidden) continue;
        const r = cell.getBoundingClientRect();
        cells.push({ name: cell.getAttribute('aria-label') ?? '', row: Number(row.getAttribute('aria-rowindex')), col: Number(cell.getAttribute('aria-colindex')), x: r.x, y: r.y, width: r.width, height: r.height });
      }
    }
    const b = el.getBoundingClientRect();
    return { cells, box: { top: b.top, bottom: b.top + el.clientHeight, left: b.left }, columns: Number(el.getAttribute('aria-colcount')) };
  });
}

for (const { zoom, what, params } of ZOOMS) {
  test(`${what} zoom (${zoom}): every digit on screen has its named gridcell over it, in the order shown; hover, click and keys work`, async ({ page }) => {
    await openPlanted(page, params);
    await expect(page.getByRole('slider', { name: 'Zoom' })).toHaveAttribute('aria-valuetext', new RegExp(`^${zoom}×`));
    // From a third of the way down: rows written after a scroll, not only the first screen.
    await grid(page).evaluate((el) => (el.scrollTop = Math.floor(el.scrollHeight / 3)));
    const { cells, box, columns } = await cellsOnScreen(page);
    expect(cells.length).toBeGreaterThan(0);
    const firstPos = (cells[0]!.row - 1) * columns + cells[0]!.col - 1;
    cells.forEach((cell, i) => {
      const pos = firstPos + i;
      // Consecutive positions in document order, each named as the digit the planted files hold there.
      expect(cell.name, `cell ${i}`).toBe(plantedName(pos));
      expect([cell.row, cell.col]).toEqual([Math.floor(pos / columns) + 1, (pos % columns) + 1]);
      // Laid out in reading order over the grid: same row, same top; next column, further right.
      if (i > 0 && cell.row === cells[i - 1]!.row) {
        expect(cell.y).toBe(cells[i - 1]!.y);
        expect(cell.x).toBeGreaterThan(cells[i - 1]!.x + cells[i - 1]!.width - 0.5);
      }
      if (i > 0 && cell.row !== cells[i - 1]!.row) expect(cell.y).toBeGreaterThan(cells[i - 1]!.y);
    });
    // The cells cover the screen: the first row starts at or above its top, the last reaches its bottom (or the end).
    expect(cells[0]!.y).toBeLessThanOrEqual(box.top + GRID_PADDING + 1);
    expect(cells[0]!.col).toBe(1);
    const end = cells.at(-1)!;
    const lastPos = firstPos + cells.length - 1;
    expect(end.y + end.height >= box.bottom - 8 || lastPos === PLANTED.train + PLANTED.test - 1).toBe(true);

    // Hover names the digit under the pointer; a click opens it; focus comes back to it; keys move.
    const target = cells[Math.min(cells.length - 1, columns + 2)]!;
    const centre = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await expect(page.getByRole('tooltip')).toHaveText(target.name);
    await page.mouse.click(centre.x, centre.y);
    await expect(page.getByRole('dialog')).toHaveAccessibleName(target.name);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(target.name);
    const targetPos = plantedIdOf(target.name);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(plantedName(targetPos + 1));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(plantedName(targetPos + 1 + columns));
  });
}

function plantedIdOf(name: string): number {
  const match = /^(train|test) #(\d+),/.exec(name)!;
  return (match[1] === 'test' ? PLANTED.train : 0) + Number(match[2]);
}

/** The canvas's RGB under the middle of the band below a cell (the dense overview draws bands there). */
async function bandColourUnder(page: Page, cell: CellSeen): Promise<string> {
  return grid(page).evaluate((el, c) => {
    const canvas = el.querySelector('canvas')!;
    const r = canvas.getBoundingClientRect();
    const scale = canvas.width / r.width;
    // The band is the bottom of the cell's box (digit above it).
    const x = Math.floor((c.x + c.width / 2 - r.x) * scale);
    const y = Math.floor((c.y + c.height - 0.5 - r.y) * scale);
    const [red, green, blue] = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
    return `#${[red, green, blue].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
  }, cell);
}

// matplotlib's tab10, the map's label colours, and the map's split colours: said here, not imported from the app.
const TAB10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const SPLIT = { train: '#4e79a7', test: '#e15759' };

test('the dense overview draws each label as a band of its tab10 colour, with the legend, whose labels filter', async ({ page }) => {
  await openPlanted(page, 'zoom=0.15');
  await expect(page.getByRole('group', { name: 'Grid legend' }).getByRole('button', { name: 'Label 3' })).toBeVisible();
  const { cells } = await cellsOnScreen(page);
  const { labels } = plantedData();
  for (const cell of [cells[0]!, cells[7]!, cells[cells.length - 1]!]) {
    expect(await bandColourUnder(page, cell), cell.name).toBe(TAB10[labels[plantedIdOf(cell.name)]!]);
  }
  // The legend's label toggles are the digit filter.
  await page.getByRole('group', { name: 'Grid legend' }).getByRole('button', { name: 'Label 3' }).click();
  await expect(page.getByRole('status')).toHaveText(`Showing ${2500 - labels.filter((l) => l === 3).length} of 2500 digits`);
});

test('Colour by split from the link colours the dense overview’s bands; above the dense zooms labels are written again', async ({ page }) => {
  await openPlanted(page, 'zoom=0.15&colour=split&split=all');
  await expect(page.getByRole('combobox', { name: 'Colour' })).toHaveValue('split');
  await expect(page.getByRole('list', { name: 'Grid legend' })).toContainText('Test');
  const shown = await cellsOnScreen(page);
  const train = shown.cells.find((c) => c.name.startsWith('train #'))!;
  const test_ = shown.cells.find((c) => c.name.startsWith('test #'))!;
  expect(await bandColourUnder(page, train)).toBe(SPLIT.train);
  expect(await bandColourUnder(page, test_)).toBe(SPLIT.test);
  // Above the dense zooms labels are written again: no Colour, no legend.
  await page.getByRole('slider', { name: 'Zoom' }).fill(String(ZOOM_LEVELS.indexOf(0.5)));
  await expect(page.getByRole('combobox', { name: 'Colour' })).toHaveCount(0);
  await expect(page).toHaveURL(/zoom=0\.5/);
});

test('at 4 px on all of MNIST a worker reduces the digits below the screen ahead; each shows the mean of its 7 × 7 blocks', async ({ page }) => {
  test.setTimeout(60_000);
  const thumbnailWorkers: string[] = [];
  page.on('worker', (worker) => {
    if (/thumbnails/.test(worker.url())) thumbnailWorkers.push(worker.url());
  });
  await openLoaded(page, '/?zoom=0.15');
  // Two screens and more at 4 px: the rest of the selection is reduced ahead by the worker, which ends itself once done.
  await expect.poll(() => thumbnailWorkers.length, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => page.workers().filter((w) => /thumbnails/.test(w.url())).length, { timeout: 30_000 }).toBe(0);
  await grid(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  // At the end every row on screen gets its names in a few frames (2,000 cells a frame at rest).
  const lastShown = () => grid(page).evaluate((el) => [...el.querySelectorAll<HTMLElement>('[role="row"]:not([hidden]) [role="gridcell"]:not([hidden])')].at(-1)?.getAttribute('aria-label'));
  await expect.poll(lastShown).toMatch(/^test #9999, label \d$/);
  const { cells } = await cellsOnScreen(page);
  // The last few digits: their grey levels on the canvas against block means computed here from the file.
  const images = bundledPayload('t10k-images-idx3-ubyte.gz', 16);
  for (const cell of cells.slice(-5)) {
    const index = Number(/^test #(\d+),/.exec(cell.name)![1]);
    const shown = await grid(page).evaluate((el, c) => {
      const canvas = el.querySelector('canvas')!;
      const r = canvas.getBoundingClientRect();
      const scale = canvas.width / r.width;
      const size = Math.round(c.width * scale);
      const data = canvas.getContext('2d')!.getImageData(Math.round((c.x - r.x) * scale), Math.round((c.y - r.y) * scale), size, size).data;
      return { size, reds: Array.from({ length: size * size }, (_, i) => data[i * 4]!) };
    }, cell);
    expect(shown.size, cell.name).toBe(4);
    const expected: number[] = [];
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 4; x++) {
        let sum = 0;
        for (let sy = y * 7; sy < y * 7 + 7; sy++) for (let sx = x * 7; sx < x * 7 + 7; sx++) sum += images[index * 784 + sy * 28 + sx]!;
        // Greys is grey (red = green = blue); its levels are checked against matplotlib in greys.test.ts.
        expected.push(greysLevel(Math.round(sum / 49)));
      }
    }
    expect(shown.reds, cell.name).toEqual(expected);
  }
});
