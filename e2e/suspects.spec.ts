// Suspect labels by the neighbours' vote (link `sort=neighbours`; `sort=suspect` shows the same
// until the classifier is trained), read from the grid's cells in order and from the Statistics
// view's list, against numpy computing them itself: PCA of all digits (np.cov +
// eigh), the exact 10 nearest of all on 50 components, the same scores. On the planted set
// (2,500 bundled digits, helpers/planted.ts) so each test stays well inside its minute on a busy
// machine; the unit test (src/data/analysis/suspects.test.ts) checks the same against numpy on all 70,000.
import { spawn } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { notebookPrelude, NUMPY_ENV, PYTHON_WITH_NUMPY } from '../src/testing/numpy';
import { damageKeptFiles } from './helpers/kept';
import { grid, view } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData, plantedDir } from './helpers/planted';
import { openPlanted as openPlantedSet } from './helpers/plantedPage';

const TRAIN = PLANTED.train;
const { labels } = plantedData();
const nameOf = (id: number) => (id < TRAIN ? `train #${id}` : `test #${id - TRAIN}`) + `, label ${labels[id]}`;

/** Opens the planted set with `params`; the status may say the suspects are being computed. */
async function openPlanted(page: Page, params: string): Promise<void> {
  await openPlantedSet(page, `${params}&seed=1`, new RegExp(`^(Showing \\d+ of ${PLANTED_TOTAL} digits|Computing)`));
}

interface Suspect {
  id: number;
  disagree: number;
  voted: number;
}

/** numpy's 30 most suspect test digits of the planted set (started at once; it runs while the browser computes). */
function numpySuspects(): Promise<Suspect[]> {
  const code = `${notebookPrelude(plantedDir())}
import json
X = np.concatenate([X_train, X_test]).astype(np.float64)
y = np.concatenate([y_train, y_test])
w, V = np.linalg.eigh(np.cov(X, rowvar=False))
V = V[:, np.argsort(-w, kind="stable")[:50]]
V = V * np.where(V[np.abs(V).argmax(axis=0), np.arange(50)] < 0, -1.0, 1.0)
Y = (X - X.mean(axis=0)) @ V
sq = (Y ** 2).sum(axis=1)
first = len(X_train)
rows = []
for start in range(first, len(Y), 1000):
    q = np.arange(start, min(start + 1000, len(Y)))
    d2 = sq[q][:, None] + sq[None, :] - 2 * Y[q] @ Y.T
    d2[np.arange(len(q)), q] = np.inf
    cand = np.argpartition(d2, 40, axis=1)[:, :40]
    exact = ((Y[q][:, None, :] - Y[cand]) ** 2).sum(axis=-1)
    for r in range(len(q)):
        best = np.lexsort((cand[r], exact[r]))[:10]
        nb, dist = cand[r][best], np.sqrt(exact[r][best])
        other = y[nb] != y[q[r]]
        wt = 1 / (1 + dist)
        counts = np.bincount(y[nb], minlength=256)
        weights = np.bincount(y[nb], weights=wt, minlength=256)
        voted = max(range(256), key=lambda l: (counts[l], weights[l], -l))
        rows.append((int(q[r]), int(other.sum()), float((wt * other).sum() / wt.sum()), int(counts[voted]), sum(float(d) for d in dist) / 10, voted))
rows.sort(key=lambda t: (-t[1], -t[2], -t[3], t[4], t[0]))
print(json.dumps([dict(id=t[0], disagree=t[1], voted=t[5]) for t in rows[:30]]))
`;
  return new Promise((resolve, reject) => {
    const python = spawn(PYTHON_WITH_NUMPY!, ['-c', code], { env: NUMPY_ENV });
    let out = '';
    let err = '';
    python.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    python.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    python.on('close', (status) => (status === 0 ? resolve(JSON.parse(out) as Suspect[]) : reject(new Error(err))));
  });
}

test.describe('suspect labels', () => {
  test.skip(!PYTHON_WITH_NUMPY, 'needs numpy for the independent computation');

  test('sort=neighbours on the test split: the grid most suspect first, as numpy ranks them; the Statistics list and the detail agree', async ({ page }) => {
    test.setTimeout(60_000);
    const expected = numpySuspects();
    await openPlanted(page, 'split=test&sort=neighbours');
    const want = await expected;
    const cells = grid(page).getByRole('gridcell');
    await expect(cells.first()).toHaveAttribute('aria-label', nameOf(want[0]!.id), { timeout: 45_000 });
    await expect(page.getByRole('progressbar', { name: 'Finding suspect labels' })).toHaveCount(0);
    const shown = await cells.evaluateAll((els) => els.slice(0, 30).map((e) => e.getAttribute('aria-label')));
    expect(shown).toEqual(want.slice(0, shown.length).map((s) => nameOf(s.id)));

    await view(page, 'Statistics').click();
    const list = page.getByRole('list', { name: 'Suspect labels' });
    await expect(list.getByRole('button')).toHaveCount(20);
    const named = await list.getByRole('button').evaluateAll((els) => els.slice(0, 10).map((e) => e.textContent));
    expect(named).toEqual(want.slice(0, 10).map((s) => `${nameOf(s.id)}, neighbours say ${s.voted} (${s.disagree} of 10 disagree)`));
    await list.getByRole('button').first().click();
    const dialog = page.getByRole('dialog', { name: nameOf(want[0]!.id) });
    await expect(dialog).toBeVisible();
    // The detail says it too.
    await expect(dialog.getByText(`${want[0]!.voted} (${want[0]!.disagree} of 10 nearest disagree with the label)`)).toBeVisible();
  });

  test('Cancel stops the work and leaves the grid in file order, with a way to ask again', async ({ page }) => {
    await page.goto('/?sort=neighbours&seed=1');
    const progress = page.getByRole('progressbar', { name: 'Finding suspect labels' });
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Find suspect labels' })).toBeVisible();
    await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', nameOf(0));
    // Scrolling the grid still works while nothing is computed.
    await expect(page).toHaveURL(/sort=neighbours/);
  });

  test('they are kept with the decoded copy: a reload reads them back; a damaged kept file is computed again', async ({ page }) => {
    test.setTimeout(60_000);
    const marked = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 45_000 });
    const first = grid(page).getByRole('gridcell').first();
    await openPlanted(page, 'split=test&sort=neighbours');
    await marked('mnist-suspects');
    const name = await first.getAttribute('aria-label');
    await marked('mnist-suspects-kept');
    await marked('mnist-cached');

    await page.reload();
    const detail = await page.waitForFunction(() => (performance.getEntriesByName('mnist-suspects')[0] as PerformanceMark | undefined)?.detail as { kept: boolean } | undefined);
    expect((await detail.jsonValue())!.kept).toBe(true);
    await expect(first).toHaveAttribute('aria-label', name!);

    // One bit of the kept table changes on disk: it is not believed, and the work starts again.
    await damageKeptFiles(page, 'neighbours-');
    await page.reload();
    const again = await page.waitForFunction(() => (performance.getEntriesByName('mnist-suspects')[0] as PerformanceMark | undefined)?.detail as { kept: boolean } | undefined);
    expect((await again.jsonValue())!.kept).toBe(false);
    await expect(first).toHaveAttribute('aria-label', name!);
  });
});
