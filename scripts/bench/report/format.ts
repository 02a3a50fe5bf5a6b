// How figures are written in the printed table. A measure that could not be taken (numpy missing,
// no run) is a dash.
import type { Stats } from '../stats';

const DASH = '–';

/** "median (min–max)" in whole ms. */
export function ms(s: Stats | null): string {
  return !s || Number.isNaN(s.median) ? DASH : `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
}

/** "median (min–max)" to a tenth of a ms. */
export function ms1(s: Stats): string {
  return `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
}

/** The ratio of two medians. */
export function ratio(x: Stats, y: Stats | null): string {
  return y ? `${(x.median / y.median).toFixed(2)} ×` : DASH;
}

export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function mbOrDash(bytes: number | null): string {
  return bytes === null ? DASH : mb(bytes);
}
