// The map's canvas: the points of the layout shown in the colours asked for, the pictures, the
// region; the tools beside it (zoom, rectangle, lasso). Paints at most once per frame.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { describeDigit, geometryOf, locateDigit, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import type { LayoutKind, MapPoints } from '../../data/analysis/mapLayouts';
import { drawDigit } from '../../render/drawDigits';
import { fitViewport } from '../../render/mapPoints';
import type { PointColours } from '../../render/mapColours';
import { paintMapScene } from '../../render/mapScene';
import { pageTheme } from '../../render/statsCharts';
import { selectionIdsFor, useModelFacts, useRegionFilter } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useElementWidth } from '../common/useElementWidth';
import { formatCount } from '../common/format';
import { useMapPointer, type MapTool } from './useMapPointer';

/** The page's background as #rrggbb (the canvas is painted byte by byte). */
function backgroundHex(element: Element): string {
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) return '#ffffff';
  probe.fillStyle = pageTheme(element).background;
  return /^#[0-9a-f]{6}$/i.test(probe.fillStyle) ? probe.fillStyle : '#ffffff';
}

const AXES: Readonly<Record<LayoutKind, string>> = {
  umap: 'the neighbourhood layout (UMAP)',
  pca: 'principal components 1 (x) and 2 (y)',
};

interface Props {
  readonly dataset: Dataset;
  readonly points: MapPoints;
  readonly layout: LayoutKind;
  readonly colours: PointColours;
  /** Whether the region belongs to this layout (drawn, selecting, and new ones drawn); not while another stands in. */
  readonly regions: boolean;
}

export function MapCanvas({ dataset, points, layout, colours, regions }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const hoverCanvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(frame);
  const height = Math.round(Math.min(720, Math.max(280, width * 0.72)));
  const dpr = typeof window === 'undefined' ? 1 : Math.min(window.devicePixelRatio || 1, 3);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const filter = useRegionFilter();
  // A region of the layout asked for, while another stands in, neither selects nor is drawn here.
  const region = regions ? filter : null;
  const setRegion = useExplorerStore((s) => s.setRegion);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const setView = useExplorerStore((s) => s.setView);
  const total = dataset.train.count + dataset.test.count;
  const model = useModelFacts();
  const selectionIds = useMemo(() => selectionIdsFor(dataset, split, digits, region, model), [dataset, split, digits, region, model]);
  const selected = useMemo(() => {
    const mask = new Uint8Array(total);
    for (let i = 0; i < selectionIds.length; i++) mask[selectionIds[i]!] = 1;
    return mask;
  }, [total, selectionIds]);
  const fitted = useMemo(() => (width > 0 ? fitViewport(points, width, height) : null), [points, width, height]);
  const [tool, setTool] = useState<MapTool>('pan');
  const [pictures, setPictures] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const pointer = useMapPointer({
    canvas,
    points,
    selected,
    fitted,
    width,
    height,
    tool,
    drawsRegions: regions,
    onRegion: (r) => {
      setRegion(r);
      setTool('pan');
      setNotice(null);
    },
    onEmptyLasso: () => setNotice('That lasso encloses nothing: draw around the digits you want.'),
    onOpen: (id) => setOpen(locateDigit(dataset, id), 'grid'),
  });
  const { shownView, drawing } = pointer;

  // Paint on the next frame whenever what is drawn changes.
  useLayoutEffect(() => {
    const target = canvas.current;
    if (!target || !shownView || !fitted || width === 0) return;
    const handle = requestAnimationFrame(() => {
      const ctx = target.getContext('2d');
      if (!ctx) return;
      const [w, h] = [Math.round(width * dpr), Math.round(height * dpr)];
      if (target.width !== w || target.height !== h) [target.width, target.height] = [w, h];
      const theme = pageTheme(target);
      paintMapScene(ctx, {
        points,
        colours,
        selected,
        view: shownView,
        cssWidth: width,
        cssHeight: height,
        dpr,
        zoomedIn: Math.max(1, shownView.scale / fitted.scale),
        background: backgroundHex(target),
        text: theme.text,
        pictures,
        pixelsOf: (id) => pixelsOf(dataset, id),
        geometry: geometryOf(dataset),
        region: region?.region ?? null,
        drawing,
      });
    });
    return () => cancelAnimationFrame(handle);
  }, [dataset, points, colours, selected, shownView, fitted, width, height, dpr, drawing, region, pictures]);

  useEffect(() => {
    if (pointer.hovered && hoverCanvas.current) drawDigit(hoverCanvas.current, pixelsOf(dataset, pointer.hovered.id), geometryOf(dataset));
  }, [pointer.hovered, dataset]);

  const hovered = pointer.hovered;
  const toolButton = (which: MapTool, label: string) => (
    <button type="button" aria-pressed={tool === which} onClick={() => setTool((t) => (t === which ? 'pan' : which))}>
      {label}
    </button>
  );
  return (
    <div className="map-frame">
      <div className="map-tools" role="group" aria-label="Map tools">
        <button type="button" onClick={pointer.zoomIn}>Zoom in</button>
        <button type="button" onClick={pointer.zoomOut}>Zoom out</button>
        <button type="button" onClick={pointer.reset}>Reset view</button>
        {regions && toolButton('rect', 'Select a rectangle')}
        {regions && toolButton('lasso', 'Draw a lasso')}
        <label className="control">
          <input type="checkbox" checked={pictures} onChange={(e) => setPictures(e.target.checked)} />
          <span>Pictures</span>
        </label>
        {region && (
          <>
            <button type="button" onClick={() => setRegion(null)}>Clear region</button>
            <button type="button" onClick={() => setView('digits')}>
              Show these {formatCount(selectionIds.length)} digits in the grid
            </button>
          </>
        )}
      </div>
      {notice && (
        <p className="map-notice" role="status">
          {notice}
        </p>
      )}
      <div className="map-canvas" ref={frame}>
        <canvas
          ref={canvas}
          style={{ width: `${width}px`, height: `${height}px`, cursor: tool !== 'pan' ? 'crosshair' : pointer.dragging ? 'grabbing' : 'grab' }}
          tabIndex={0}
          role="img"
          aria-label={`Map of ${total} digits on ${AXES[layout]}, ${selectionIds.length} of them in the selection; arrows pan, + and − zoom, 0 resets`}
          {...pointer.handlers}
        />
        {hovered && (
          <div className="map-hover" role="tooltip" style={{ left: `${Math.min(hovered.x + 14, Math.max(0, width - 150))}px`, top: `${hovered.y + 14}px` }}>
            <canvas ref={hoverCanvas} width={56} height={56} aria-hidden="true" />
            <span>{describeDigit(dataset, hovered.id)}</span>
          </div>
        )}
      </div>
    </div>
  );
}
