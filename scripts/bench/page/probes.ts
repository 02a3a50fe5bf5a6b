// What the benchmark leaves in every page before the app's own scripts run, and reads back.

/** window.__bench, as pageProbes fills it. */
export interface BenchProbes {
  /** When the status first said the data is loaded (the text in the DOM), and the frame after it. */
  statusShown?: number;
  statusPainted?: number;
  longTasks: { start: number; duration: number }[];
  events: { name: string; start: number; duration: number }[];
}

export type ProbedWindow = Window & { __bench: BenchProbes };

/**
 * Run in the page (an init script): records when the status first says the data is loaded,
 * every long task, and every Event Timing entry.
 */
export function pageProbes(loadedText: string): void {
  const w = window as unknown as ProbedWindow;
  w.__bench = { longTasks: [], events: [] };
  const observer = new MutationObserver(() => {
    const status = document.querySelector('[role="status"]');
    if (status?.textContent !== loadedText) return;
    observer.disconnect();
    w.__bench.statusShown = performance.now();
    requestAnimationFrame(() => setTimeout(() => (w.__bench.statusPainted = performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.events.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}
