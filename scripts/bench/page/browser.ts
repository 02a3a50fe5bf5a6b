// The browser the benchmark drives (the browser tests' Chromium and flags) and the context every
// measured page opens in.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE_PATH } from '../../../e2e/helpers/chromium';
import { loadedStatusText, type DataSet } from '../data/dataSets';
import { pageProbes } from './probes';

const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  // measureUserAgentSpecificMemory() answers at once instead of at the next GC (up to 20 s).
  '--enable-blink-features=ForceEagerMeasureMemory',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE_PATH, args: BENCH_CHROMIUM_ARGS });
}

// tsx (esbuild) wraps named functions in `__name(...)`; the page has no such helper, so the
// functions this script hands to the page would throw without this stand-in.
const ESBUILD_NAME_SHIM = 'globalThis.__name = (fn) => fn;';

/** A fresh context (no HTTP cache, nothing stored: a first visit) with the probes installed. */
export async function newContext(browser: Browser, set: DataSet): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(ESBUILD_NAME_SHIM);
  await context.addInitScript(pageProbes, loadedStatusText(set));
  if (set.customBaseUrl) {
    // The bench chose this source: the tab remembers it, so the link does not ask first.
    const source = JSON.stringify({ kind: 'custom', baseUrl: set.customBaseUrl });
    await context.addInitScript((key) => sessionStorage.setItem('mnist-explorer:chosen-sources', JSON.stringify([key])), source);
  }
  return context;
}
