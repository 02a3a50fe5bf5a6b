// The map (link `view=map`) and its region, checked against numpy: the first two principal
// components computed by `np.cov` + `np.linalg.eigh` (signs fixed the scikit-learn way), and the
// digits inside a region counted from them here. The mechanics (a region, the legend, a drawn
// rectangle, hover, the kept map) run on the planted set (2,500 bundled digits,
// helpers/planted.ts), so each test stays well inside its minute on a busy machine; the unit tests
// check the same computations on all 70,000 originals against numpy (src/data/analysis/pca.test.ts:
// components, variances and coordinates; src/data/export/pythonSnippet.test.ts: the digits of a
// region). One test here reads the map of all of MNIST: the share of variance it states.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { notebookPrelude, PYTHON_WITH_NUMPY, runPython } from '../src/testing/numpy';
import { damageKeptFiles } from './helpers/kept';
import { grid, status, view } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData, plantedDir, plantedName } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';

const TRAIN = PLANTED.train;
const { labels } = plantedData();

interface NumpyMap {
  /** x, y per planted digit. */
  readonly coordinates: Float64Array;
  /** Each component's share of the total variance, as the caption says it (one decimal, in %). */
  readonly shares: [string, string];
}

let computed: NumpyMap | null = null;
/** numpy's map of the planted set, computed once per worker. */
function numpyMap(): NumpyMap {
  if (computed) return computed;
  const out = join(mkdtempSync(join(tmpdir(), 'mnist-map-')), 'coordinates');
  const printed = runPython(
    PYTHON_WITH_NUMPY!,
    `${notebookPrelude(plantedDir())}
X = np.concatenate([X_train, X_test]).astype(np.float64)
C = np.cov(X, rowvar=False)
w, V = np.linalg.eigh(C)
order = np.argsort(-w, kind="stable")[:2]
V = V[:, order]
V = V * np.where(V[np.abs(V).argmax(axis=0), np.arange(2)] < 0, -1.0, 1.0)
((X - X.mean(axis=0)) @ V).tofile(${JSON.stringify(out)})
print(*(w[order] / np.trace(C)))
`,
  );
  const bytes = readFileSync(out);
  const [x, y] = printed.trim().split(' ').map((s) => (Number(s) * 100).toFixed(1));
  computed = { coordinates: new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), shares: [x!, y!] };
  return computed;
}

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Ids in file order inside `region` (edges included) that pass `keep`. */
function inside(region: Region, keep: (id: number) => boolean = () => true): number[] {
  const c = numpyMap().coordinates;
  const ids: number[] = [];
  for (let id = 0; id < labels.length; id++) {
    const [x, y] = [c[id * 2]!, c[id * 2 + 1]!];
    if (x >= region.x0 && x <= region.x1 && y >= region.y0 && y <= region.y1 && keep(id)) ids.push(id);
  }
  return ids;
}

/** How near any digit comes to the region's edges: the app's coordinates differ from numpy's by ~1e-10. */
function edgeMargin(region: Region): number {
  const c = numpyMap().coordinates;
  let margin = Infinity;
  for (let i = 0; i < c.length; i += 2) {
    for (const edge of [region.x0, region.x1]) margin = Math.min(margin, Math.abs(c[i]! - edge));
    for (const edge of [region.y0, region.y1]) margin = Math.min(margin, Math.abs(c[i + 1]! - edge));
  }
  return margin;
}

const mapOf = (page: Page, total: number) => page.getByRole('img', { name: new RegExp(`^Map of ${total} digits`) });

async function waitForMap(page: Page, total = PLANTED_TOTAL): Promise<void> {
  await expect(mapOf(page, total)).toBeVisible({ timeout: 45_000 });
}

const shownOf = (count: number) => `Showing ${count} of ${PLANTED_TOTAL} digits`;

test('a view=map&layout=pca link of all of MNIST opens the principal-components map, which states its components’ share of the pixels’ variance', async ({ page }) => {
  await page.goto('/?view=map&layout=pca&seed=1');
  await expect(view(page, 'Map')).toHaveAttribute('aria-selected', 'true');
  await waitForMap(page, 70_000);
  await expect(page.getByText(/Principal component 1 \(x, 9\.7 % of the pixels’ variance\) against component 2 \(y, 7\.\d %\)/)).toBeVisible();
});

