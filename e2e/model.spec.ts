// The Model view on the planted set (2,500 real digits, helpers/planted.ts): the classifier
// trains in seconds; every figure the page shows — the accuracies, precision and recall per
// class, the confusion matrix cell by cell, the label issues, the times — is recomputed here
// from what the page hands out (the saved probabilities, read by numpy, and its User Timing
// marks), never from the app's own code. A count of the matrix opens its digits in the grid; a
// reload reads the model back; Cancel stops the training and Retry trains again.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { renderedCellLabels, status, view } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData, plantedName } from './helpers/planted';
import { openPlanted } from './helpers/plantedPage';
import { PYTHON_WITH_NUMPY, runPython } from '../src/testing/numpy';

const CLASSES = 10;
const SPLITS = ['test', 'train'] as const;
type Split = (typeof SPLITS)[number];

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save probabilities' });
const matrix = (page: Page, split: Split) => page.getByRole('table', { name: `Confusion matrix of the ${split} split: label (rows) × predicted (columns)` });
const report = (page: Page, split: Split) => page.getByRole('table', { name: `Precision and recall per class, ${split} split` });
const accuracyLines = (page: Page) => page.locator('.model-accuracy');
const marked = (page: Page, name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 50_000 });
const markDetail = (page: Page, name: string) =>
  page.evaluate((n) => (performance.getEntriesByName(n).at(-1) as PerformanceMark | undefined)?.detail as Record<string, number | boolean> | undefined, name);

/** Downloads Save probabilities: the CSV text. */
async function saveProbabilities(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await saveButton(page).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mnist-probabilities.csv');
  return readFileSync(await download.path(), 'utf8');
}

/** What numpy makes of the CSV, per split: every figure the Model view states, in its words. */
interface SplitFigures {
  readonly predictedIsArgmax: boolean;
  readonly correct: number;
  readonly count: number;
  readonly accuracy: string;
  /** label × predicted */
  readonly confusion: number[][];
  /** Per class: name, precision, recall, support as the table words them. */
  readonly report: string[][];
  readonly issues: number;
  readonly issuesShare: string;
}

/**
 * numpy on the saved file alone: the argmax of each row (first of equal ones), accuracy,
 * the confusion matrix, precision and recall from it, and confident learning's issues by
 * cleanlab's rule (each split on its own) with every issue's global id, lowest self-confidence
 * first (ties by id); shares rounded half up from the exact fraction (Python's Fraction).
 */
function numpyFigures(csv: string): Record<Split, SplitFigures> & { suspectOrder: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-model-'));
  const path = join(dir, 'probabilities.csv');
  writeFileSync(path, csv);
  const out = runPython(
    PYTHON_WITH_NUMPY!,
    `import csv, json, numpy as np
from fractions import Fraction
from math import floor
with open(${JSON.stringify(path)}) as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
assert header == ['split', 'index', 'label', 'predicted'] + ['p%d' % j for j in range(${CLASSES})], header
split = np.array([r[0] for r in rows])
label = np.array([int(r[2]) for r in rows])
given = np.array([int(r[3]) for r in rows])
p = np.array([[float(x) for x in r[4:]] for r in rows])
def pct(n, d):
    t = floor(Fraction(1000 * n, d) + Fraction(1, 2))
    return f"{t // 10:,}.{t % 10} %"
def share(n, d, none):
    return f"{pct(n, d)} ({n:,} of {d:,})" if d else f"— ({none})"
out = {}
ranked = []
for s in ('test', 'train'):
    m = split == s
    y, P = label[m], p[m]
    a = P.argmax(axis=1)
    C = np.zeros((${CLASSES}, ${CLASSES}), dtype=np.int64)
    np.add.at(C, (y, a), 1)
    report = []
    for k in range(${CLASSES}):
        hit, col, row = int(C[k, k]), int(C[:, k].sum()), int(C[k, :].sum())
        report.append([str(k), share(hit, col, 'none predicted as %d' % k), share(hit, row, 'none labelled %d' % k), f"{row:,}"])
    t = np.array([P[y == k, k].mean() for k in range(${CLASSES})])
    ok = P >= t - 1e-6
    n_ok = ok.sum(axis=1)
    guess = np.where(n_ok > 1, P.argmax(axis=1), ok.argmax(axis=1))
    issues = int(((n_ok > 0) & (guess != y)).sum())
    correct, count = int((a == y).sum()), int(m.sum())
    self_conf = P[np.arange(len(y)), y]
    found = np.flatnonzero((n_ok > 0) & (guess != y))
    first = 0 if s == 'train' else ${PLANTED.train}
    ranked += [(float(self_conf[i]), first + int(i)) for i in found]
    out[s] = dict(predictedIsArgmax=bool((a == given[m]).all()), correct=correct, count=count, accuracy=pct(correct, count),
                  confusion=C.tolist(), report=report, issues=issues, issuesShare=pct(issues, count))
out['suspectOrder'] = [i for _, i in sorted(ranked)]
print(json.dumps(out))
`,
  );
  return JSON.parse(out) as Record<Split, SplitFigures> & { suspectOrder: number[] };
}

