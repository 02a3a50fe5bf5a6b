import { describe, expect, it } from 'vitest';
import { mainThreadProfile, type TraceEvent } from './traceProfile';

const meta = (tid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', pid: 1, tid, ts: 0, args: { name: tid === 1 ? 'CrRendererMain' : 'Compositor' } });
const x = (name: string, startMs: number, endMs: number, tid = 1): TraceEvent => ({ name, ph: 'X', pid: 1, tid, ts: startMs * 1000, dur: (endMs - startMs) * 1000 });

describe('main-thread profile of a trace', () => {
  it('splits each task into self times by kind, giving unknown nested events to their parent', () => {
    const events = [
      meta(1),
      meta(2),
      x('RunTask', 0, 10),
      x('FunctionCall', 1, 6),
      x('SomethingNew', 2, 3), // inside a script call: counted as scripting
      x('Layout', 6, 8),
      x('RunTask', 20, 24),
      x('UpdateLayoutTree', 20, 21),
      x('Paint', 21, 22.5),
      x('RunTask', 0, 50, 2), // another thread: not the main one
    ];
    const profile = mainThreadProfile(events);
    expect(profile.busyMs).toBeCloseTo(14, 6);
    expect(profile.byGroup.scripting).toBeCloseTo(5, 6);
    expect(profile.byGroup.layout).toBeCloseTo(2, 6);
    expect(profile.byGroup.style).toBeCloseTo(1, 6);
    expect(profile.byGroup['paint & composite']).toBeCloseTo(1.5, 6);
    expect(profile.byGroup.other).toBeCloseTo(3 + 1.5, 6);
    const total = Object.values(profile.byGroup).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(profile.busyMs, 6);
  });
});
