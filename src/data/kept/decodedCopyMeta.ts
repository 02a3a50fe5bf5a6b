// The decoded copy's meta.json: what the loader keeps beside each source's decoded payloads
// (their sizes, shape, the hashes of the IDX bytes and of the bytes as served, and what the
// server said identifies each file), and the check that refuses a meta.json someone changed.
// The payloads themselves are raw files, read straight into (shared) memory; after they are
// shown they are hashed and compared with what this records (worker/loader/decodedCopy.ts).
import { hexBytes } from '../decode/bytes';
import { DEFAULT_MAX_IDX_BYTES, IDX_MAX_DIMS, IDX_TYPE_UBYTE } from '../decode/idx';
import { FILE_SLOTS } from '../dataset/fileSlots';
import type { FileUrls } from '../sources/sources';
import type { LoadedFileInfo } from '../sources/loadedFiles';

// 2: each file's meta carries the SHA-256 of its inflated IDX bytes too. 3: files named by their
// slot (train-images, …) and their own name, no longer by MNIST's file names.
export const DECODED_COPY_VERSION = 3;

/** What must still match for a kept file to stand for the file on the server. */
export interface FileValidator {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly contentLength: string | null;
}

export type KeptFileMeta = Omit<LoadedFileInfo, 'blob'> & { readonly validator: FileValidator; readonly dataBytes: number; readonly headerBytes: number };

export interface DecodedCopyMeta {
  readonly version: number;
  readonly files: readonly KeptFileMeta[];
}

export function validatorOf(headers: Headers): FileValidator {
  return {
    etag: headers.get('etag'),
    lastModified: headers.get('last-modified'),
    contentLength: headers.get('content-length'),
  };
}

/** A validator that can vouch for a file: a strong-enough identity, not just a size. */
export function canValidate(v: FileValidator): boolean {
  return v.etag !== null || (v.lastModified !== null && v.contentLength !== null);
}

export function isSameFile(a: FileValidator, b: FileValidator): boolean {
  if (a.etag !== null || b.etag !== null) return a.etag === b.etag;
  return a.lastModified === b.lastModified && a.contentLength === b.contentLength;
}

/** The folder name of a source's decoded copy: the four URLs, hashed (FNV-1a) into something file-safe. */
export function decodedCopyFolder(urls: FileUrls): string {
  let hash = 0x811c9dc5;
  for (const ch of FILE_SLOTS.map((f) => urls[f.slot]).join('\n')) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `v${DECODED_COPY_VERSION}-${hash.toString(16).padStart(8, '0')}`;
}

/** Every decoded copy's folder name starts so (other versions' folders too). */
export const DECODED_COPY_PREFIX = 'v';

const HEX_256 = /^[0-9a-f]{64}$/;
const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isHeaderText = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 1024);

/**
 * The kept meta.json, checked field by field like any untrusted input (it is read from disk,
 * where anything may have changed it): each file named and placed as expected, its shape, sizes
 * and header consistent with one another, its hashes well-formed. Null when anything is off.
 */
export function parseDecodedCopyMeta(value: unknown, urls: FileUrls): DecodedCopyMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const { version, files } = value as { version?: unknown; files?: unknown };
  if (version !== DECODED_COPY_VERSION || !Array.isArray(files) || files.length !== FILE_SLOTS.length) return null;
  const checked = FILE_SLOTS.map((expected, i): KeptFileMeta | null => {
    const f = files[i] as Record<string, unknown> | null;
    if (typeof f !== 'object' || f === null) return null;
    const dims = f.dims;
    if (!Array.isArray(dims) || dims.length < 1 || dims.length > IDX_MAX_DIMS || !dims.every((d) => isCount(d) && d > 0)) return null;
    const dataBytes = (dims as number[]).reduce((a, b) => a * b, 1);
    const headerBytes = 4 + 4 * dims.length;
    const validator = f.validator as Record<string, unknown> | null;
    const ok =
      f.slot === expected.slot &&
      typeof f.name === 'string' &&
      f.name.length > 0 &&
      f.name.length <= 1024 &&
      f.url === urls[expected.slot] &&
      f.dataBytes === dataBytes &&
      dataBytes <= DEFAULT_MAX_IDX_BYTES &&
      f.headerBytes === headerBytes &&
      f.inflatedBytes === headerBytes + dataBytes &&
      isCount(f.servedBytes, 2 * DEFAULT_MAX_IDX_BYTES) &&
      (f.format === 'gzip' || f.format === 'idx') &&
      f.idxType === IDX_TYPE_UBYTE &&
      f.magic === hexBytes(Uint8Array.of(0, 0, IDX_TYPE_UBYTE, dims.length)) &&
      typeof f.sha256 === 'string' &&
      HEX_256.test(f.sha256) &&
      typeof f.idxSha256 === 'string' &&
      HEX_256.test(f.idxSha256) &&
      typeof validator === 'object' &&
      validator !== null &&
      isHeaderText(validator.etag) &&
      isHeaderText(validator.lastModified) &&
      isHeaderText(validator.contentLength) &&
      (f.transportEncoding === undefined || f.transportEncoding === null || (typeof f.transportEncoding === 'string' && /^[a-z0-9-]{1,32}$/.test(f.transportEncoding)));
    return ok ? (f as unknown as KeptFileMeta) : null;
  });
  return checked.every((f) => f !== null) ? { version: DECODED_COPY_VERSION, files: checked } : null;
}

