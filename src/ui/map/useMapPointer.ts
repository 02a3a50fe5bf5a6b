// The map's pointer and keys: drag to pan, wheel or keys to zoom, hover names the digit under
// the pointer, a click opens it; with a tool on (or Shift + drag for a rectangle) a drag draws a
// rectangle or a freehand lasso, which becomes the region in its link form.
import { useEffect, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { MapPoints } from '../../data/analysis/mapLayouts';
import { lassoRegion, normaliseMapRegion, type MapRegion } from '../../data/analysis/mapRegion';
import { nearestPoint, toMap, zoomAbout, type MapViewport } from '../../render/mapPoints';

const HOVER_RADIUS = 8;
const CLICK_SLOP = 4;
const ZOOM_STEP = 1.5;
/** A lasso is simplified within this many CSS pixels of what was drawn. */
const LASSO_TOLERANCE = 1.5;

const corners = (a: { x: number; y: number }, b: { x: number; y: number }) => [a.x, a.y, b.x, b.y];

export type MapTool = 'pan' | 'rect' | 'lasso';

type Drag = { mode: MapTool; startX: number; startY: number; x: number; y: number; view: MapViewport; moved: boolean; path: number[] };

interface Options {
  readonly canvas: RefObject<HTMLCanvasElement | null>;
  readonly points: MapPoints;
  readonly selected: Uint8Array;
  readonly fitted: MapViewport | null;
  readonly width: number;
  readonly height: number;
  readonly tool: MapTool;
  /** Whether a drag may draw a region at all (not on a layout standing in for another). */
  readonly drawsRegions: boolean;
  readonly onRegion: (region: MapRegion) => void;
  /** A drawn lasso that encloses nothing. */
  readonly onEmptyLasso: () => void;
  readonly onOpen: (id: number) => void;
}

export function useMapPointer({ canvas, points, selected, fitted, width, height, tool, drawsRegions, onRegion, onEmptyLasso, onOpen }: Options) {
  const [view, setViewport] = useState<MapViewport | null>(null);
  const shownView = view ?? fitted;
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hovered, setHovered] = useState<{ id: number; x: number; y: number } | null>(null);

  // Wheel zoom needs a listener that may prevent the page from scrolling (React's is passive).
  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = target.getBoundingClientRect();
      setViewport((v) => {
        const base = v ?? fitted;
        return base ? zoomAbout(base, width, height, event.clientX - rect.left, event.clientY - rect.top, Math.exp(-event.deltaY / 400)) : v;
      });
    };
    target.addEventListener('wheel', onWheel, { passive: false });
    return () => target.removeEventListener('wheel', onWheel);
  }, [canvas, fitted, width, height]);

  const local = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const pointAt = (x: number, y: number) => (shownView ? nearestPoint(points, selected, shownView, width, height, x, y, HOVER_RADIUS) : -1);
  const mapAt = (x: number, y: number) => toMap(shownView!, width, height, x, y);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!shownView || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const { x, y } = local(event);
    const mode: MapTool = !drawsRegions ? 'pan' : event.shiftKey ? 'rect' : tool;
    const m = mapAt(x, y);
    setDrag({ mode, startX: x, startY: y, x, y, view: shownView, moved: false, path: [m.x, m.y] });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(event);
    if (!drag) {
      const id = pointAt(x, y);
      setHovered(id >= 0 ? { id, x, y } : null);
      return;
    }
    const moved = drag.moved || Math.hypot(x - drag.startX, y - drag.startY) > CLICK_SLOP;
    const m = drag.mode === 'lasso' ? toMap(drag.view, width, height, x, y) : null;
    setDrag({ ...drag, x, y, moved, path: m ? [...drag.path, m.x, m.y] : drag.path });
    if (moved && drag.mode === 'pan') setViewport({ ...drag.view, cx: drag.view.cx - (x - drag.startX) / drag.view.scale, cy: drag.view.cy + (y - drag.startY) / drag.view.scale });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drag || !shownView) return;
    const { x, y } = local(event);
    setDrag(null);
    if (!drag.moved) {
      const id = pointAt(x, y);
      if (id >= 0) onOpen(id);
      return;
    }
    if (drag.mode === 'rect') onRegion(normaliseMapRegion(mapAt(drag.startX, drag.startY), mapAt(x, y)));
    if (drag.mode === 'lasso') {
      const end = toMap(drag.view, width, height, x, y);
      const region = lassoRegion([...drag.path, end.x, end.y], LASSO_TOLERANCE / drag.view.scale);
      if (region) onRegion(region);
      else onEmptyLasso();
    }
  };

  const zoomBy = (factor: number) =>
    setViewport((v) => {
      const base = v ?? fitted;
      return base ? zoomAbout(base, width, height, width / 2, height / 2, factor) : v;
    });
  const panBy = (dx: number, dy: number) =>
    setViewport((v) => {
      const base = v ?? fitted;
      return base ? { ...base, cx: base.cx + dx / base.scale, cy: base.cy - dy / base.scale } : v;
    });
  const reset = () => setViewport(null);
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 40;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => panBy(-step, 0),
      ArrowRight: () => panBy(step, 0),
      ArrowUp: () => panBy(0, -step),
      ArrowDown: () => panBy(0, step),
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(1 / ZOOM_STEP),
      '0': reset,
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  /** The shape being drawn, in map units (a rectangle's two corners, or the lasso's path). */
  const drawing =
    drag && drag.moved && drag.mode !== 'pan'
      ? { shape: drag.mode, path: drag.mode === 'rect' ? corners(mapAt(drag.startX, drag.startY), mapAt(drag.x, drag.y)) : drag.path }
      : null;

  return {
    shownView,
    drawing,
    dragging: drag !== null,
    hovered: drag ? null : hovered,
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    reset,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: () => setDrag(null), onPointerLeave: () => setHovered(null), onKeyDown },
  };
}
