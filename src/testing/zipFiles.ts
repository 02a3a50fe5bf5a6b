// Zip archives for Node tests, written by zip.js's own ZipWriter (the reader under test is the
// same library's, so the e2e test reads one written by Python's zipfile as well), and damaged on
// purpose by editing their central directory.
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js/lib/zip-native.js';

configure({ useWebWorkers: false, useCompressionStream: true });

export interface ZipEntrySpec {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Encrypts the entry (AES, zip.js's default) with this password. */
  readonly password?: string;
}

export async function zipBytes(entries: readonly ZipEntrySpec[]): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const { name, bytes, password } of entries) await writer.add(name, new Uint8ArrayReader(bytes), password ? { password } : {});
  return writer.close();
}

const CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;
/** Fields of a central directory record (APPNOTE 4.3.12), by their offset in it: each 4 bytes, little-endian. */
export const CENTRAL_FIELDS = { compressedSize: 20, uncompressedSize: 24, localHeaderOffset: 42 } as const;

/** A copy of `zip` whose central directory says `value` for `field` of the entry named `name`. */
export function withCentralField(zip: Uint8Array, name: string, field: keyof typeof CENTRAL_FIELDS, value: number): Uint8Array {
  // A fresh buffer: a Node Buffer's slice() shares memory, at an offset into a pooled buffer.
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 46 <= copy.length; at++) {
    if (view.getUint32(at, true) !== CENTRAL_DIRECTORY_SIGNATURE) continue;
    const nameLength = view.getUint16(at + 28, true);
    const recordName = copy.subarray(at + 46, at + 46 + nameLength);
    if (recordName.length === wanted.length && recordName.every((b, i) => b === wanted[i])) {
      view.setUint32(at + CENTRAL_FIELDS[field], value, true);
      return copy;
    }
  }
  throw new Error(`no central directory record for ${name}`);
}
