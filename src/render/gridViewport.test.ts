import { describe, expect, it } from 'vitest';
import { GREYS_RGBA } from './greys';
import { downscaleDigit, paintGridRows, reduceAhead, type GridPaint, type GridPaintLayout } from './gridViewport';
import { MNIST_GEOMETRY, type ImageGeometry } from '../data/dataset/dataset';

// Planted digits: every pixel a function of (digit, stored index), so any pixel of the picture
// can be checked by arithmetic of its own.
const TRAIN = 30;
const TEST = 12;
function planted(count: number, salt: number, pixels = 784): Uint8Array {
  const bytes = new Uint8Array(count * pixels);
  for (let d = 0; d < count; d++) for (let i = 0; i < pixels; i++) bytes[d * pixels + i] = (d * 37 + i * 11 + salt * 101 + ((i * i) >> 3)) & 0xff;
  return bytes;
}
const train = planted(TRAIN, 1);
const test = planted(TEST, 2);
const storedOf = (id: number) => (id < TRAIN ? train.subarray(id * 784, (id + 1) * 784) : test.subarray((id - TRAIN) * 784, (id - TRAIN + 1) * 784));
const labelOf = (id: number) => id % 10;

function paint(ids: number[], layout: GridPaintLayout, columns: number, rows: number, extra: Partial<GridPaint> = {}) {
  const width = Math.ceil(columns * layout.pitch);
  const height = Math.ceil(rows * layout.rowPitch);
  const target = new Uint32Array(width * height).fill(0x12345678);
  const glyphs = Array.from({ length: 10 }, (_, label) => new Uint32Array(layout.digitSize * layout.strip).fill(0xff000000 + label));
  const missing = paintGridRows({
    target,
    width,
    height,
    ids: Uint32Array.from(ids),
    from: 0,
    rows,
    columns,
    layout,
    data: { train, test, trainCount: TRAIN, total: TRAIN + TEST, geometry: MNIST_GEOMETRY, labelOf, key: {} },
    labels: { glyphs, bands: Uint32Array.from({ length: TRAIN + TEST }, (_, id) => 0xee000000 + id) },
    ...extra,
  });
  return { target, width, height, missing };
}

