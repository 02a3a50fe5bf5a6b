import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('passes the first value at once, then at most one per interval, ending with the latest', () => {
    const seen: number[] = [];
    const post = throttle((v: number) => seen.push(v), 100);
    post(1);
    post(2);
    post(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    post(4);
    expect(seen).toEqual([1, 3, 4]);
  });

  it('never delivers an older value after a newer one', () => {
    const seen: number[] = [];
    const post = throttle((v: number) => seen.push(v), 100);
    post(1);
    vi.advanceTimersByTime(50);
    post(2); // pending
    vi.advanceTimersByTime(60); // the trailing call fires with 2
    post(3);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(3);
  });
});
