import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The data files the app serves as its bundled copy (public/data, put there by prepare-data). */
export const BUNDLED_DIR = join(import.meta.dirname, '..', '..', 'public', 'data');

/** A bundled file inflated, its IDX header (`headerBytes`) skipped: the payload, read here, not by the app. */
export function bundledPayload(name: string, headerBytes: number): Buffer {
  return gunzipSync(readFileSync(join(BUNDLED_DIR, name))).subarray(headerBytes);
}
