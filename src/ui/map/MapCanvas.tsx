// The map's canvas: drag to pan, wheel or the buttons to zoom, hover for the digit under the
// pointer, click to open it; a rectangle (Select a rectangle, or Shift + drag) sets the region
// that filters the grid and goes into the link. Paints at most once per frame.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { describeDigit, geometryOf, locateDigit, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { normaliseMapRegion, type DigitMap } from '../../data/analysis/digitMap';
import { drawDigit } from '../../render/drawDigits';
import { fitViewport, nearestPoint, paintMapPoints, toCanvas, toMap, zoomAbout, type MapViewport } from '../../render/mapPoints';
import { pageTheme } from '../../render/statsCharts';
import { selectionIdsFor, useRegionFilter } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useElementWidth } from '../common/useElementWidth';
import { formatCount } from '../common/format';

const HOVER_RADIUS = 8;
const CLICK_SLOP = 4;
const ZOOM_STEP = 1.5;

function labelsById(dataset: Dataset): Uint8Array {
  const labels = new Uint8Array(dataset.train.count + dataset.test.count);
  labels.set(dataset.train.labels.subarray(0, dataset.train.count));
  labels.set(dataset.test.labels.subarray(0, dataset.test.count), dataset.train.count);
  return labels;
}

/** The page's background as #rrggbb (the canvas is painted byte by byte). */
function backgroundHex(element: Element): string {
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) return '#ffffff';
  probe.fillStyle = pageTheme(element).background;
  return /^#[0-9a-f]{6}$/i.test(probe.fillStyle) ? probe.fillStyle : '#ffffff';
}

type Drag = { mode: 'pan' | 'select'; startX: number; startY: number; x: number; y: number; view: MapViewport; moved: boolean };

