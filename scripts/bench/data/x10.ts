// The 10 × MNIST set (700,000 digits): each split's digits ten times over, gzip level 6, written
// to bench/x10 and stamped with the manifest of the files it was made from.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MNIST_FILES } from '../../../src/data/dataset/mnist';
import { parseIdxHeader } from '../../../src/data/decode/idx';
import { X10_DIR } from '../config';

const COPIES = 10;

function idxHeader(dims: readonly number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x0800 + dims.length, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return header;
}

/** Writes the 10 × MNIST set from the files in `mnistDir`, unless it is already made from them. */
export function ensureX10(mnistDir: string): void {
  const manifest = readFileSync(join(mnistDir, 'manifest.json'), 'utf8');
  const stamp = join(X10_DIR, 'made-from.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === manifest) return;
  mkdirSync(X10_DIR, { recursive: true });
  console.log('bench: writing the 10 × MNIST set (700,000 digits) to bench/x10 …');
  for (const file of MNIST_FILES) {
    const raw = gunzipSync(readFileSync(join(mnistDir, file.name)));
    const { dims, headerBytes } = parseIdxHeader(raw);
    const data = raw.subarray(headerBytes);
    const big = Buffer.concat([idxHeader([dims[0]! * COPIES, ...dims.slice(1)]), ...Array.from({ length: COPIES }, () => data)]);
    writeFileSync(join(X10_DIR, file.name), gzipSync(big, { level: 6 }));
  }
  writeFileSync(stamp, manifest);
}
