// Suspect labels of all of MNIST on a first visit (test split first, then train, two workers),
// then on a reload (read back from the kept copy). One run: it takes a minute.
import type { Browser } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';
import type { DataSet } from '../data/dataSets';
import { newContext } from './browser';
import { markDetails, waitForMark, waitForMarkIfAny } from './marks';

/** One split's mark: worker time from asking to scored, and its PCA / search parts. */
interface SplitSuspects {
  ms: number;
  componentsMs: number;
  searchMs: number;
}

export interface SuspectsInBrowser {
  readonly test: SplitSuspects;
  readonly train: SplitSuspects;
  /** Both splits read back from the kept copy on a reload. */
  readonly keptMs: number;
}

type SuspectsMark = SplitSuspects & { split: string; kept: boolean };

export async function benchSuspects(browser: Browser, set: DataSet): Promise<SuspectsInBrowser> {
  const context = await newContext(browser, set);
  const page = await context.newPage();
  const link = new URL(set.link);
  link.searchParams.set('sort', 'suspect');
  await page.goto(link.href);
  const bothSplits = () => markDetails<SuspectsMark>(page, PERF_MARKS.suspects, { count: 2, timeout: 600_000, polling: 500 });
  const first = await bothSplits();
  await waitForMark(page, PERF_MARKS.suspectsKept, 60_000, 2);
  await waitForMarkIfAny(page, PERF_MARKS.keptCopyWritten);
  await page.reload();
  const again = await bothSplits();
  await context.close();
  const of = (list: SuspectsMark[], split: string) => list.find((m) => m.split === split)!;
  return { test: of(first, 'test'), train: of(first, 'train'), keptMs: again.filter((m) => m.kept).reduce((n, m) => n + m.ms, 0) };
}
