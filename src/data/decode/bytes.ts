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

/**
 * Gives a scratch buffer's memory back now instead of at the owner's next garbage collection,
 * which in an idle worker may be minutes away (a load's hashing copies and served chunks, tens
 * of megabytes, otherwise stay allocated). Detaches the buffer (every view of it then reads as empty), so only for
 * buffers nothing else will read. Shared buffers are left alone; without
 * `ArrayBuffer.prototype.transfer` (Node 20) it does nothing.
 */
export function releaseBuffer(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer; detached?: boolean };
  if (!(buffer instanceof ArrayBuffer) || typeof buffer.transfer !== 'function' || buffer.detached) return;
  buffer.transfer(0);
}
