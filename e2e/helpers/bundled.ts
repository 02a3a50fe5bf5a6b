import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';

/** The data files the app serves as its bundled copy (public/data, put there by prepare-data). */
export const BUNDLED_DIR = join(import.meta.dirname, '..', '..', 'public', 'data');

/** A bundled file inflated, its IDX header (`headerBytes`) skipped: the payload, read here, not by the app. */
export function bundledPayload(name: string, headerBytes: number): Buffer {
  return gunzipSync(readFileSync(join(BUNDLED_DIR, name))).subarray(headerBytes);
}

/**
 * The first `length` bytes of a bundled file's payload, inflating only as much of the file as
 * they need (the first 2,000 training images are 3 % of the file: inflating all of it took
 * seconds of a busy machine in every test worker that made the planted set).
 */
export function bundledPayloadStart(name: string, headerBytes: number, length: number): Buffer {
  const gz = readFileSync(join(BUNDLED_DIR, name));
  for (let take = 256 * 1024; ; take *= 2) {
    const whole = take >= gz.length;
    // A cut-off stream inflates as far as it goes when not asked to finish it.
    const raw = whole ? gunzipSync(gz) : gunzipSync(gz.subarray(0, take), { finishFlush: constants.Z_SYNC_FLUSH });
    if (raw.length >= headerBytes + length || whole) return raw.subarray(headerBytes, headerBytes + length);
  }
}
