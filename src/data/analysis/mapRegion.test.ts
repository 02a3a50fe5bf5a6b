// A region from a link or a drag: ordered, rounded, bounded; a lasso's link form; and the
// selection inside either, against a brute force that counts crossings the other way (a ray up).
import { describe, expect, it } from 'vitest';
import { describeMapRegion, formatMapRegion, idsInRegion, lassoRegion, MAX_LASSO_VERTICES, MAX_REGION_TEXT, normaliseMapRegion, parseMapRegion, type MapRegion } from './mapRegion';

const rect = (x0: number, y0: number, x1: number, y1: number): MapRegion => ({ shape: 'rect', x0, y0, x1, y1 });

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Inside by the even-odd rule, counted on a ray towards +y (a different walk from the app's +x ray). */
function insideBrute(xy: readonly number[], x: number, y: number): boolean {
  let crossings = 0;
  const n = xy.length / 2;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = [xy[i * 2]!, xy[i * 2 + 1]!];
    const [bx, by] = [xy[((i + 1) % n) * 2]!, xy[((i + 1) % n) * 2 + 1]!];
    if (ax === bx || ax > x === bx > x) continue;
    const t = (x - ax) / (bx - ax);
    if (ay + t * (by - ay) > y) crossings++;
  }
  return crossings % 2 === 1;
}

describe('map region: rectangle', () => {
  it('orders corners and rounds to a hundredth, as the link writes it', () => {
    expect(normaliseMapRegion({ x: 10.266, y: -3 }, { x: -5.041, y: 8.95 })).toEqual(rect(-5.04, -3, 10.27, 8.95));
    expect(parseMapRegion('10,9,-5,-3')).toEqual(rect(-5, -3, 10, 9));
    expect(formatMapRegion(rect(-0, 1.5, 2, 3))).toBe('0,1.5,2,3');
    expect(parseMapRegion(formatMapRegion(rect(-120.5, 0, 2048.3, 7)))).toEqual(rect(-120.5, 0, 2048.3, 7));
  });

  it.each(['', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '1e3,0,1,1', 'Infinity,0,1,1', '0x10,0,1,1', '200000,0,1,1', ' 1,2,3,4'])('refuses %j', (text) => {
    expect(parseMapRegion(text)).toBeUndefined();
  });

  it('keeps the ids inside (edges included), in their order', () => {
    // Five digits at (0,0) (1,1) (2,2) (1,5) (−1,1).
    const points = Float64Array.of(0, 0, 1, 1, 2, 2, 1, 5, -1, 1);
    const ids = Uint32Array.of(4, 3, 2, 1, 0);
    expect(Array.from(idsInRegion(ids, points, rect(0, 0, 1, 5)))).toEqual([3, 1, 0]);
    expect(Array.from(idsInRegion(ids, points, rect(5, 5, 6, 6)))).toEqual([]);
  });
});

describe('map region: lasso', () => {
  /** A freehand circle of `n` points, wobbling. */
  const circle = (n: number, cx = 3, cy = -2, r = 5, next = random(7)) =>
    Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      const rr = r * (1 + 0.05 * (next() - 0.5));
      return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
    }).flat();

  it('goes through its link form unchanged, bounded however long the path', () => {
    for (const n of [5, 200, 5000]) {
      const region = lassoRegion(circle(n), 0.01)!;
      expect(region.shape).toBe('lasso');
      const text = formatMapRegion(region);
      expect(text.length).toBeLessThanOrEqual(MAX_REGION_TEXT);
      expect(text.length).toBeLessThan(320);
      expect(region.shape === 'lasso' && region.codes.length / 2).toBeLessThanOrEqual(MAX_LASSO_VERTICES);
      const back = parseMapRegion(text)!;
      expect(back).toEqual(region);
      expect(formatMapRegion(back)).toBe(text);
    }
  });

  it('keeps the drawn shape: its corners lie within a grid step of the path', () => {
    const path = circle(400);
    const region = lassoRegion(path, 0.02)!;
    if (region.shape !== 'lasso') throw new Error('not a lasso');
    for (let i = 0; i < region.vertices.length; i += 2) {
      const r = Math.hypot(region.vertices[i]! - 3, region.vertices[i + 1]! + 2);
      expect(r).toBeGreaterThan(4.8);
      expect(r).toBeLessThan(5.2);
    }
  });

  it('encloses nothing when the path is a dot, a line or not finite', () => {
    expect(lassoRegion([1, 1, 1, 1, 1, 1], 0.01)).toBeUndefined();
    expect(lassoRegion([0, 0, 1, 1, 2, 2, 3, 3], 0.01)).toBeUndefined();
    expect(lassoRegion([0, 0, 1, NaN, 2, 0], 0.01)).toBeUndefined();
    expect(lassoRegion([0, 0], 0.01)).toBeUndefined();
  });

  it.each([
    'lasso:',
    'lasso:0,0,1,1:',
    'lasso:0,0,1,1:AAAA',
    'lasso:0,0,1,1:AAAAAAAA',
    'lasso:0,0,1,1:AAAAAAAAAAA',
    'lasso:0,0,0,1:AAAA_AAA___A',
    'lasso:1,0,0,1:AAAA_AAA___A',
    'lasso:0,0,1,1:AAAA_AAA__A!',
    'lasso:0,0,1:AAAA_AAA___A',
    'lasso:0,0,1,1e9:AAAA_AAA___A',
    'lasso:0,0,1,1:AAAABBBBCCCC', // three corners on one line: no area
    `lasso:0,0,1,1:${'AAAA_AAA___A'.repeat(20)}A`,
    `lasso:0,0,1,1:${'AAAA'.repeat(MAX_LASSO_VERTICES + 1)}`,
    'LASSO:0,0,1,1:AAAA_AAA___A',
  ])('refuses %j', (text) => {
    expect(parseMapRegion(text)).toBeUndefined();
  });

  it('reads the corners a person could type', () => {
    const region = parseMapRegion('lasso:0,0,40.95,40.95:AAAA_AAA___A')!;
    expect(region).toMatchObject({ shape: 'lasso', codes: [0, 0, 4032, 0, 4095, 4032] });
    expect(describeMapRegion(region)).toBe('lasso of 3 corners within x 0 to 40.95, y 0 to 40.95');
  });

  it('selects what the brute force selects, self-crossing lassos included', () => {
    const next = random(2024);
    const points = Float32Array.from({ length: 2 * 20_000 }, () => next() * 20 - 10);
    const ids = Uint32Array.from({ length: 20_000 }, (_, i) => 19_999 - i);
    for (let trial = 0; trial < 12; trial++) {
      // A random star, a random scribble (crossing itself) and a wobbling circle.
      const path =
        trial % 3 === 0
          ? circle(300, next() * 4 - 2, next() * 4 - 2, 2 + next() * 6, next)
          : Array.from({ length: 4 + Math.floor(next() * 40) * 2 }, () => next() * 18 - 9);
      const region = lassoRegion(path, 0.01);
      if (!region || region.shape !== 'lasso') continue;
      const want = Array.from(ids).filter((id) => insideBrute(region.vertices, points[id * 2]!, points[id * 2 + 1]!));
      expect(Array.from(idsInRegion(ids, points, region))).toEqual(want);
      if (trial % 3 === 0) expect(want.length).toBeGreaterThan(100);
    }
  });
});
