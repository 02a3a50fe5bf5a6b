// The classifier of all of MNIST on a first visit to the Model view (its own context, so nothing
// else shares the cores): features, the first model (train split → test probabilities), the
// folds (every train digit's out-of-sample probabilities); then a reload reads both back. The
// probabilities are saved the way a visitor saves them and the figures computed by numpy from
// the file alone. One run: it takes minutes.
import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';
import { MODEL_BACKEND } from '../../../src/data/analysis/trainedModel';
import type { DataSet } from '../data/dataSets';
import { newContext } from './browser';
import { markDetails, waitForMarkIfAny } from './marks';

interface ModelMark {
  ms: number;
  kept: boolean;
  featuresMs: number;
  trainingMs: number;
  accuracy: number | null;
}

interface FoldsMark {
  ms: number;
  kept: boolean;
}

interface SplitFigures {
  count: number;
  accuracy: number | null;
  argmaxMatchesExport: boolean;
  ece: number | null;
  issues: number;
}

export interface ClassifierInBrowser {
  readonly backend: string;
  /** Asked → the first model's test probabilities (ms), and its parts. */
  readonly firstModelMs: number;
  readonly featuresMs: number;
  readonly trainingMs: number;
  /** Asked → every digit's out-of-sample probabilities (the folds done), ms. */
  readonly allMs: number;
  /** Both read back from the kept copies on a reload (ms, the larger of the two). */
  readonly keptMs: number;
  /** The app's own test accuracy (its mark). */
  readonly appAccuracy: number | null;
  /** Drawing pad: a stroke's end → the model's answer (ms), median and largest of its strokes. */
  readonly drawing: { readonly medianMs: number; readonly maxMs: number; readonly strokes: number };
  /** numpy, from the saved probabilities; null without numpy. */
  readonly figures: { readonly test: SplitFigures; readonly train: SplitFigures } | null;
}

function numpyFigures(csv: string): ClassifierInBrowser['figures'] {
  const script = fileURLToPath(new URL('../references/python/classifier_figures.py', import.meta.url));
  const result = spawnSync('python3', [script, csv], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  return result.status === 0 ? (JSON.parse(result.stdout) as ClassifierInBrowser['figures']) : null;
}

/** Draws a 7 on the Draw view's pad, stroke by stroke (trusted mouse input), and reads each stroke's prediction time. */
async function drawStrokes(page: Page): Promise<ClassifierInBrowser['drawing']> {
  await page.getByRole('tab', { name: 'Draw', exact: true }).click();
  const pad = page.getByLabel('Drawing pad');
  await pad.waitFor();
  const box = (await pad.boundingBox())!;
  const at = (x: number, y: number) => ({ x: box.x + x * box.width, y: box.y + y * box.height });
  // A 7 and a few strokes more, each ending with a prediction: top bar, stem, a crossbar, then again after Clear.
  const strokes: [number, number][][] = [
    [[0.25, 0.2], [0.75, 0.2]],
    [[0.75, 0.2], [0.45, 0.85]],
    [[0.4, 0.5], [0.7, 0.5]],
  ];
  let drawn = 0;
  for (let round = 0; round < 3; round++) {
    for (const stroke of strokes) {
      const [from, to] = [at(...stroke[0]!), at(...stroke[1]!)];
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let step = 1; step <= 12; step++) await page.mouse.move(from.x + ((to.x - from.x) * step) / 12, from.y + ((to.y - from.y) * step) / 12);
      await page.mouse.up();
      drawn++;
      await page.waitForFunction((n) => performance.getEntriesByName('mnist-drawing-predicted').length >= n, drawn, { timeout: 30_000 });
    }
    await page.getByRole('button', { name: 'Clear' }).click();
  }
  const times = await page.evaluate(() => performance.getEntriesByName('mnist-drawing-predicted').map((e) => ((e as PerformanceMark).detail as { ms: number }).ms));
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, maxMs: sorted.at(-1) ?? NaN, strokes: times.length };
}

export async function benchClassifier(browser: Browser, set: DataSet): Promise<ClassifierInBrowser> {
  const context = await newContext(browser, set);
  const page = await context.newPage();
  const link = new URL(set.link);
  link.searchParams.set('view', 'model');
  await page.goto(link.href);
  const [model] = await markDetails<ModelMark>(page, PERF_MARKS.classifier, { timeout: 600_000, polling: 500 });
  const [folds] = await markDetails<FoldsMark>(page, PERF_MARKS.classifierFolds, { timeout: 900_000, polling: 500 });
  await waitForMarkIfAny(page, PERF_MARKS.classifierKept);
  await waitForMarkIfAny(page, PERF_MARKS.classifierFoldsKept);
  const dir = mkdtempSync(join(tmpdir(), 'mnist-bench-model-'));
  const csv = join(dir, 'probabilities.csv');
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Save probabilities' }).click();
  await (await downloading).saveAs(csv);
  await page.reload();
  const [again] = await markDetails<ModelMark>(page, PERF_MARKS.classifier, { timeout: 120_000 });
  const [foldsAgain] = await markDetails<FoldsMark>(page, PERF_MARKS.classifierFolds, { timeout: 120_000 });
  const drawing = await drawStrokes(page);
  await context.close();
  return {
    backend: MODEL_BACKEND,
    firstModelMs: model!.ms,
    featuresMs: model!.featuresMs,
    trainingMs: model!.trainingMs,
    allMs: folds!.ms,
    keptMs: again!.kept && foldsAgain!.kept ? Math.max(again!.ms, foldsAgain!.ms) : NaN,
    appAccuracy: model!.accuracy,
    drawing,
    figures: numpyFigures(csv),
  };
}
