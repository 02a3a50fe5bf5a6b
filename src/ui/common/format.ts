// How numbers read on screen: counts with thousands separators, byte sizes in the unit that
// keeps them meaningful (a 4,542-byte label file never reads "0.0 MB").

const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${COUNT.format(bytes)} bytes`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st, 1,002nd. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${formatCount(n)}${suffix}`;
}

/** A noun with its indefinite article: `a digit`, `an image`. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * `part` of `whole` as a percentage with one decimal, rounded half up from the exact fraction
 * (98.25 % reads 98.3 %, 98.05 % reads 98.1 %): worked in integers, since the nearest double of
 * 100 · part / whole can sit on either side of a half. Null without a whole.
 */
export function formatPercent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const tenths = Math.floor((2000 * part + whole) / (2 * whole));
  return `${formatCount(Math.floor(tenths / 10))}.${tenths % 10} %`;
}

/** Milliseconds as seconds with one decimal ("3.2 s"). */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
