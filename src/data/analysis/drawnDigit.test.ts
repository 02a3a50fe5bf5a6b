// The drawing's preparation: its shape (20 × 20 box, centre of mass at the centre), a real MNIST
// digit drawn ten times larger comes back as itself, and numpy doing the same steps its own way
// (overlap matrices for the resampling) gives the same pixels.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED_MNIST, numpyFile, PYTHON_WITH_NUMPY, runPython, SHARED_MNIST_DIR } from '../../testing/numpy';
import { datasetFromDir } from '../../testing/mnistDir';
import { DRAWN_SIDE, prepareDrawnDigit } from './drawnDigit';

/** A thick slanted stroke and a loop on a `width × height` pad, ink 0–1. */
function drawing(width: number, height: number): Float64Array {
  const ink = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stroke = Math.abs(x - (40 + 0.3 * y)) < 9 && y > 30 && y < 220;
      const loop = Math.abs(Math.hypot(x - 120, y - 80) - 35) < 8;
      ink[y * width + x] = stroke ? 1 : loop ? 0.6 : 0;
    }
  }
  return ink;
}

function centreOfMass(ink: Float64Array): [number, number] {
  let [m, my, mx] = [0, 0, 0];
  ink.forEach((v, p) => {
    m += v;
    my += v * Math.floor(p / DRAWN_SIDE);
    mx += v * (p % DRAWN_SIDE);
  });
  return [my / m, mx / m];
}

describe('prepareDrawnDigit', () => {
  it('fits the ink in 20 × 20 and puts its centre of mass within half a pixel of the centre', () => {
    const prepared = prepareDrawnDigit(drawing(260, 250), 260, 250)!;
    const rows = [...Array(DRAWN_SIDE).keys()].filter((y) => prepared.ink.subarray(y * DRAWN_SIDE, (y + 1) * DRAWN_SIDE).some((v) => v > 0));
    const cols = [...Array(DRAWN_SIDE).keys()].filter((x) => rows.some((y) => prepared.ink[y * DRAWN_SIDE + x]! > 0));
    expect(Math.max(rows.length, cols.length)).toBe(20);
    const [cy, cx] = centreOfMass(prepared.ink);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(prepareDrawnDigit(new Float64Array(100), 10, 10)).toBeNull();
  });

  it.skipIf(!HAVE_SHARED_MNIST)('gives back a real MNIST digit drawn ten times larger', () => {
    const { train } = datasetFromDir(SHARED_MNIST_DIR);
    for (const id of [0, 1, 2, 7, 42]) {
      const digit = train.images.subarray(id * 784, (id + 1) * 784);
      const big = new Float64Array(280 * 280);
      for (let y = 0; y < 280; y++) for (let x = 0; x < 280; x++) big[y * 280 + x] = digit[Math.floor(y / 10) * 28 + Math.floor(x / 10)]! / 255;
      const again = prepareDrawnDigit(big, 280, 280)!;
      // MNIST's own box and centring were computed before its grey levels: the same digit, up to a pixel's shift and rounding.
      let [dot, a, b] = [0, 0, 0];
      for (let p = 0; p < 784; p++) [dot, a, b] = [dot + again.ink[p]! * digit[p]!, a + again.ink[p]! ** 2, b + digit[p]! ** 2];
      expect(dot / Math.sqrt(a * b)).toBeGreaterThan(0.9);
    }
  });

  it.skipIf(!PYTHON_WITH_NUMPY)('equals numpy doing the same steps with overlap matrices', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-drawn-'));
    for (const [width, height] of [[260, 250], [300, 120], [90, 280]] as const) {
      const ink = drawing(width, height);
      writeFileSync(join(dir, 'ink'), new Uint8Array(ink.buffer));
      runPython(
        PYTHON_WITH_NUMPY!,
        `import numpy as np
a = np.fromfile(${JSON.stringify(join(dir, 'ink'))}, dtype=np.float64).reshape(${height}, ${width})
ys, xs = np.nonzero(a > 0)
box = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
h, w = box.shape
s = 20 / max(h, w)
H, W = max(1, int(np.floor(h * s + 0.5))), max(1, int(np.floor(w * s + 0.5)))
def overlap(n_out, n_in):
    # M[i, k] = length of [i, i+1) * n_in / n_out intersected with [k, k+1)
    f = n_in / n_out
    i = np.arange(n_out)[:, None]
    k = np.arange(n_in)[None, :]
    return np.clip(np.minimum((i + 1) * f, k + 1) - np.maximum(i * f, k), 0, None) / f
small = np.minimum(1, overlap(H, h) @ box @ overlap(W, w).T)
out = np.zeros((28, 28))
oy, ox = (28 - H) // 2, (28 - W) // 2
r, c = np.indices((H, W))
m = small.sum()
cy, cx = ((r + oy) * small).sum() / m, ((c + ox) * small).sum() / m
dy, dx = int(np.floor(14 - cy + 0.5)), int(np.floor(14 - cx + 0.5))
for i in range(H):
    for j in range(W):
        y, x = i + oy + dy, j + ox + dx
        if 0 <= y < 28 and 0 <= x < 28:
            out[y, x] = small[i, j]
out.tofile(${JSON.stringify(join(dir, 'out'))})
`,
      );
      const want = new Float64Array(numpyFile(dir, 'out'));
      const got = prepareDrawnDigit(ink, width, height)!;
      want.forEach((v, p) => expect(Math.abs(got.ink[p]! - v)).toBeLessThan(1e-12));
      expect(Array.from(got.bytes)).toEqual(Array.from(want, (v) => Math.floor(v * 255 + 0.5)));
    }
  });
});
