// The classifier where the grid uses it, on the planted set (2,500 real digits, helpers/planted.ts,
// trained in seconds): the probabilities the Model view saves are read here and every order and
// filter recomputed from them by this file's own arithmetic (not the app's) — sort=hard,
// sort=mistaken, sort=suspect by confident learning (cleanlab's rule, per split), predicted=
// with digits= and split= — and compared with the grid's cells in order, the status line and the
// detail view's top three.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { grid, status, view } from './helpers/explorer';
import { PLANTED, PLANTED_TOTAL, plantedData } from './helpers/planted';
import { openPlanted, PLANTED_SOURCE } from './helpers/plantedPage';

const TRAIN = PLANTED.train;
const { labels } = plantedData();
const nameOf = (id: number) => (id < TRAIN ? `train #${id}` : `test #${id - TRAIN}`) + `, label ${labels[id]}`;
const CLASSES = 10;

interface Saved {
  readonly p: Float64Array;
  readonly predicted: number[];
}

/** Trains on the planted set (the Model view) and reads back its Save probabilities file. */
async function trainedProbabilities(page: Page, params = ''): Promise<Saved> {
  await openPlanted(page, `view=model&seed=1${params}`);
  const save = page.getByRole('button', { name: 'Save probabilities' });
  await expect(save).toBeEnabled({ timeout: 50_000 });
  const downloading = page.waitForEvent('download');
  await save.click();
  const csv = readFileSync(await (await downloading).path(), 'utf8').trimEnd().split('\n');
  expect(csv[0]).toBe(`split,index,label,predicted,${Array.from({ length: CLASSES }, (_, j) => `p${j}`).join(',')}`);
  const p = new Float64Array(PLANTED_TOTAL * CLASSES);
  const predicted: number[] = [];
  csv.slice(1).forEach((line, id) => {
    const cells = line.split(',');
    expect(cells.slice(0, 3)).toEqual([id < TRAIN ? 'train' : 'test', String(id < TRAIN ? id : id - TRAIN), String(labels[id])]);
    predicted.push(Number(cells[3]));
    cells.slice(4).forEach((v, j) => (p[id * CLASSES + j] = Number(v)));
  });
  expect(predicted).toHaveLength(PLANTED_TOTAL);
  return { p, predicted };
}

const row = (s: Saved, id: number) => Array.from(s.p.subarray(id * CLASSES, (id + 1) * CLASSES));
const argmax = (v: number[]) => v.reduce((best, x, j) => (x > v[best]! ? j : best), 0);
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function hardOrder(s: Saved, chosen: number[]): number[] {
  const h = (id: number) => -row(s, id).reduce((a, p) => (p > 0 ? a + p * Math.log(p) : a), 0);
  return [...chosen].sort((a, b) => h(b) - h(a) || a - b);
}

function mistakenOrder(s: Saved, chosen: number[]): number[] {
  const key = (id: number) => {
    const r = row(s, id);
    const best = argmax(r);
    return best !== labels[id] ? [0, -r[best]!] : [1, r[labels[id]]!];
  };
  return [...chosen].sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]! || a - b);
}

/** cleanlab's confident learning on one split's digits: the issues, and each digit's self-confidence. */
function issuesOf(s: Saved, split: number[]): Set<number> {
  const thresholds = Array.from({ length: CLASSES }, (_, c) => {
    const own = split.filter((id) => labels[id] === c);
    return own.length ? own.reduce((a, id) => a + row(s, id)[c]!, 0) / own.length : NaN;
  });
  const issues = new Set<number>();
  for (const id of split) {
    const r = row(s, id);
    const ok = r.map((p, c) => p >= thresholds[c]! - 1e-6);
    const n = ok.filter(Boolean).length;
    if (n === 0) continue;
    const guess = n > 1 ? argmax(r) : ok.indexOf(true);
    if (guess !== labels[id]) issues.add(id);
  }
  return issues;
}