test.describe('the map', () => {
  test.skip(!PYTHON_WITH_NUMPY, 'needs numpy for the independent computation');

  test('a region in the link selects exactly the digits numpy puts inside it, with the filters, in the grid and the status', async ({ page }) => {
    const region = { x0: -500, y0: -300.5, x1: 250.2, y1: 400 };
    expect(edgeMargin(region)).toBeGreaterThan(1e-6);
    const threesAndFives = (id: number) => id >= TRAIN && (labels[id] === 3 || labels[id] === 5);
    const expected = inside(region, threesAndFives);
    expect(expected.length).toBeGreaterThan(20);
    await openPlanted(page, 'split=test&digits=3,5&region=-500,-300.5,250.2,400&seed=1');
    await expect(status(page)).toHaveText(shownOf(expected.length), { timeout: 45_000 });
    const cells = grid(page).getByRole('gridcell');
    await expect(cells.first()).toHaveAttribute('aria-label', plantedName(expected[0]!));
    const shown = await cells.evaluateAll((els) => els.slice(0, 8).map((e) => e.getAttribute('aria-label')));
    expect(shown).toEqual(expected.slice(0, shown.length).map(plantedName));
    // The region says so beside the filters, with the way out.
    await page.getByRole('button', { name: 'Clear region' }).click();
    await expect(status(page)).toHaveText(shownOf(inside({ x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 }, threesAndFives).length));
    await expect(page).not.toHaveURL(/region=/);
  });

  test('the map states its components’ share of variance as numpy computes it; the legend is the digit filter; a drawn rectangle becomes the region', async ({ page }) => {
    const [x, y] = numpyMap().shares;
    await openPlanted(page, 'view=map&layout=pca&seed=1');
    await expect(view(page, 'Map')).toHaveAttribute('aria-selected', 'true');
    await waitForMap(page);
    await expect(page.getByText(`Principal component 1 (x, ${x} % of the pixels’ variance) against component 2 (y, ${y} %)`)).toBeVisible();

    const legend = page.getByRole('group', { name: 'Map legend' });
    await expect(legend.getByRole('button')).toHaveCount(10);
    await legend.getByRole('button', { name: 'Label 1' }).click();
    await expect(legend.getByRole('button', { name: 'Label 1' })).toHaveAttribute('aria-pressed', 'false');
    const withoutOnes = labels.length - labels.filter((l) => l === 1).length;
    await expect(status(page)).toHaveText(shownOf(withoutOnes));
    await expect(page.getByRole('group', { name: 'Digit filter' }).getByRole('button', { name: '1', exact: true })).toHaveAttribute('aria-pressed', 'false');

    const canvas = mapOf(page, PLANTED_TOTAL);
    const box = (await canvas.boundingBox())!;
    await page.getByRole('button', { name: 'Select a rectangle' }).click();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.6, { steps: 6 });
    await page.mouse.up();
    await expect(page).toHaveURL(/region=/);
    await expect(page).toHaveURL(/layout=pca/);
    const [x0, y0, x1, y1] = new URL(page.url()).searchParams.get('region')!.split(',').map(Number) as [number, number, number, number];
    const region = { x0, y0, x1, y1 };
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
    const expected = inside(region, (id) => labels[id] !== 1);
    expect(expected.length).toBeGreaterThan(0);
    // A digit within 1e-6 of an edge could fall either way between two correct computations.
    if (edgeMargin(region) > 1e-6) await expect(status(page)).toHaveText(shownOf(expected.length));
    await page.getByRole('button', { name: `Show these ${expected.length.toLocaleString('en-US')} digits in the grid` }).click();
    await expect(view(page, 'Digits')).toHaveAttribute('aria-selected', 'true');
    await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', plantedName(expected[0]!));
  });
});

test('hovering a point names its digit, clicking it opens that digit', async ({ page }) => {
  await openPlanted(page, 'view=map&layout=pca&seed=1');
  await waitForMap(page);
  // The points alone: a representative digit's frame is painted too, and no point lies under it.
  await page.getByRole('checkbox', { name: 'Pictures' }).uncheck();
  const canvas = mapOf(page, PLANTED_TOTAL);
  // A painted point near the middle, read off the canvas: some digit is drawn there, so one is under the pointer.
  const point = await canvas.evaluate((el: HTMLCanvasElement) =>
    new Promise<{ x: number; y: number } | null>((resolve) =>
      // After the frame that paints the points.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const { data, width, height } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
          const at = (x: number, y: number) => (y * width + x) * 4;
          const background = data.slice(at(0, 0), at(0, 0) + 4).join();
          let best: { x: number; y: number; d: number } | null = null;
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              if (data.slice(at(x, y), at(x, y) + 4).join() === background) continue;
              const d = (x - width * 0.45) ** 2 + (y - height * 0.5) ** 2;
              if (!best || d < best.d) best = { x, y, d };
            }
          }
          const scale = el.width / el.getBoundingClientRect().width;
          resolve(best && { x: (best.x + 0.5) / scale, y: (best.y + 0.5) / scale });
        }),
      ),
    ),
  );
  expect(point).not.toBeNull();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + point!.x, box.y + point!.y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveText(/^(train|test) #\d+, label \d$/);
  const name = (await tooltip.textContent())!;
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByRole('dialog', { name })).toBeVisible();
});

test('the map is kept with the decoded copy: a reload reads it back; a damaged kept file is computed again', async ({ page }) => {
  const marked = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 45_000 });
  const caption = page.locator('.map-caption');
  await openPlanted(page, 'view=map&layout=pca&seed=1');
  await expect(caption).toContainText('Computed in', { timeout: 45_000 });
  const shares = (await caption.textContent())!.replace(/ (Computed|Kept).*$/, '');
  await marked('mnist-map-kept');
  await marked('mnist-cached');
  await page.reload();
  await expect(caption).toContainText('Kept with the decoded copy');
  await expect(caption).toContainText(shares);

  await damageKeptFiles(page, 'map-');
  await page.reload();
  await expect(caption).toContainText('Computed in', { timeout: 45_000 });
});
