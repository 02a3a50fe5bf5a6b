// Cumulative layout shift as the browser reports it (Layout Instability API), for the benchmark
// and the browser tests alike. Run in the page (page.evaluate): it reads the buffered
// `layout-shift` entries since navigation and sums those not caused by recent input, as CLS does.

export interface LayoutShiftReport {
  readonly total: number;
  readonly shifts: number;
  /** The largest single shift and the elements it moved, to say what jumped. */
  readonly largest: { readonly value: number; readonly sources: readonly string[] } | null;
}

interface LayoutShiftEntry extends PerformanceEntry {
  readonly value: number;
  readonly hadRecentInput: boolean;
  readonly sources?: readonly { readonly node?: Node | null }[];
}

/** Page-side: resolves with the shifts whose start time is at or after `since` (ms, page clock). */
export function measureLayoutShift(since = 0): Promise<LayoutShiftReport> {
  return new Promise((resolve) => {
    const entries: LayoutShiftEntry[] = [];
    const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as LayoutShiftEntry[])));
    observer.observe({ type: 'layout-shift', buffered: true });
    // Buffered entries arrive in the observer's first callback, within a frame or two.
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          entries.push(...(observer.takeRecords() as LayoutShiftEntry[]));
          observer.disconnect();
          const counted = entries.filter((e) => !e.hadRecentInput && e.startTime >= since);
          const largest = counted.reduce<LayoutShiftEntry | null>((a, b) => (a && a.value >= b.value ? a : b), null);
          const describe = (node: Node | null | undefined) =>
            node instanceof Element ? `${node.tagName.toLowerCase()}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}` : String(node?.nodeName ?? '?');
          resolve({
            total: counted.reduce((sum, e) => sum + e.value, 0),
            shifts: counted.length,
            largest: largest ? { value: largest.value, sources: (largest.sources ?? []).map((s) => describe(s.node)) } : null,
          });
        }, 50),
      ),
    );
  });
}