export function MapCanvas({ dataset, map }: { dataset: Dataset; map: DigitMap }) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const hoverCanvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(frame);
  const height = Math.round(Math.min(720, Math.max(280, width * 0.72)));
  const dpr = typeof window === 'undefined' ? 1 : Math.min(window.devicePixelRatio || 1, 3);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const region = useRegionFilter();
  const setRegion = useExplorerStore((s) => s.setRegion);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const setView = useExplorerStore((s) => s.setView);
  const labels = useMemo(() => labelsById(dataset), [dataset]);
  const selectionIds = useMemo(() => selectionIdsFor(dataset, split, digits, region), [dataset, split, digits, region]);
  const selected = useMemo(() => {
    const mask = new Uint8Array(labels.length);
    for (let i = 0; i < selectionIds.length; i++) mask[selectionIds[i]!] = 1;
    return mask;
  }, [labels, selectionIds]);
  const fitted = useMemo(() => (width > 0 ? fitViewport(map.coordinates, width, height) : null), [map, width, height]);
  const [view, setViewport] = useState<MapViewport | null>(null);
  const shownView = view ?? fitted;
  const [selecting, setSelecting] = useState(false);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [hovered, setHovered] = useState<{ id: number; x: number; y: number } | null>(null);

  // Paint on the next frame whenever what is drawn changes.
  useLayoutEffect(() => {
    const target = canvas.current;
    if (!target || !shownView || width === 0) return;
    const handle = requestAnimationFrame(() => {
      const ctx = target.getContext('2d');
      if (!ctx) return;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (target.width !== w || target.height !== h) {
        target.width = w;
        target.height = h;
      }
      const image = ctx.createImageData(w, h);
      const scaled = { ...shownView, scale: shownView.scale * dpr };
      const zoomedIn = fitted ? Math.sqrt(Math.max(1, shownView.scale / fitted.scale)) : 1;
      paintMapPoints(image, { coordinates: map.coordinates, labels, selected, view: scaled, pointSize: Math.max(1, Math.round(2 * dpr * Math.min(zoomedIn, 3))), background: backgroundHex(target) });
      ctx.putImageData(image, 0, 0);
      const box = drag?.mode === 'select' && drag.moved ? { a: toMap(shownView, width, height, drag.startX, drag.startY), b: toMap(shownView, width, height, drag.x, drag.y) } : null;
      const rect = box ? normaliseMapRegion(box.a, box.b) : region?.region;
      if (rect) {
        const p = toCanvas(shownView, width, height, rect.x0, rect.y1);
        const q = toCanvas(shownView, width, height, rect.x1, rect.y0);
        ctx.save();
        ctx.scale(dpr, dpr);
        ctx.strokeStyle = pageTheme(target).text;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([5, 4]);
        ctx.strokeRect(p.x, p.y, q.x - p.x, q.y - p.y);
        ctx.restore();
      }
    });
    return () => cancelAnimationFrame(handle);
  }, [map, labels, selected, shownView, fitted, width, height, dpr, drag, region]);

  useEffect(() => {
    if (hovered && hoverCanvas.current) drawDigit(hoverCanvas.current, pixelsOf(dataset, hovered.id), geometryOf(dataset));
  }, [hovered, dataset]);

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
  }, [fitted, width, height]);

  const local = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const pointAt = (x: number, y: number) => (shownView ? nearestPoint(map.coordinates, selected, shownView, width, height, x, y, HOVER_RADIUS) : -1);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!shownView || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const { x, y } = local(event);
    setDrag({ mode: selecting || event.shiftKey ? 'select' : 'pan', startX: x, startY: y, x, y, view: shownView, moved: false });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(event);
    if (!drag) {
      const id = pointAt(x, y);
      setHovered(id >= 0 ? { id, x, y } : null);
      return;
    }
    const moved = drag.moved || Math.hypot(x - drag.startX, y - drag.startY) > CLICK_SLOP;
    setDrag({ ...drag, x, y, moved });
    if (moved && drag.mode === 'pan') setViewport({ ...drag.view, cx: drag.view.cx - (x - drag.startX) / drag.view.scale, cy: drag.view.cy + (y - drag.startY) / drag.view.scale });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drag || !shownView) return;
    const { x, y } = local(event);
    setDrag(null);
    if (!drag.moved) {
      const id = pointAt(x, y);
      if (id >= 0) setOpen(locateDigit(dataset, id), 'grid');
      return;
    }
    if (drag.mode === 'select') {
      setRegion(normaliseMapRegion(toMap(shownView, width, height, drag.startX, drag.startY), toMap(shownView, width, height, x, y)));
      setSelecting(false);
    }
  };

  const zoomBy = (factor: number) => setViewport((v) => { const base = v ?? fitted; return base ? zoomAbout(base, width, height, width / 2, height / 2, factor) : v; });
  const panBy = (dx: number, dy: number) => setViewport((v) => { const base = v ?? fitted; return base ? { ...base, cx: base.cx + dx / base.scale, cy: base.cy - dy / base.scale } : v; });
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
      '0': () => setViewport(null),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const total = labels.length;
  return (
    <div className="map-frame">
      <div className="map-tools" role="group" aria-label="Map tools">
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)}>Zoom in</button>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)}>Zoom out</button>
        <button type="button" onClick={() => setViewport(null)}>Reset view</button>
        <button type="button" aria-pressed={selecting} onClick={() => setSelecting((s) => !s)}>Select a rectangle</button>
        {region && (
          <>
            <button type="button" onClick={() => setRegion(null)}>Clear region</button>
            <button type="button" onClick={() => setView('digits')}>
              Show these {formatCount(selectionIds.length)} digits in the grid
            </button>
          </>
        )}
      </div>
      <div className="map-canvas" ref={frame}>
        <canvas
          ref={canvas}
          style={{ width: `${width}px`, height: `${height}px`, cursor: selecting ? 'crosshair' : drag ? 'grabbing' : 'grab' }}
          tabIndex={0}
          role="img"
          aria-label={`Map of ${total} digits on principal components 1 (x) and 2 (y), ${selectionIds.length} of them in the selection; arrows pan, + and − zoom, 0 resets`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
          onPointerLeave={() => setHovered(null)}
          onKeyDown={onKeyDown}
        />
        {hovered && !drag && (
          <div className="map-hover" role="tooltip" style={{ left: `${Math.min(hovered.x + 14, Math.max(0, width - 150))}px`, top: `${hovered.y + 14}px` }}>
            <canvas ref={hoverCanvas} width={56} height={56} aria-hidden="true" />
            <span>{describeDigit(dataset, hovered.id)}</span>
          </div>
        )}
      </div>
    </div>
  );
}