describe('paintGridRows', () => {
  it('enlarges each digit by nearest neighbour under its label glyph, in position order', () => {
    const layout = { digitSize: 56, pitch: 60, rowPitch: 56 + 36 + 4, strip: 36, banded: false };
    const ids = [3, 31, 0, 41, 7];
    const { target, width } = paint(ids, layout, 3, 2);
    ids.forEach((id, cell) => {
      const left = (cell % 3) * 60;
      const top = Math.floor(cell / 3) * layout.rowPitch;
      const stored = storedOf(id);
      for (let y = 1; y < 56; y += 5) {
        for (let x = 1; x < 55; x += 3) {
          expect(target[(top + 36 + y) * width + left + x]).toBe(GREYS_RGBA[stored[Math.floor(y / 2) * 28 + Math.floor(x / 2)]!]);
        }
      }
      // The glyph of its label above it (inside the frame), the frame around both.
      expect(target[(top + 10) * width + left + 20]).toBe(0xff000000 + labelOf(id));
      expect(new Uint8Array(Uint32Array.of(target[top * width + left + 20]!).buffer)).toEqual(Uint8Array.of(0xc9, 0xc9, 0xc4, 0xff));
      // Between cells: transparent, so the grid's background shows.
      expect(target[(top + 40) * width + left + 57]).toBe(0);
    });
    // The sixth cell does not exist: left clear.
    expect(target[(layout.rowPitch + 50) * width + 2 * 60 + 20]).toBe(0);
  });

  it('at fractional zooms places every cell at its rounded position', () => {
    const layout = { digitSize: 42, pitch: 46, rowPitch: 42 + 34 + 4, strip: 34, banded: false };
    const ids = [5, 6, 7, 8];
    const { target, width } = paint(ids, layout, 4, 1);
    ids.forEach((id, c) => {
      const stored = storedOf(id);
      for (const [x, y] of [[1, 1], [20, 30], [40, 40]] as const) {
        expect(target[(34 + y) * width + c * 46 + x]).toBe(GREYS_RGBA[stored[Math.floor((y * 28) / 42) * 28 + Math.floor((x * 28) / 42)]!]);
      }
    });
  });

  it('below the stored size draws each pixel as the mean of the block it covers, with colour bands', () => {
    for (const size of [4, 7, 14]) {
      const block = 28 / size;
      const layout = { digitSize: size, pitch: size + 1, rowPitch: size + 2 + 1, strip: 2, banded: true };
      const ids = [0, 29, 30, 41, 12, 13];
      const { target, width, missing } = paint(ids, layout, 4, 2);
      expect(missing).toEqual([]);
      ids.forEach((id, cell) => {
        const left = (cell % 4) * (size + 1);
        const top = Math.floor(cell / 4) * (size + 3);
        const stored = storedOf(id);
        for (let y = 0; y < size; y++) {
          for (let x = 0; x < size; x++) {
            let sum = 0;
            for (let sy = y * block; sy < (y + 1) * block; sy++) for (let sx = x * block; sx < (x + 1) * block; sx++) sum += stored[sy * 28 + sx]!;
            expect(target[(top + y) * width + left + x], `size ${size}, id ${id}, (${x}, ${y})`).toBe(GREYS_RGBA[Math.round(sum / block / block)]);
          }
        }
        // The band under the digit, in the id's colour, two pixels high.
        expect(target[(top + size) * width + left]).toBe(0xee000000 + id);
        expect(target[(top + size + 1) * width + left + size - 1]).toBe(0xee000000 + id);
        expect(target[(top + size + 2) * width + left]).toBe(0);
      });
    }
  });

  it('draws a transposed image stood upright, and reports labels without a glyph', () => {
    const geometry: ImageGeometry = { rows: 28, cols: 28, transposed: true };
    const layout = { digitSize: 28, pitch: 30, rowPitch: 28 + 18 + 2, strip: 18, banded: false };
    const glyphs = Array.from({ length: 10 }, (_, label) => (label === 3 ? undefined : new Uint32Array(28 * 18)));
    const ids = [3, 4, 13];
    const { target, width, missing } = paint(ids, layout, 3, 1, {
      data: { train, test, trainCount: TRAIN, total: TRAIN + TEST, geometry, labelOf, key: {} },
      labels: { glyphs, bands: null },
    });
    expect(missing).toEqual([0, 2]);
    ids.forEach((id, c) => {
      const stored = storedOf(id);
      for (const [x, y] of [[2, 5], [17, 9], [26, 25]] as const) expect(target[(18 + y) * width + c * 30 + x]).toBe(GREYS_RGBA[stored[x * 28 + y]!]);
    });
  });

  it('clips cells at the picture’s edges and skips ids beyond the data', () => {
    const layout = { digitSize: 56, pitch: 60, rowPitch: 96, strip: 36, banded: false };
    const target = new Uint32Array(100 * 120);
    const run = () =>
      paintGridRows({
        target,
        width: 100,
        height: 120,
        ids: Uint32Array.of(1, 2, 999),
        from: 0,
        rows: 2,
        columns: 3,
        layout,
        data: { train, test, trainCount: TRAIN, total: TRAIN + TEST, geometry: MNIST_GEOMETRY, labelOf, key: {} },
        labels: { glyphs: null, bands: null },
      });
    expect(run).not.toThrow();
    expect(target[(36 + 10) * 100 + 60 + 30]).toBe(GREYS_RGBA[storedOf(2)[5 * 28 + 15]!]);
  });
});

