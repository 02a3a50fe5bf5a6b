// Clicks on the digit filter, trusted (Playwright's mouse, through the browser's input pipeline):
// timed by the Event Timing API, or profiled under a full trace.
import type { Browser, Page } from '@playwright/test';
import type { ProbedWindow } from './probes';
import { describeProfile, mainThreadProfile } from './traceProfile';
import { PROFILE_CATEGORIES, traced } from './tracing';

export interface ClickTimes {
  single: number[];
  all: number[];
  nine: number[];
  underThreshold: number;
}

/** The middle of the filter's button of that name, where a person would click. */
async function filterButtonCentre(page: Page, name: string): Promise<{ x: number; y: number }> {
  const button = page.getByRole('group', { name: 'Digit filter' }).getByRole('button', { name, exact: true });
  const box = (await button.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * From the click to the next paint after its handlers. Entries exist only for events of 16 ms or
 * more; a click without one is counted as 16 ms.
 */
async function timedClick(page: Page, name: string): Promise<{ ms: number; underThreshold: boolean }> {
  await page.evaluate(() => ((window as unknown as ProbedWindow).__bench.events = []));
  const { x, y } = await filterButtonCentre(page, name);
  await page.mouse.click(x, y);
  await page.waitForTimeout(400);
  const events = await page.evaluate(() => (window as unknown as ProbedWindow).__bench.events);
  const click = events.filter((e) => e.name === 'click' || e.name === 'pointerup' || e.name === 'mouseup');
  if (click.length === 0) return { ms: 16, underThreshold: true };
  return { ms: Math.max(...click.map((e) => e.duration)), underThreshold: false };
}

/** Per run: all → one digit, one digit → all, and eight digits → nine. */
export async function filterClicks(page: Page, runs: number): Promise<ClickTimes> {
  const times: ClickTimes = { single: [], all: [], nine: [], underThreshold: 0 };
  const record = (list: number[], t: { ms: number; underThreshold: boolean }) => {
    list.push(t.ms);
    if (t.underThreshold) times.underThreshold++;
  };
  for (let run = 0; run < runs; run++) {
    record(times.single, await timedClick(page, String(run % 10))); // all → one digit
    record(times.all, await timedClick(page, 'All')); // one digit → all
    await timedClick(page, '0');
    for (let d = 1; d < 8; d++) await timedClick(page, String(d));
    record(times.nine, await timedClick(page, '8')); // eight digits → nine
    await timedClick(page, 'All');
  }
  return times;
}

/** One click under a full trace: where its main-thread time went, from input to the paint after it. */
export async function profiledClick(browser: Browser, page: Page, name: string): Promise<string> {
  const { x, y } = await filterButtonCentre(page, name);
  await page.waitForTimeout(300);
  const { events } = await traced(browser, page, PROFILE_CATEGORIES, async () => {
    await page.mouse.click(x, y);
    await page.waitForTimeout(300);
  });
  return describeProfile(mainThreadProfile(events));
}