function suspectOrder(s: Saved, chosen: number[]): number[] {
  const issues = new Set([...issuesOf(s, ids(0, TRAIN)), ...issuesOf(s, ids(TRAIN, PLANTED_TOTAL))]);
  const self = (id: number) => row(s, id)[labels[id]!]!;
  return [...chosen].sort((a, b) => Number(issues.has(b)) - Number(issues.has(a)) || self(a) - self(b) || a - b);
}

async function firstCells(page: Page, n: number): Promise<string[]> {
  const cells = grid(page).getByRole('gridcell');
  await expect(cells.first()).toBeVisible();
  return cells.evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute('aria-label') ?? ''), n);
}

async function chooseSort(page: Page, name: string, expected: number[]): Promise<void> {
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: name });
  await expect(grid(page).getByRole('gridcell').first()).toHaveAttribute('aria-label', nameOf(expected[0]!));
  expect(await firstCells(page, 30)).toEqual(expected.slice(0, 30).map(nameOf));
}

test.describe('the classifier in the grid', () => {
  test('the hard, mistaken and suspect orders are the saved probabilities’ own; the detail states the top three', async ({ page }) => {
    test.setTimeout(60_000);
    const saved = await trainedProbabilities(page);
    // The export's predicted column is the argmax of its probabilities.
    expect(saved.predicted).toEqual(ids(0, PLANTED_TOTAL).map((id) => argmax(row(saved, id))));
    await view(page, 'Digits').click();
    const all = ids(0, PLANTED_TOTAL);
    await chooseSort(page, 'Hardest for the model first', hardOrder(saved, all));
    await chooseSort(page, 'Most mistaken first', mistakenOrder(saved, all));
    await chooseSort(page, 'Most suspect label first', suspectOrder(saved, all));
    await expect(page).toHaveURL(/sort=suspect/);
    const first = suspectOrder(saved, all)[0]!;
    await grid(page).getByRole('gridcell').first().click();
    const top = row(saved, first)
      .map((p, c) => ({ c, p }))
      .sort((a, b) => b.p - a.p || a.c - b.c);
    const dialog = page.getByRole('dialog', { name: nameOf(first) });
    await expect(dialog.getByText(new RegExp(`^${top[0]!.c} \\(\\d+(\\.\\d)? %\\); then ${top[1]!.c} \\(`))).toBeVisible();
  });

  test('predicted= with digits= and split= shows the digits the model reads so, as the saved file counts them; a reload reads the model back', async ({ page }) => {
    test.setTimeout(60_000);
    const saved = await trainedProbabilities(page);
    // The commonest confusion of the test split, so the selection is not empty.
    const pairs = new Map<string, number>();
    for (const id of ids(TRAIN, PLANTED_TOTAL)) if (saved.predicted[id] !== labels[id]) pairs.set(`${labels[id]}-${saved.predicted[id]}`, (pairs.get(`${labels[id]}-${saved.predicted[id]}`) ?? 0) + 1);
    const [pair] = [...pairs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const [label, predicted] = pair![0].split('-').map(Number);
    const want = ids(TRAIN, PLANTED_TOTAL).filter((id) => labels[id] === label && saved.predicted[id] === predicted);
    // The same tab: the planted server was chosen once (kept for the tab), so the link loads without asking.
    await page.goto(`/?${PLANTED_SOURCE}&split=test&digits=${label}&predicted=${predicted}&seed=1`);
    await expect(status(page)).toHaveText(`Showing ${want.length} of ${PLANTED_TOTAL} digits`);
    expect(await firstCells(page, want.length)).toEqual(want.map(nameOf));
    const mark = await page.waitForFunction(() => (performance.getEntriesByName('mnist-classifier')[0] as PerformanceMark | undefined)?.detail as { kept: boolean } | undefined);
    expect((await mark.jsonValue())!.kept).toBe(true);
  });
});
