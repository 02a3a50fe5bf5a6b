// Draws the app's icon (favicon.svg's stroked 7 on white) as the PNGs an installable web app
// manifest asks for: 192 and 512 pixels. Run once when the icon changes: `npx tsx scripts/make-icons.ts`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** favicon.svg's path on its 28-unit grid: M9 6 h9 l-6 17, stroke width 3, round caps and joins. */
const SEGMENTS: readonly [number, number, number, number][] = [
  [9, 6, 18, 6],
  [18, 6, 12, 23],
];
const HALF_WIDTH = 1.5;

/** How much of a sample at (x, y) grid units the stroke covers, edges one device pixel wide. */
function coverage(x: number, y: number, unit: number): number {
  let best = Infinity;
  for (const [x0, y0, x1, y1] of SEGMENTS) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)));
  }
  return Math.max(0, Math.min(1, (HALF_WIDTH - best) * unit + 0.5));
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function iconPng(size: number): Buffer {
  const raw = Buffer.alloc(size * (1 + size * 3));
  const unit = size / 28;
  for (let y = 0; y < size; y++) {
    raw[y * (1 + size * 3)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      // 4 × 4 samples per pixel, in grid units.
      let ink = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) ink += coverage((x + (sx + 0.5) / 4) / unit, (y + (sy + 0.5) / 4) / unit, unit);
      const v = Math.round(255 - (ink / 16) * (255 - 0x11));
      raw.fill(v, y * (1 + size * 3) + 1 + x * 3, y * (1 + size * 3) + 4 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), iconPng(size));