/** The matrix as the page shows it: its header row, row headers and each cell's count. */
async function readMatrix(table: Locator): Promise<{ columns: string[]; rows: string[]; cells: number[][] }> {
  const columns = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody th').allTextContents();
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => Number((td.textContent ?? '').replace(/,/g, '')))));
  return { columns, rows, cells };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

test.skip(!PYTHON_WITH_NUMPY, 'needs a Python with numpy');
// One after another: each training keeps two workers busy, and two trainings at once on a
// two-core machine starve each other past the time limit.
test.describe.configure({ mode: 'default' });

test('the Model view trains the classifier; every figure it shows is what numpy recomputes from the saved probabilities', async ({ page }) => {
  // Every text said beside a progress bar, however briefly (the planted set trains in seconds).
  await page.addInitScript(() => {
    const seen = new Set<string>();
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) seen.add(`${bar.getAttribute('aria-label')}: ${bar.nextElementSibling?.textContent ?? ''}`);
      document.documentElement.dataset.progressSeen = JSON.stringify([...seen]);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openPlanted(page, 'view=model');
  await expect(view(page, 'Model')).toHaveAttribute('aria-selected', 'true');
  // Saving waits for both splits' probabilities, and says why.
  await expect(saveButton(page)).toBeDisabled();
  await expect(saveButton(page)).toHaveAccessibleDescription(/^Saving waits for the (first model|cross-validation)/);
  await expect(saveButton(page)).toBeEnabled({ timeout: 50_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const said = JSON.parse((await page.locator('html').getAttribute('data-progress-seen')) ?? '[]') as string[];
  for (const stage of [
    /^Training the classifier: Features of every digit: [\d,]+ of 2,500$/,
    /^Training the classifier: Training: epoch [0-8] of 8$/,
    /^Cross-validating the train split: Cross-validating the train split, fold models: \d+ of 40 epochs$/,
  ])
    expect(said.some((text) => stage.test(text)), `${stage} in ${said.join(' | ')}`).toBe(true);

  const csv = await saveProbabilities(page);
  const lines = csv.trimEnd().split('\n');
  expect(lines).toHaveLength(PLANTED_TOTAL + 1);
  const { labels } = plantedData();
  lines.slice(1).forEach((line, id) => {
    const [split, index, label] = line.split(',');
    expect([split, Number(index), Number(label)]).toEqual(id < PLANTED.train ? ['train', id, labels[id]] : ['test', id - PLANTED.train, labels[id]]);
  });
  const figures = numpyFigures(csv);

  for (const split of SPLITS) {
    const f = figures[split];
    // The predicted column is the argmax of the probabilities.
    expect(f.predictedIsArgmax).toBe(true);
    expect(f.count).toBe(PLANTED[split]);
    // A real classifier: far better than chance, not a copy of the labels.
    expect(f.correct / f.count).toBeGreaterThan(0.85);
  }
  const { test: t, train: tr } = figures;
  await expect(page.getByText(`Test accuracy ${t.accuracy}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`Cross-validated train accuracy ${tr.accuracy}`, { exact: true })).toBeVisible();
  await expect(accuracyLines(page)).toHaveText([
    `Test accuracy ${t.accuracy} ${t.correct} of ${t.count} test digits by the first model, trained on the train split`,
    `Cross-validated train accuracy ${tr.accuracy} ${tr.correct.toLocaleString('en-US')} of ${tr.count.toLocaleString('en-US')} train digits each by the fold model that did not see it`,
  ]);

  // The test split is shown first; the train split (cross-validated) on asking.
  const choice = page.getByRole('group', { name: 'Evaluated split' });
  await expect(choice.getByRole('radio', { name: 'Test (the first model)' })).toBeChecked();
  for (const split of SPLITS) {
    if (split === 'train') await choice.getByRole('radio', { name: 'Train (cross-validated)' }).check();
    const f = figures[split];
    const rows = await report(page, split)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent ?? '')));
    expect(rows).toEqual(f.report);
    const shown = await readMatrix(matrix(page, split));
    const names = Array.from({ length: CLASSES }, (_, k) => String(k));
    expect(shown.columns).toEqual(['label ╲ predicted', ...names]);
    expect(shown.rows).toEqual(names);
    expect(shown.cells).toEqual(f.confusion);
    // Every non-zero count is a button that says what it counts; zeros are not.
    const expectedNames = f.confusion.flatMap((row, label) =>
      row.flatMap((n, predicted) => (n > 0 ? [`${n} ${split} ${n === 1 ? 'digit' : 'digits'} labelled ${label} predicted ${predicted}`] : [])),
    );
    await expect(matrix(page, split).getByRole('button')).toHaveCount(expectedNames.length);
    expect(await matrix(page, split).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual(expectedNames);
    // The mistakes are marked apart from the diagonal.
    const misses = f.confusion.flat().filter((n, i) => n > 0 && i % (CLASSES + 1) !== 0).length;
    await expect(matrix(page, split).locator('td.confusion-miss')).toHaveCount(misses);
    await expect(matrix(page, split).locator('td.confusion-hit')).toHaveCount(f.confusion.filter((row, k) => row[k]! > 0).length);
  }

  await expect(page.getByRole('list', { name: 'Label issues per split' }).getByRole('listitem')).toHaveText([
    `test split: ${t.issues} of ${t.count} digits (${t.issuesShare})`,
    `train split: ${tr.issues} of ${tr.count.toLocaleString('en-US')} digits (${tr.issuesShare})`,
  ]);

  // The model card: its layers and settings, and the times the page measured (its marks).
  const card = page.getByRole('region', { name: 'The model' });
  await expect(card.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveText([
    'input 28 × 28 pixels, scaled to 0–1',
    /^32 fixed random 5 × 5 filters/,
    /→ 512 features, standardised$/,
    'dense 512 → 256, ReLU (trained)',
    'dense 256 → 10, softmax (trained)',
  ]);
  await expect(card).toContainText('8 epochs over the 2,000 train digits, batches of 128, Adam (learning rate 0.001), softmax cross-entropy; seed 1');
  await expect(card).toContainText('WebAssembly SIMD, two workers (hand-written matrix product)');
  const first = (await markDetail(page, 'mnist-classifier'))!;
  const folds = (await markDetail(page, 'mnist-classifier-folds'))!;
  expect(first.accuracy).toBe(t.correct / t.count);
  const [featuresMs, trainingMs] = [first.featuresMs as number, first.trainingMs as number];
  await expect(card).toContainText(`features ${seconds(featuresMs)} + training ${seconds(trainingMs)} = ${seconds(featuresMs + trainingMs)}`);
  await expect(card).toContainText(`5 stratified folds of the train split, each predicted by a model trained on the other 4 (seeds 2–6) in ${seconds(folds.ms as number)}`);
  await expect(card).not.toContainText('read back');
});

test('a count of the confusion matrix shows those digits in the grid; Back returns to the Model view', async ({ page }) => {
  await openPlanted(page, 'view=model');
  const table = matrix(page, 'test');
  await expect(table).toBeVisible({ timeout: 50_000 });
  const { cells } = await readMatrix(table);
  // The largest mistake (the first of equal ones), off the diagonal.
  let best = { n: 0, label: -1, predicted: -1 };
  cells.forEach((row, label) => row.forEach((n, predicted) => label !== predicted && n > best.n && (best = { n, label, predicted })));
  expect(best.n).toBeGreaterThan(0);
  const name = `${best.n} test ${best.n === 1 ? 'digit' : 'digits'} labelled ${best.label} predicted ${best.predicted}`;
  await table.getByRole('button', { name, exact: true }).click();

  await expect(view(page, 'Digits')).toHaveAttribute('aria-selected', 'true');
  await expect(status(page)).toHaveText(`Showing ${best.n} of ${PLANTED_TOTAL} digits`);
  const url = new URL(page.url());
  expect(url.searchParams.get('predicted')).toBe(String(best.predicted));
  expect(url.searchParams.get('digits')).toBe(String(best.label));
  expect(url.searchParams.get('split')).toBe('test');
  const cellsShown = page.getByRole('grid', { name: 'Digits' }).getByRole('gridcell');
  await expect(cellsShown).toHaveCount(best.n);
  for (const label of await cellsShown.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(label).toMatch(new RegExp(`^test #\\d+, label ${best.label}$`));

  // One step in the history: Back is the Model view again.
  await page.goBack();
  await expect(view(page, 'Model')).toHaveAttribute('aria-selected', 'true');
  await expect(matrix(page, 'test')).toBeVisible();
});

test('the classifier is kept: a reload reads it back and states the same accuracy; Show suspect labels orders the grid by its label issues', async ({ page }) => {
  await openPlanted(page, 'view=model');
  await expect(saveButton(page)).toBeEnabled({ timeout: 50_000 });
  const before = await accuracyLines(page).allTextContents();
  expect(before).toHaveLength(2);
  await marked(page, 'mnist-classifier-kept');
  await marked(page, 'mnist-classifier-folds-kept');
  await marked(page, 'mnist-cached');

  await page.reload();
  await expect(saveButton(page)).toBeEnabled({ timeout: 30_000 });
  await expect(accuracyLines(page)).toHaveText(before);
  expect((await markDetail(page, 'mnist-classifier'))?.kept).toBe(true);
  const card = page.getByRole('region', { name: 'The model' });
  await expect(card).toContainText(/— read back from the kept copy \(trained in \d+\.\d s\)/);
  await expect(card).toContainText(/\(seeds 2–6\) in \d+\.\d s, read back from the kept copy/);

  // Both splits' label issues first, most suspect first: confident learning's order, which
  // needs no neighbours' vote (nothing computes it).
  const { suspectOrder } = numpyFigures(await saveProbabilities(page));
  expect(suspectOrder.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Show suspect labels' }).click();
  await expect(view(page, 'Digits')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/sort=suspect/);
  await expect(status(page)).toHaveText(`Showing ${PLANTED_TOTAL} of ${PLANTED_TOTAL} digits`);
  const firstCells = async () => (await renderedCellLabels(page)).slice(0, suspectOrder.length);
  await expect.poll(firstCells).toEqual(suspectOrder.map(plantedName));
  await expect(page.getByRole('progressbar', { name: 'Finding suspect labels' })).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('mnist-suspects').length)).toBe(0);
});

test('Cancel stops the training and Retry trains again', async ({ page }) => {
  // The planted set trains in seconds: Cancel is pressed the moment the progress bar appears,
  // from inside the page, so the training cannot finish between two of the test's steps.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const bar = document.querySelector('progress[aria-label="Training the classifier"]');
      if (!bar || document.documentElement.dataset.cancelled) return;
      document.documentElement.dataset.cancelled = '1';
      Array.from(bar.parentElement!.querySelectorAll('button'))
        .find((b) => b.textContent === 'Cancel')!
        .click();
    }).observe(document, { subtree: true, childList: true });
  });
  await openPlanted(page, 'view=model');
  await expect(page.locator('html')).toHaveAttribute('data-cancelled', '1');
  await expect(page.getByText('The classifier was not trained.')).toBeVisible();
  const retry = page.getByRole('button', { name: 'Train the classifier' });
  await expect(retry).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Longer than the whole training takes here: nothing arrives after a cancel.
  await page.waitForTimeout(4000);
  await expect(page.getByText(/^Test accuracy/)).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('mnist-classifier').length)).toBe(0);
  await expect(saveButton(page)).toBeDisabled();

  await retry.click();
  await expect(page.getByText(/^Test accuracy \d+\.\d %$/)).toBeVisible({ timeout: 50_000 });
  expect(await page.evaluate(() => performance.getEntriesByName('mnist-classifier').length)).toBe(1);
});
