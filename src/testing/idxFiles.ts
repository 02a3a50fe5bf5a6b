// Builds IDX and gzip files of any shape, valid or broken, for unit tests and the e2e fault
// server. Pure (pako for gzip), so it runs in Node and in the browser alike.
import { gzip } from 'pako';
import { IMAGE_SIDE, PIXELS_PER_IMAGE } from '../data/dataset/mnist';

export interface IdxSpec {
  readonly type?: number;
  readonly dims: readonly number[];
  /** Data bytes; default: a deterministic pattern of the declared size. */
  readonly data?: Uint8Array;
  /** Overrides the first two (normally zero) magic bytes. */
  readonly magicPrefix?: readonly [number, number];
  /** Overrides the dimension count byte (to build lying headers). */
  readonly ndims?: number;
}

export function makeIdx(spec: IdxSpec): Uint8Array {
  const size = spec.dims.reduce((a, b) => a * b, 1);
  const data = spec.data ?? patternBytes(size);
  const header = new Uint8Array(4 + 4 * spec.dims.length);
  const view = new DataView(header.buffer);
  header[0] = spec.magicPrefix?.[0] ?? 0;
  header[1] = spec.magicPrefix?.[1] ?? 0;
  header[2] = spec.type ?? 0x08;
  header[3] = spec.ndims ?? spec.dims.length;
  spec.dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

export function patternBytes(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function gzipBytes(bytes: Uint8Array): Uint8Array {
  return gzip(bytes);
}

/** A gzip file whose CRC-32 trailer no longer matches its content. */
export function withBadCrc(gz: Uint8Array): Uint8Array {
  const out = gz.slice();
  out[out.length - 8] = (out[out.length - 8] ?? 0) ^ 0xff;
  return out;
}

/** A gzip file whose ISIZE trailer (inflated length) is wrong. */
export function withBadLength(gz: Uint8Array): Uint8Array {
  const out = gz.slice();
  out[out.length - 4] = (out[out.length - 4] ?? 0) ^ 0x01;
  return out;
}

export interface SyntheticSplit {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** A small MNIST-shaped split: `count` 28×28 images, labels cycling through `labels`. */
export function syntheticSplit(count: number, labels: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]): SyntheticSplit {
  const labelBytes = Uint8Array.from({ length: count }, (_, i) => labels[i % labels.length] ?? 0);
  return {
    images: makeIdx({ dims: [count, IMAGE_SIDE, IMAGE_SIDE], data: patternBytes(count * PIXELS_PER_IMAGE, count) }),
    labels: makeIdx({ dims: [count], data: labelBytes }),
  };
}
