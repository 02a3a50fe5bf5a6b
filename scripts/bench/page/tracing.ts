// A Chromium trace around something done to a page, for the main-thread profiles.
import type { Browser, Page } from '@playwright/test';
import type { TraceEvent } from './traceProfile';

/** Only the top-level task events: the lightest tracing there is. */
export const LIGHT_CATEGORIES = ['toplevel', '__metadata'];
/** Every main-thread event DevTools' Performance panel shows. */
export const PROFILE_CATEGORIES = ['toplevel', '__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

/** Runs `action` with the page traced; its result and the trace's events. */
export async function traced<T>(browser: Browser, page: Page, categories: string[], action: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  await browser.startTracing(page, { categories });
  const result = await action();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  return { result, events: trace.traceEvents };
}
