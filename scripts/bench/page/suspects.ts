// Suspect labels of all of MNIST on a first visit (test split first, then train, two workers),
// then on a reload (read back from the kept copy); then the neighbourhood map made from those
// tables. One run: it takes minutes.
import type { Browser } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';
import type { DataSet } from '../data/dataSets';
import { newContext } from './browser';
import { markDetails, waitForMark, waitForMarkIfAny } from './marks';
import { benchNeighbourhoodMap, type NeighbourhoodMapInBrowser } from './neighbourhoodMap';

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
  /** The neighbourhood map made from those tables, in the same context. */
  readonly neighbourhoodMap: NeighbourhoodMapInBrowser;
}

type SuspectsMark = SplitSuspects & { split: string; kept: boolean };

export async function benchSuspects(browser: Browser, set: DataSet): Promise<SuspectsInBrowser> {
  const context = await newContext(browser, set);
  const page = await context.newPage();
  const link = new URL(set.link);
  // The neighbours' vote alone: sort=suspect would train the classifier after the tables, on the same cores.
  link.searchParams.set('sort', 'neighbours');
  await page.goto(link.href);
  const bothSplits = () => markDetails<SuspectsMark>(page, PERF_MARKS.suspects, { count: 2, timeout: 600_000, polling: 500 });
  const first = await bothSplits();
  await waitForMark(page, PERF_MARKS.suspectsKept, 60_000, 2);
  await waitForMarkIfAny(page, PERF_MARKS.keptCopyWritten);
  await page.reload();
  const again = await bothSplits();
  process.stdout.write('bench: the neighbourhood map of all of MNIST…             \r');
  const neighbourhoodMap = await benchNeighbourhoodMap(page, link);
  await context.close();
  const of = (list: SuspectsMark[], split: string) => list.find((m) => m.split === split)!;
  return { test: of(first, 'test'), train: of(first, 'train'), keptMs: again.filter((m) => m.kept).reduce((n, m) => n + m.ms, 0), neighbourhoodMap };
}
