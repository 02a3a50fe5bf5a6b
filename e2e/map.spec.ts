// The map (link `view=map`) and its region, checked against numpy: the first two principal
// components of the bundled digits computed by `np.cov` + `np.linalg.eigh` (signs fixed the
// scikit-learn way), and the digits inside a region counted from them here.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { notebookPrelude, PYTHON_WITH_NUMPY, runPython } from '../src/testing/numpy';
import { BUNDLED_DIR, bundledPayload } from './helpers/bundled';
import { damageKeptFiles } from './helpers/kept';
import { grid, status, view } from './helpers/explorer';

const TRAIN = 60_000;
const labels = Buffer.concat([bundledPayload('train-labels-idx1-ubyte.gz', 8), bundledPayload('t10k-labels-idx1-ubyte.gz', 8)]);
const nameOf = (id: number) => (id < TRAIN ? `train #${id}` : `test #${id - TRAIN}`) + `, label ${labels[id]}`;

let coordinates: Float64Array | null = null;
/** numpy's map coordinates of every bundled digit (x, y per digit), computed once per worker. */
function numpyCoordinates(): Float64Array {
  if (coordinates) return coordinates;
  const out = join(mkdtempSync(join(tmpdir(), 'mnist-map-')), 'coordinates');
  runPython(
    PYTHON_WITH_NUMPY!,
    `${notebookPrelude(BUNDLED_DIR)}
X = np.concatenate([X_train, X_test]).astype(np.float64)
w, V = np.linalg.eigh(np.cov(X, rowvar=False))
V = V[:, np.argsort(-w, kind="stable")[:2]]
V = V * np.where(V[np.abs(V).argmax(axis=0), np.arange(2)] < 0, -1.0, 1.0)
((X - X.mean(axis=0)) @ V).tofile(${JSON.stringify(out)})
`,
  );
  const bytes = readFileSync(out);
  coordinates = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return coordinates;
}

interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Ids in file order inside `region` (edges included) that pass `keep`. */
function inside(region: Region, keep: (id: number) => boolean = () => true): number[] {
  const c = numpyCoordinates();
  const ids: number[] = [];
  for (let id = 0; id < labels.length; id++) {
    const [x, y] = [c[id * 2]!, c[id * 2 + 1]!];
    if (x >= region.x0 && x <= region.x1 && y >= region.y0 && y <= region.y1 && keep(id)) ids.push(id);
  }
  return ids;
}

/** How near any digit comes to the region's edges: the app's coordinates differ from numpy's by ~1e-10. */
function edgeMargin(region: Region): number {
  const c = numpyCoordinates();
  let margin = Infinity;
  for (let i = 0; i < c.length; i += 2) {
    for (const edge of [region.x0, region.x1]) margin = Math.min(margin, Math.abs(c[i]! - edge));
    for (const edge of [region.y0, region.y1]) margin = Math.min(margin, Math.abs(c[i + 1]! - edge));
  }
  return margin;
}

async function waitForMap(page: Page): Promise<void> {
  await expect(page.getByRole('img', { name: /^Map of 70000 digits/ })).toBeVisible({ timeout: 45_000 });
}

