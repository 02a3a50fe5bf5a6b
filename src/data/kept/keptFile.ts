// The envelope of every analysis result kept beside the decoded copy (neighbour tables, the
// map): an 8-byte magic, a little-endian u32 header length, the SHA-256 (64 hex characters) of
// the header and the body together, the JSON header, zero padding to 8 bytes, then the body.
// Reading checks all of that — a changed bit anywhere is refused — and hands back the parsed
// header (untyped: each format checks its own fields) and an aligned copy of the body; anything
// else is a problem, never an exception.
import { sha256OfParts } from '../decode/sha256';

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Bytes of `parts` laid end to end, each starting at a multiple of 8. */
export function alignedBody(parts: readonly ArrayBufferView[]): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(parts.reduce((n, p) => n + align8(p.byteLength), 0));
  let at = 0;
  for (const p of parts) {
    body.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += align8(p.byteLength);
  }
  return body;
}

const DIGEST = 64;

export async function encodeKeptFile(magic: string, header: Record<string, unknown>, body: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const digest = new TextEncoder().encode(await sha256OfParts([json, body]));
  const jsonAt = magic.length + 4 + DIGEST;
  const start = align8(jsonAt + json.byteLength);
  const out = new Uint8Array(start + body.byteLength);
  out.set(new TextEncoder().encode(magic), 0);
  new DataView(out.buffer).setUint32(magic.length, json.byteLength, true);
  out.set(digest, magic.length + 4);
  out.set(json, jsonAt);
  out.set(body, start);
  return out;
}

export async function decodeKeptFile(bytes: Uint8Array, magic: string): Promise<{ header: Record<string, unknown>; body: Uint8Array<ArrayBuffer> } | { problem: string }> {
  const jsonAt = magic.length + 4 + DIGEST;
  if (bytes.byteLength < jsonAt || new TextDecoder().decode(bytes.subarray(0, magic.length)) !== magic) return { problem: `not a ${magic} file` };
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length, true);
  const start = align8(jsonAt + jsonLength);
  if (start > bytes.byteLength) return { problem: 'the header runs past the end' };
  // Not covered by the SHA-256, so checked here: the padding after the header is zeros.
  if (bytes.subarray(jsonAt + jsonLength, start).some((b) => b !== 0)) return { problem: 'the header’s padding is not zeros' };
  const json = bytes.subarray(jsonAt, jsonAt + jsonLength);
  const body = bytes.subarray(start);
  const digest = new TextDecoder().decode(bytes.subarray(magic.length + 4, jsonAt));
  if ((await sha256OfParts([json, body])) !== digest) return { problem: 'its SHA-256 does not match' };
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { problem: 'the header is not JSON' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return { problem: 'the header is not an object' };
  return { header: header as Record<string, unknown>, body: body.slice() };
}

export { align8 };

/** Why a kept result's header is not of this data: another format version, other data, another digit count; null when it is. */
export function foreignHeader(header: Record<string, unknown>, version: number, key: string, count: number): { problem: string } | null {
  if (header.version !== version) return { problem: 'another format version' };
  if (header.key !== key) return { problem: 'kept for other data' };
  if (header.count !== count) return { problem: `kept for ${String(header.count)} digits, the data has ${count}` };
  return null;
}
