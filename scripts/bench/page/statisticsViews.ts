// What a person does with the statistics once they are there: switch the sort order, open the
// Statistics tab; each timed from the input event to the frame after the next paint.
import type { Page } from '@playwright/test';

/**
 * `act` runs in the page, the clock starts just before it, and stops in a task queued from the
 * next animation frame (after that frame).
 */
async function toNextPaint(page: Page, target: 'sort' | 'tab', value: string): Promise<number> {
  const locator = target === 'sort' ? page.getByRole('combobox', { name: 'Sort' }) : page.getByRole('tab', { name: value, exact: true });
  return locator.evaluate(
    (element, { target, value }) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        if (target === 'sort') {
          (element as HTMLSelectElement).value = value;
          element.dispatchEvent(new Event('change', { bubbles: true }));
        } else (element as HTMLElement).click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      }),
    { target, value },
  );
}

/** Sort switches (each order, on each split, so most are not cached yet) and opening the Statistics tab. */
export async function statisticsInteractions(page: Page, runs: number): Promise<{ sort: number[]; statsView: number[] }> {
  const sort: number[] = [];
  const statsView: number[] = [];
  const splits = ['All', 'Train', 'Test'];
  for (let run = 0; run < runs; run++) {
    await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: splits[run % splits.length]! });
    await page.waitForTimeout(200);
    for (const order of ['ink', '-ink', 'typical', 'atypical', 'file']) {
      sort.push(await toNextPaint(page, 'sort', order));
      await page.waitForTimeout(150);
    }
    statsView.push(await toNextPaint(page, 'tab', 'Statistics'));
    await page.waitForTimeout(300);
    await page.getByRole('tab', { name: 'Digits', exact: true }).click();
    await page.waitForTimeout(300);
  }
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: 'All' });
  return { sort, statsView };
}
