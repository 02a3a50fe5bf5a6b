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
