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
