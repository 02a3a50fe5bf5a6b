// One frame of the map: the points (render/mapPoints.ts), then the pictures — the digits
// themselves once few enough are in view, else a representative digit per crowded patch — then
// the region (a dashed rectangle or lasso) and the lasso being drawn. Everything in device pixels.
import { uprightIndex, type ImageGeometry } from '../data/dataset/dataset';
import type { MapPoints } from '../data/analysis/mapLayouts';
import type { MapRegion } from '../data/analysis/mapRegion';
import { packed, paintMapPoints, toCanvas, type MapViewport } from './mapPoints';
import { representatives, stampDigit } from './mapPictures';
import type { PointColours } from './mapColours';

/** At most this many selected digits in view: each is drawn as itself. */
export const DIGITS_AS_POINTS = 400;
/** CSS pixels: a digit drawn as a point, a representative, the patch a representative stands for. */
const DIGIT_SIZE = 28;
const REPRESENTATIVE_SIZE = 34;
const PATCH = 110;

export interface MapScene {
  readonly points: MapPoints;
  readonly colours: PointColours;
  readonly selected: Uint8Array;
  /** The viewport in CSS pixels; the canvas is `dpr` times larger. */
  readonly view: MapViewport;
  readonly cssWidth: number;
  readonly cssHeight: number;
  readonly dpr: number;
  /** How far the view is zoomed in from the fitted one (1 = everything in view). */
  readonly zoomedIn: number;
  readonly background: string;
  readonly text: string;
  /** Pictures on (representatives and digits as points); the points alone otherwise. */
  readonly pictures: boolean;
  readonly pixelsOf: (id: number) => Uint8Array;
  readonly geometry: ImageGeometry;
  /** The region to outline, and a region being drawn (a rectangle's corners or a lasso's path, in map units). */
  readonly region: MapRegion | null;
  readonly drawing: { readonly shape: 'rect' | 'lasso'; readonly path: readonly number[] } | null;
}

/** What the frame showed: how many selected digits were in view, and whether they were drawn as digits. */
export interface PaintedScene {
  readonly inView: number;
  readonly asDigits: boolean;
}

export function paintMapScene(ctx: CanvasRenderingContext2D, scene: MapScene): PaintedScene {
  const { dpr, view, points, selected } = scene;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const image = ctx.createImageData(w, h);
  const scaled = { ...view, scale: view.scale * dpr };
  const pointSize = Math.max(1, Math.round(2 * dpr * Math.min(Math.sqrt(scene.zoomedIn), 3)));
  // Fully opaque once zoomed in; at the full view a third, so piles read darker than strays.
  const opacity = Math.min(1, 0.35 + 0.2 * (scene.zoomedIn - 1));
  const inView = paintMapPoints(image, { points, colours: scene.colours.colours, order: scene.colours.order, selected, view: scaled, pointSize, background: scene.background, opacity });
  const asDigits = scene.pictures && inView <= DIGITS_AS_POINTS;
  if (scene.pictures) {
    const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, w * h);
    const upright = uprightIndex(scene.geometry);
    const card = packed(scene.background);
    if (asDigits) {
      const size = Math.round(DIGIT_SIZE * dpr);
      const order = scene.colours.order;
      for (let n = 0; n < points.length / 2; n++) {
        const id = order ? order[n]! : n;
        if (!selected[id]) continue;
        const c = toCanvas(scaled, w, h, points[id * 2]!, points[id * 2 + 1]!);
        if (c.x < -size || c.y < -size || c.x > w + size || c.y > h + size) continue;
        stampDigit(pixels, w, h, { image: scene.pixelsOf(id), upright, left: Math.round(c.x - size / 2), top: Math.round(c.y - size / 2), size, ink: scene.colours.colours[id]!, card, framed: false });
      }
    } else {
      const size = Math.round(REPRESENTATIVE_SIZE * dpr);
      for (const r of representatives(points, selected, scaled, w, h, Math.round(PATCH * dpr), 12)) {
        stampDigit(pixels, w, h, { image: scene.pixelsOf(r.id), upright, left: Math.round(r.x - size / 2), top: Math.round(r.y - size / 2), size, ink: scene.colours.colours[r.id]!, card, framed: true });
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  outline(ctx, scene);
  return { inView, asDigits };
}

/** The region, dashed; a region being drawn, solid. */
function outline(ctx: CanvasRenderingContext2D, scene: MapScene): void {
  const { view, cssWidth, cssHeight, dpr } = scene;
  const at = (x: number, y: number) => toCanvas(view, cssWidth, cssHeight, x, y);
  const shapes: { path: readonly number[]; closed: boolean; dashed: boolean }[] = [];
  const region = scene.region;
  if (region?.shape === 'rect') shapes.push({ path: [region.x0, region.y0, region.x1, region.y0, region.x1, region.y1, region.x0, region.y1], closed: true, dashed: true });
  if (region?.shape === 'lasso') shapes.push({ path: region.vertices, closed: true, dashed: true });
  const drawing = scene.drawing;
  if (drawing?.shape === 'rect' && drawing.path.length === 4) {
    const [x0, y0, x1, y1] = drawing.path as [number, number, number, number];
    shapes.push({ path: [x0, y0, x1, y0, x1, y1, x0, y1], closed: true, dashed: false });
  }
  if (drawing?.shape === 'lasso') shapes.push({ path: drawing.path, closed: false, dashed: false });
  if (shapes.length === 0) return;
  ctx.save();
  ctx.scale(dpr, dpr);
  ctx.strokeStyle = scene.text;
  ctx.lineWidth = 1.5;
  for (const shape of shapes) {
    ctx.setLineDash(shape.dashed ? [5, 4] : []);
    ctx.beginPath();
    for (let i = 0; i < shape.path.length; i += 2) {
      const p = at(shape.path[i]!, shape.path[i + 1]!);
      if (i === 0) ctx.moveTo(p.x, p.y);
      else ctx.lineTo(p.x, p.y);
    }
    if (shape.closed) ctx.closePath();
    ctx.stroke();
  }
  ctx.restore();
}