test.describe('the map', () => {
  test.skip(!PYTHON_WITH_NUMPY, 'needs numpy for the independent computation');

  test('a region in the link selects exactly the digits numpy puts inside it, with the filters, in the grid and the status', async ({ page }) => {
    test.setTimeout(60_000);
    const region = { x0: -500, y0: -300.5, x1: 250.2, y1: 400 };
    expect(edgeMargin(region)).toBeGreaterThan(1e-6);
    const expected = inside(region, (id) => id >= TRAIN && (labels[id] === 3 || labels[id] === 5));
    expect(expected.length).toBeGreaterThan(20);
    await page.goto('/?split=test&digits=3,5&region=-500,-300.5,250.2,400&seed=1');
    await expect(status(page)).toHaveText(`Showing ${expected.length} of 70000 digits`, { timeout: 45_000 });
    const cells = grid(page).getByRole('gridcell');
    await expect(cells.first()).toHaveAttribute('aria-label', nameOf(expected[0]!));
    const shown = await cells.evaluateAll((els) => els.slice(0, 8).map((e) => e.getAttribute('aria-label')));
    expect(shown).toEqual(expected.slice(0, shown.length).map(nameOf));
    // The region says so beside the filters, with the way out.
    await page.getByRole('button', { name: 'Clear region' }).click();
    await expect(status(page)).toHaveText(`Showing ${inside({ x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 }, (id) => id >= TRAIN && (labels[id] === 3 || labels[id] === 5)).length} of 70000 digits`);
    await expect(page).not.toHaveURL(/region=/);
  });

  test('the map states its components’ share of variance; the legend is the digit filter; a drawn rectangle becomes the region', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/?view=map&seed=1');
    await expect(view(page, 'Map')).toHaveAttribute('aria-selected', 'true');
    await waitForMap(page);
    await expect(page.getByText(/Principal component 1 \(x, 9\.7 % of the pixels’ variance\) against component 2 \(y, 7\.\d %\)/)).toBeVisible();

    const legend = page.getByRole('group', { name: 'Map legend' });
    await expect(legend.getByRole('button')).toHaveCount(10);
    await legend.getByRole('button', { name: 'Label 1' }).click();
    await expect(legend.getByRole('button', { name: 'Label 1' })).toHaveAttribute('aria-pressed', 'false');
    const withoutOnes = labels.length - labels.filter((l) => l === 1).length;
    await expect(status(page)).toHaveText(`Showing ${withoutOnes} of 70000 digits`);
    await expect(page.getByRole('group', { name: 'Digit filter' }).getByRole('button', { name: '1', exact: true })).toHaveAttribute('aria-pressed', 'false');

    const canvas = page.getByRole('img', { name: /^Map of 70000 digits/ });
    const box = (await canvas.boundingBox())!;
    await page.getByRole('button', { name: 'Select a rectangle' }).click();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.6, { steps: 6 });
    await page.mouse.up();
    await expect(page).toHaveURL(/region=/);
    const [x0, y0, x1, y1] = new URL(page.url()).searchParams.get('region')!.split(',').map(Number) as [number, number, number, number];
    const region = { x0, y0, x1, y1 };
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
    const expected = inside(region, (id) => labels[id] !== 1);
    // A digit within 1e-6 of an edge could fall either way between two correct computations.
    if (edgeMargin(region) > 1e-6) await expect(status(page)).toHaveText(`Showing ${expected.length} of 70000 digits`);
    await page.getByRole('button', { name: `Show these ${expected.length.toLocaleString('en-US')} digits in the grid` }).click();
    await expect(view(page, 'Digits')).toHaveAttribute('aria-selected', 'true');
    await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', nameOf(expected[0]!));
  });

  test('hovering a point names its digit, clicking it opens that digit', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/?view=map&seed=1');
    await waitForMap(page);
    const canvas = page.getByRole('img', { name: /^Map of 70000 digits/ });
    const box = (await canvas.boundingBox())!;
    // The middle of the map is crowded: some digit is always under the pointer there.
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toHaveText(/^(train|test) #\d+, label \d$/);
    const name = (await tooltip.textContent())!;
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.getByRole('dialog', { name })).toBeVisible();
  });

  test('the map is kept with the decoded copy: a reload reads it back; a damaged kept file is computed again', async ({ page }) => {
    test.setTimeout(60_000);
    const marked = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 45_000 });
    const caption = page.locator('.map-caption');
    await page.goto('/?view=map&seed=1');
    await expect(caption).toContainText('Computed in', { timeout: 45_000 });
    await marked('mnist-map-kept');
    await marked('mnist-cached');
    await page.reload();
    await expect(caption).toContainText('Kept with the decoded copy');
    await expect(page.getByText(/Principal component 1 \(x, 9\.7 % of the pixels’ variance\)/)).toBeVisible();

    await damageKeptFiles(page, 'map-');
    await page.reload();
    await expect(caption).toContainText('Computed in', { timeout: 45_000 });
  });
});
