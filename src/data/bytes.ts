/** Joins two byte arrays; returns `b` itself when `a` is empty (the common streaming case). */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The first bytes as upper-case hex, for messages such as "wrong magic number 1F 8B 08 00". */
export function hexBytes(bytes: Uint8Array, count = 4): string {
  return Array.from(bytes.subarray(0, count), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
}
