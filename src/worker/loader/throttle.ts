// Keeps partial-data messages to a rate the page can render, without losing the latest one.

/** Calls `fn` at once, then at most every `ms`, always ending with the latest value. */
export function throttle<T>(fn: (value: T) => void, ms: number): (value: T) => void {
  let last = -Infinity;
  let pending: T | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (value) => {
    const now = performance.now();
    if (now - last >= ms) {
      last = now;
      pending = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      fn(value);
      return;
    }
    pending = value;
    timer ??= setTimeout(() => {
      timer = null;
      last = performance.now();
      if (pending !== null) fn(pending);
      pending = null;
    }, ms - (now - last));
  };
}