describe('reduceAhead', () => {
  it('reduces every digit of the selection ahead, slice by slice, and the painter draws those thumbnails', () => {
    // Its own copy of the pixels: changed below to show the painter drew what was reduced ahead.
    const ownTrain = train.slice();
    const data = { train: ownTrain, test, trainCount: TRAIN, total: TRAIN + TEST, geometry: MNIST_GEOMETRY, labelOf, key: {} };
    const ids = Uint32Array.from({ length: TRAIN + TEST }, (_, i) => (i * 5) % (TRAIN + TEST));
    const size = 4;
    // A deadline already past: one slice of 256 digits per call, more than the 42 here, so one call does all.
    expect(reduceAhead(data, size, ids, 5, performance.now() - 1)).toBe(-1);
    // At the stored size there is nothing to reduce.
    expect(reduceAhead(data, 28, ids, 0, Infinity)).toBe(-1);
    const expected = (id: number) => {
      const stored = storedOf(id);
      let sum = 0;
      for (let sy = 0; sy < 7; sy++) for (let sx = 0; sx < 7; sx++) sum += stored[sy * 28 + sx]!;
      return GREYS_RGBA[Math.round(sum / 49)];
    };
    ownTrain.fill(0);
    const layout = { digitSize: size, pitch: size + 1, rowPitch: size + 2, strip: 1, banded: true };
    const { target, width } = paint([3, 17, 31], layout, 3, 1, { data, labels: { glyphs: null, bands: null } });
    [3, 17, 31].forEach((id, cell) => expect(target[cell * (size + 1)], `id ${id}`).toBe(expected(id)));
    expect(width).toBe(15);
  });

  it('stops at the deadline and goes on from where it stopped', () => {
    const many = 1000;
    const pixels = planted(many, 3);
    const data = { train: pixels, test: new Uint8Array(0), trainCount: many, total: many, geometry: MNIST_GEOMETRY, labelOf, key: {} };
    const ids = Uint32Array.from({ length: many }, (_, i) => i);
    const next = reduceAhead(data, 7, ids, 100, performance.now() - 1);
    // One slice of 256 digits from position 100.
    expect(next).toBe(356);
    let at = next;
    let calls = 0;
    while (at >= 0 && calls++ < 10) at = reduceAhead(data, 7, ids, at, performance.now() - 1);
    expect(at).toBe(-1);
    expect(calls).toBe(3);
  });
});

describe('downscaleDigit', () => {
  it('averages uneven blocks at any size, for upright, transposed and letterboxed images', () => {
    const shapes: ImageGeometry[] = [
      { rows: 28, cols: 28, transposed: false },
      { rows: 28, cols: 28, transposed: true },
      { rows: 20, cols: 28, transposed: false },
      { rows: 28, cols: 17, transposed: true },
    ];
    for (const geometry of shapes) {
      const n = geometry.rows * geometry.cols;
      const stored = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256);
      // The picture as drawn: upright (stored column by column when transposed), centred in a square of paper.
      const height = geometry.transposed ? geometry.cols : geometry.rows;
      const width = geometry.transposed ? geometry.rows : geometry.cols;
      const side = Math.max(width, height);
      const square = new Array<number>(side * side).fill(0);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const at = geometry.transposed ? x * geometry.cols + y : y * geometry.cols + x;
          square[(y + Math.floor((side - height) / 2)) * side + x + Math.floor((side - width) / 2)] = stored[at]!;
        }
      }
      for (const size of [3, 5, 6, 9, 13, side]) {
        const out = new Uint8Array(size * size);
        downscaleDigit(stored, geometry, size, out);
        for (let y = 0; y < size; y++) {
          for (let x = 0; x < size; x++) {
            const [y0, y1, x0, x1] = [y, y + 1, x, x + 1].map((k) => Math.floor((k * side) / size)) as [number, number, number, number];
            let sum = 0;
            for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) sum += square[sy * side + sx]!;
            expect(out[y * size + x], `${JSON.stringify(geometry)} at ${size}: (${x}, ${y})`).toBe(Math.round(sum / ((y1 - y0) * (x1 - x0))));
          }
        }
      }
    }
  });

  it('letterboxes a non-square image with paper before averaging', () => {
    // 2 rows × 4 cols of full ink, drawn at 2 × 2: the top half is the image, the bottom paper.
    const geometry: ImageGeometry = { rows: 2, cols: 4, transposed: false };
    const out = new Uint8Array(4);
    downscaleDigit(new Uint8Array(8).fill(200), geometry, 2, out);
    // side 4: rows 1–2 of 4 are the image (top offset 1): each 2 × 2 block holds one image row.
    expect(Array.from(out)).toEqual([100, 100, 100, 100]);
  });
});
