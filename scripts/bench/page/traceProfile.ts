// Turns a Chromium trace into where the page's main thread spent its time: self time per event,
// grouped as DevTools' Performance panel groups it (scripting, style, layout, paint, …). Used by
// the benchmark to say what stands in the way of a target, not only that it was missed.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export type ProfileGroup = 'scripting' | 'style' | 'layout' | 'paint & composite' | 'garbage collection' | 'parse & compile' | 'other';

const GROUP_OF: Record<string, ProfileGroup> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  EventDispatch: 'scripting',
  TimerFire: 'scripting',
  FireAnimationFrame: 'scripting',
  RunMicrotasks: 'scripting',
  'v8.run': 'scripting',
  'v8.callFunction': 'scripting',
  'V8.Execute': 'scripting',
  HitTest: 'layout',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint & composite',
  Paint: 'paint & composite',
  PaintImage: 'paint & composite',
  Layerize: 'paint & composite',
  UpdateLayer: 'paint & composite',
  CompositeLayers: 'paint & composite',
  Commit: 'paint & composite',
  'Canvas2DLayerBridge::Flush': 'paint & composite',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  'V8.GCScavenger': 'garbage collection',
  'BlinkGC.AtomicPhase': 'garbage collection',
  ParseHTML: 'parse & compile',
  'v8.compile': 'parse & compile',
  'V8.CompileCode': 'parse & compile',
};

/**
 * The renderer main threads in a trace (by pid:tid): those named CrRendererMain, and the first
 * thread of every renderer process (on Linux its tid is the pid), since a trace started after a
 * thread was named may not name it again.
 */
function mainThreads(events: readonly TraceEvent[]): Set<string> {
  const named = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const renderers = events.filter((e) => e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => `${e.pid}:${e.pid}`);
  return new Set([...named, ...renderers]);
}

/**
 * Self time (ms) per group on the busiest renderer main thread: each complete event's duration
 * less that of the events nested in it; time inside a top-level task no event explains is "other".
 */
export function mainThreadProfile(events: readonly TraceEvent[]): { busyMs: number; byGroup: Record<ProfileGroup, number> } {
  const mains = mainThreads(events);
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    let list = perThread.get(key);
    if (!list) perThread.set(key, (list = []));
    list.push(e);
  }
  let best: { busyMs: number; byGroup: Record<ProfileGroup, number> } = { busyMs: 0, byGroup: emptyGroups() };
  for (const list of perThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const byGroup = emptyGroups();
    let busy = 0;
    // A stack of open events; each event's self time = its duration less its direct children's.
    const stack: { e: TraceEvent; end: number; children: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length > 0 && stack.at(-1)!.end <= upTo) {
        const top = stack.pop()!;
        const self = top.e.dur! - top.children;
        const group = top.e.name === 'RunTask' || top.e.name === 'ThreadControllerImpl::RunTask' ? 'other' : (GROUP_OF[top.e.name] ?? (stack.length > 0 ? null : 'other'));
        // An unknown event inside a known one counts as its parent's kind of work.
        if (group) byGroup[group] += self / 1000;
        else stack.at(-1)!.children -= self; // hand its self time back to the parent
        if (stack.length > 0) stack.at(-1)!.children += top.e.dur!;
        else busy += top.e.dur! / 1000;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, end: e.ts + e.dur!, children: 0 });
    }
    close(Infinity);
    if (busy > best.busyMs) best = { busyMs: busy, byGroup };
  }
  return best;
}

function emptyGroups(): Record<ProfileGroup, number> {
  return { scripting: 0, style: 0, layout: 0, 'paint & composite': 0, 'garbage collection': 0, 'parse & compile': 0, other: 0 };
}

export function describeProfile(profile: { busyMs: number; byGroup: Record<ProfileGroup, number> }, per = 1): string {
  const parts = Object.entries(profile.byGroup)
    .filter(([, ms]) => ms / per >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([group, ms]) => `${group} ${(ms / per).toFixed(1)}`);
  return `${(profile.busyMs / per).toFixed(1)} ms: ${parts.join(', ')}`;
}
