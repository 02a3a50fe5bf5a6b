// The map's arithmetic and painting, on hand-placed points.
import { describe, expect, it } from 'vitest';
import { pointColours } from './mapColours';
import { fitViewport, LABEL_COLOURS, nearestPoint, paintMapPoints, toCanvas, toMap, zoomAbout } from './mapPoints';

// Four digits at (0,0) (10,0) (0,10) (10,10); labels 0, 1, 2, 3.
const coordinates = Float64Array.of(0, 0, 10, 0, 0, 10, 10, 10);
const labels = Uint8Array.of(0, 1, 2, 3);

class FakeImageData {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.data = new Uint8ClampedArray(width * height * 4);
  }
}

const rgb = (image: FakeImageData, x: number, y: number) => {
  const at = (y * image.width + x) * 4;
  return `#${[0, 1, 2].map((c) => image.data[at + c]!.toString(16).padStart(2, '0')).join('')}`;
};

describe('map viewport', () => {
  it('fits every point, y up, and maps back and forth', () => {
    const view = fitViewport(coordinates, 100, 100);
    expect(view).toEqual({ cx: 5, cy: 5, scale: 9.2 });
    expect(toCanvas(view, 100, 100, 0, 10)).toEqual({ x: 4, y: 4 });
    expect(toCanvas(view, 100, 100, 10, 0)).toEqual({ x: 96, y: 96 });
    const back = toMap(view, 100, 100, 4, 4);
    expect(back.x).toBeCloseTo(0, 12);
    expect(back.y).toBeCloseTo(10, 12);
  });

  it('zooms about a point that stays put', () => {
    const view = fitViewport(coordinates, 100, 100);
    const zoomed = zoomAbout(view, 100, 100, 96, 96, 2);
    const kept = toCanvas(zoomed, 100, 100, 10, 0);
    expect(kept.x).toBeCloseTo(96, 9);
    expect(kept.y).toBeCloseTo(96, 9);
    expect(zoomed.scale).toBeCloseTo(18.4, 12);
  });

  it('finds the nearest point within the radius, preferring selected ones', () => {
    const view = fitViewport(coordinates, 100, 100);
    const all = Uint8Array.of(1, 1, 1, 1);
    expect(nearestPoint(coordinates, all, view, 100, 100, 95, 95, 5)).toBe(1);
    expect(nearestPoint(coordinates, all, view, 100, 100, 50, 50, 5)).toBe(-1);
    // Two points within reach: the unselected nearer one loses to the selected one.
    expect(nearestPoint(coordinates, Uint8Array.of(0, 0, 1, 0), view, 100, 100, 5, 50, 60)).toBe(2);
  });
});

describe('paintMapPoints', () => {
  it('paints each point its label’s colour, unselected ones faint, the rest background', () => {
    const image = new FakeImageData(100, 100);
    const view = fitViewport(coordinates, 100, 100);
    const { colours, order } = pointColours('label', labels, 4, null);
    const shown = paintMapPoints(image as unknown as ImageData, { points: coordinates, colours, order, selected: Uint8Array.of(1, 1, 0, 1), view, pointSize: 2, background: '#ffffff', opacity: 1 });
    expect(shown).toBe(3);
    expect(rgb(image, 4, 96)).toBe(LABEL_COLOURS[0]);
    expect(rgb(image, 96, 96)).toBe(LABEL_COLOURS[1]);
    expect(rgb(image, 96, 4)).toBe(LABEL_COLOURS[3]);
    // Label 2's point is not selected: its colour mixed 22 % into white.
    const faint = rgb(image, 4, 4);
    expect(faint).not.toBe(LABEL_COLOURS[2]);
    expect(faint).not.toBe('#ffffff');
    expect(rgb(image, 50, 50)).toBe('#ffffff');
    expect(image.data[(50 * 100 + 50) * 4 + 3]).toBe(255);
  });

  it('lets overlapping points build up below full opacity, so density reads', () => {
    const image = new FakeImageData(10, 10);
    // Three digits on one spot (canvas pixel 5, 5), one alone (pixel 2, 2).
    const points = Float64Array.of(0, 0, 0, 0, 0, 0, -3, 3);
    const { colours } = pointColours('label', Uint8Array.of(3, 3, 3, 3), 4, null);
    paintMapPoints(image as unknown as ImageData, { points, colours, order: null, selected: Uint8Array.of(1, 1, 1, 1), view: { cx: 0, cy: 0, scale: 1 }, pointSize: 1, background: '#ffffff', opacity: 0.35 });
    const green = (x: number, y: number) => image.data[(y * 10 + x) * 4 + 1]!;
    // tab10's red has little green: the pile is nearer it than the lone digit, which is nearer it than the background.
    expect(green(5, 5)).toBeLessThan(green(2, 2));
    expect(green(2, 2)).toBeLessThan(255);
    expect(green(0, 0)).toBe(255);
  });

  it('colours by prediction: each digit its predicted class, not yet predicted grey beneath, misread digits on top', () => {
    const { colours, order } = pointColours('prediction', Uint8Array.of(1, 1, 2, 0, 3), 4, null, Uint8Array.of(1, 7, 255, 0, 2));
    const hex = (c: number) => `#${[0, 8, 16].map((s) => ((c >> s) & 0xff).toString(16).padStart(2, '0')).join('')}`;
    expect([0, 1, 3].map((i) => hex(colours[i]!))).toEqual([LABEL_COLOURS[1], LABEL_COLOURS[7], LABEL_COLOURS[0]]);
    expect(hex(colours[2]!)).toBe('#c4c4c4');
    // Unknown (2) first, then read as labelled (0, 3), then misread (1, 4).
    expect(Array.from(order!)).toEqual([2, 0, 3, 1, 4]);
  });
});
