// Zoom and pan on the Map view: trusted wheel turns and a drag (Playwright's mouse, through the
// browser's input pipeline), frame intervals from rAF meanwhile. The map is drawn with its
// pictures on (the default), so this is the costliest way it draws.
import type { Page } from '@playwright/test';
import { percentile } from '../stats';

export interface MapFrames {
  frames: number;
  rafP50: number;
  rafP99: number;
  longTasks: number;
}

/** 30 wheel steps in, a 60-step drag, 30 steps out, over the map's canvas. */
export async function zoomAndPan(page: Page): Promise<MapFrames> {
  const canvas = page.getByRole('img', { name: /^Map of/ });
  const box = (await canvas.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.evaluate(() => {
    const w = window as unknown as { __mapFrames: { times: number[]; longTasks: number; running: boolean; observer: PerformanceObserver } };
    const state = { times: [] as number[], longTasks: 0, running: true, observer: new PerformanceObserver((list) => (state.longTasks += list.getEntries().length)) };
    state.observer.observe({ type: 'longtask' });
    w.__mapFrames = state;
    let last = performance.now();
    const step = (now: number) => {
      state.times.push(now - last);
      last = now;
      if (state.running) requestAnimationFrame(step);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(step);
    });
  });
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, -60);
  await page.mouse.down();
  await page.mouse.move(cx + 300, cy + 150, { steps: 60 });
  await page.mouse.up();
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 60);
  const { times, longTasks } = await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 100));
    const state = (window as unknown as { __mapFrames: { times: number[]; longTasks: number; running: boolean; observer: PerformanceObserver } }).__mapFrames;
    state.running = false;
    state.observer.disconnect();
    return { times: state.times, longTasks: state.longTasks };
  });
  const sorted = times.slice(1).sort((a, b) => a - b);
  return { frames: sorted.length, rafP50: percentile(sorted, 50), rafP99: percentile(sorted, 99), longTasks };
}
