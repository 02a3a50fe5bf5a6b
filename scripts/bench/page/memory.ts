// The app's memory three ways: the browser's estimate for the page and its workers, the OS's
// count for the renderer process against a blank page's, and Chromium's own by allocator.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { DATA_ORIGIN } from '../config';
import { REFERENCE_PAGE } from '../data/dataServer';
import { processMemoryDump, type MemoryDumpEvent, type ProcessMemoryDump } from './memoryDump';

/** Page and worker memory (measureUserAgentSpecificMemory), by scope. */
export async function measureMemory(page: Page): Promise<{ totalBytes: number; byScope: Record<string, number> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(async () => {
    const result = await (performance as unknown as { measureUserAgentSpecificMemory: (this: void) => Promise<{ bytes: number; breakdown: { bytes: number; attribution: { scope: string }[] }[] }> }).measureUserAgentSpecificMemory();
    const byScope: Record<string, number> = {};
    for (const b of result.breakdown) {
      const scope = b.attribution[0]?.scope ?? 'shared';
      byScope[scope] = (byScope[scope] ?? 0) + b.bytes;
    }
    return { totalBytes: result.bytes, byScope };
  });
}

export interface ProcessMemory {
  pid: number;
  /** Private memory of the process (JS heaps, malloc, canvases): what it costs beyond shared pages. */
  rssAnonBytes: number;
  /** Shared memory it has touched: the SharedArrayBuffers. */
  rssShmemBytes: number;
}

/** Resident memory of each renderer process, from /proc (Linux): what the OS sees, not a JS estimate. */
async function rendererMemory(browser: Browser): Promise<ProcessMemory[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return processInfo
    .filter((p) => p.type === 'renderer')
    .flatMap((p) => {
      try {
        const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
        return [{ pid: p.id, rssAnonBytes: kb('RssAnon'), rssShmemBytes: kb('RssShmem') }];
      } catch {
        return [];
      }
    });
}

/** The app's renderer and a blank page's, side by side. */
export interface RendererMemory {
  app: ProcessMemory;
  blank: ProcessMemory;
}

/**
 * The app's renderer (page and worker share it) against a renderer showing a blank page, as the
 * OS counts them: private memory beyond what any page costs, and the shared buffers.
 */
export async function processMemory(browser: Browser): Promise<RendererMemory | null> {
  const before = await rendererMemory(browser);
  const app = before.sort((a, b) => b.rssShmemBytes - a.rssShmemBytes)[0];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${DATA_ORIGIN}${REFERENCE_PAGE}`);
  await page.waitForTimeout(500);
  const blank = (await rendererMemory(browser)).find((p) => !before.some((b) => b.pid === p.pid));
  await context.close();
  return app && blank ? { app, blank } : null;
}

/** Chromium's own account of a process's memory by allocator (a detailed memory-infra dump). */
export async function memoryDump(browser: Browser, pid: number): Promise<ProcessMemoryDump | null> {
  const cdp = await browser.newBrowserCDPSession();
  const events: MemoryDumpEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as MemoryDumpEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
    transferMode: 'ReportEvents',
  } as never);
  await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' } as never);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return processMemoryDump(events, pid);
}
