import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { locateDigit, type Dataset } from '../../data/dataset/dataset';
import { positionOf } from '../../data/dataset/labelIndex';
import { useVisibleIds } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useDigitColours } from '../common/useDigitColours';
import { useElementWidth } from '../common/useElementWidth';
import type { CellElement } from './accessibleRows';
import { registerGridFocuser } from './digitFocus';
import { GridSurface } from './gridSurface';
import { GRID_PADDING, gridLayout, minGridHeight } from './gridLayout';

/**
 * Every digit of the current selection. React renders the frame (the scroll box, its height, the
 * canvas and the element the rows live in); the rows on screen are painted and their accessible
 * cells written by the grid surface (gridSurface.ts), outside React, as the view scrolls.
 */
export function DigitGrid({ dataset, dataKey }: { dataset: Dataset; dataKey: string }) {
  const ids = useVisibleIds();
  const zoom = useExplorerStore((s) => s.zoom);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<GridSurface | null>(null);
  const width = useElementWidth(scrollRef);
  const layout = useMemo(() => gridLayout(zoom, width - 2 * GRID_PADDING), [zoom, width]);
  const { colours } = useDigitColours(dataset, layout.banded);
  const rowCount = Math.ceil(ids.length / layout.columns);
  const [hover, setHover] = useState<{ name: string; x: number; y: number } | null>(null);

  useLayoutEffect(() => {
    const surface = new GridSurface({ scroller: scrollRef.current!, canvas: canvasRef.current!, rows: rowsRef.current! });
    surfaceRef.current = surface;
    return () => {
      surface.dispose();
      surfaceRef.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    surfaceRef.current?.show({ dataset, dataKey, ids, layout, bands: layout.banded ? (colours?.colours ?? null) : null });
  }, [dataset, dataKey, ids, layout, colours]);

  // A closing detail hands focus back to the digit it showed last.
  useEffect(
    () =>
      registerGridFocuser((id) => {
        const pos = positionOf(ids, id);
        if (pos < 0) return false;
        surfaceRef.current?.moveFocus(pos, true);
        return true;
      }),
    [ids],
  );

  const open = (pos: number | null) => {
    const id = pos === null ? undefined : ids[pos];
    if (pos === null || id === undefined) return;
    surfaceRef.current?.moveFocus(pos, false);
    setOpen(locateDigit(dataset, id), 'grid');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const surface = surfaceRef.current;
    if (!surface) return;
    const at = surface.focusedPosition;
    const cols = layout.columns;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / layout.rowHeight));
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      ArrowDown: at + cols,
      ArrowUp: at - cols,
      PageDown: at + cols * pageRows,
      PageUp: at - cols * pageRows,
      Home: event.ctrlKey ? 0 : at - (at % cols),
      End: event.ctrlKey ? ids.length - 1 : at - (at % cols) + cols - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      surface.moveFocus(target, true);
    } else if ((event.key === 'Enter' || event.key === ' ') && ids[at] !== undefined) {
      event.preventDefault();
      open(at);
    }
  };

  const name = dataset.info.noun.many.charAt(0).toUpperCase() + dataset.info.noun.many.slice(1);
  return (
    <>
      <div
        ref={scrollRef}
        id="digit-grid"
        className={layout.banded ? 'digit-grid digit-grid-dense' : 'digit-grid'}
        style={{ '--grid-min': `${minGridHeight(layout)}px` } as CSSProperties}
        role="grid"
        aria-label={name}
        aria-rowcount={rowCount}
        aria-colcount={layout.columns}
        onKeyDown={onKeyDown}
        onClick={(event) => {
          const cell = event.target instanceof Element ? event.target.closest<CellElement>('[role="gridcell"]') : null;
          setHover(null);
          open(cell?.gridPos ?? surfaceRef.current?.positionAt(event.clientX, event.clientY) ?? null);
        }}
        onFocus={(event) => {
          if (event.target.getAttribute('role') === 'gridcell') surfaceRef.current?.focused(event.target);
        }}
        onPointerMove={(event) => {
          const pos = surfaceRef.current?.positionAt(event.clientX, event.clientY) ?? null;
          setHover(pos === null ? null : { name: surfaceRef.current!.nameAt(pos), x: event.clientX, y: event.clientY });
        }}
        onPointerLeave={() => setHover(null)}
        // What is under the pointer changes with the scroll: the tooltip waits for the next move.
        onScroll={() => setHover(null)}
      >
        <div className="digit-grid-body" style={{ height: rowCount * layout.rowHeight + 2 * GRID_PADDING }}>
          <canvas ref={canvasRef} className="digit-grid-canvas" aria-hidden="true" />
          <div ref={rowsRef} className="digit-grid-rows" />
        </div>
      </div>
      {hover && (
        <div role="tooltip" className="grid-tooltip" style={{ left: hover.x + 12, top: hover.y + 16 }}>
          {hover.name}
        </div>
      )}
    </>
  );
}
