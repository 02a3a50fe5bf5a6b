// A fling down the digit grid: one screen per frame, frame intervals from rAF, the renderer main
// thread's busy time from a trace.
import type { Browser, Page } from '@playwright/test';
import { DEFAULT_ZOOM, SMALLEST_LABELLED_ZOOM, ZOOM_LEVELS } from '../../../src/state/store/viewOptions';
import { percentile } from '../stats';
import { mainThreadProfile, type TraceEvent } from './traceProfile';
import { LIGHT_CATEGORIES, traced } from './tracing';

/** The zooms the grid is flung at, with the main thread's budget per frame there (ms). */
export const GRID_ZOOMS = [
  { key: 'default', label: `default zoom (${DEFAULT_ZOOM}×)`, zoom: DEFAULT_ZOOM, budgetMs: 8 },
  { key: 'smallestLabelled', label: `smallest labelled zoom (${SMALLEST_LABELLED_ZOOM}×)`, zoom: SMALLEST_LABELLED_ZOOM, budgetMs: 10 },
  { key: 'densest', label: `densest zoom (${ZOOM_LEVELS[0]}×, 4 px)`, zoom: ZOOM_LEVELS[0]!, budgetMs: 10 },
] as const;
export type GridZoomKey = (typeof GRID_ZOOMS)[number]['key'];
/** Frame intervals at 60 fps. */
export const FRAME_BUDGET_MS = 16.7;

/** Sets the grid's zoom by its slider, as a person would. */
export async function setZoom(page: Page, zoom: number): Promise<void> {
  await page.getByRole('slider', { name: 'Zoom' }).fill(String(ZOOM_LEVELS.indexOf(zoom)));
  await page.waitForTimeout(300);
}

export interface ScrollSample {
  frames: number;
  rafP50: number;
  rafP99: number;
  /** Renderer main-thread busy time during the fling, per frame (from a trace). */
  mainThreadMsPerFrame: number;
  longTasks: number;
}

/**
 * Scrolls the grid down one screen per frame, to the end or 600 frames, from the top, then counts
 * the frames of the 100 ms after it; the figures are over all of them.
 */
export async function fling(browser: Browser, page: Page, categories = LIGHT_CATEGORIES): Promise<ScrollSample & { trace: TraceEvent[] }> {
  // Found before the trace starts: resolving a role locator runs Playwright's own script over the
  // whole document (~40,000 gridcells at 4 px), which the trace would charge to the page.
  const grid = await page.getByRole('grid', { name: 'Digits' }).elementHandle();
  if (!grid) throw new Error('no grid named Digits');
  await grid.evaluate(async (el) => {
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  const { result, events } = await traced(browser, page, categories, () =>
    grid.evaluate(async (el) => {
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
      observer.observe({ type: 'longtask' });
      const frameTimes: number[] = [];
      await new Promise<void>((done) => {
        let last = performance.now();
        const step = (now: number) => {
          frameTimes.push(now - last);
          last = now;
          // At most 600 frames: the 10× set's 600,000 training digits would take minutes.
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || frameTimes.length >= 600) return done();
          el.scrollTop += el.clientHeight;
          requestAnimationFrame(step);
        };
        requestAnimationFrame((now) => {
          last = now;
          el.scrollTop += el.clientHeight;
          requestAnimationFrame(step);
        });
      });
      // The 100 ms after the last scroll are in the trace (the names written once the view
      // rests are the fling's work too), so their frames are counted as well: a short fling (3
      // screens at 4 px on MNIST) must not charge 9 frames' work to 3.
      await new Promise<void>((done) => {
        const end = performance.now() + 100;
        const step = (now: number) => {
          frameTimes.push(now - last);
          last = now;
          if (now >= end) return done();
          requestAnimationFrame(step);
        };
        let last = performance.now();
        requestAnimationFrame(step);
      });
      observer.disconnect();
      return { frameTimes, longTasks };
    }),
  );
  await grid.dispose();
  const sorted = result.frameTimes.sort((a, b) => a - b);
  return {
    frames: sorted.length,
    rafP50: percentile(sorted, 50),
    rafP99: percentile(sorted, 99),
    mainThreadMsPerFrame: mainThreadProfile(events).busyMs / sorted.length,
    longTasks: result.longTasks,
    trace: events,
  };
}

export function withoutTrace({ trace: _trace, ...sample }: ScrollSample & { trace: TraceEvent[] }): ScrollSample {
  return sample;
}
