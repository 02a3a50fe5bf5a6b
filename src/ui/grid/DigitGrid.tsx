import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { locateDigit, type Dataset } from '../../data/dataset/dataset';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useVisibleIds } from '../../state/store/selectors';
import { DigitGridRow } from './DigitGridRow';
import { positionOf } from '../../data/dataset/labelIndex';
import { registerGridFocuser } from './digitFocus';
import { GRID_PADDING, gridLayout, minGridHeight } from './gridLayout';
import { useElementWidth } from '../common/useElementWidth';

const OVERSCAN = 4;

/**
 * Mounted afresh for each load (see App); a new selection reuses its rows and starts at the top.
 *
 * Every digit of the current selection: rows are virtualized by TanStack Virtual, each row is one
 * canvas with a transparent gridcell over each digit for focus, clicks and screen readers.
 */
export function DigitGrid({ dataset, dataKey }: { dataset: Dataset; dataKey: string }) {
  const ids = useVisibleIds();
  const zoom = useExplorerStore((s) => s.zoom);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  // One layout object per zoom and width, so memoized rows see the same props while scrolling.
  const layout = useMemo(() => gridLayout(zoom, width - 2 * GRID_PADDING), [zoom, width]);
  const rowCount = Math.ceil(ids.length / layout.columns);
  const [focusPos, setFocusPos] = useState(0);
  const wantsFocus = useRef(false);

  // eslint-disable-next-line react-hooks/incompatible-library -- not compiled by React Compiler; TanStack's fresh functions are fine here
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: OVERSCAN,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
  });

  // Row height is fixed per zoom level, so a zoom change re-measures every row at once.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, layout.rowHeight]);

  // A new selection starts at its first digit. The grid is not mounted afresh for it (that
  // rebuilt every row, canvas and cell: a third of a click's time): the virtualizer is told to go
  // to the top before paint, and the scroll it makes lays out the top rows in the same frame.
  const shownIds = useRef(ids);
  useLayoutEffect(() => {
    if (shownIds.current === ids) return;
    shownIds.current = ids;
    virtualizer.scrollToOffset(0);
    wantsFocus.current = false;
    setFocusPos(0);
  }, [ids, virtualizer]);

  const moveFocus = useCallback(
    (pos: number) => {
      if (ids.length === 0) return;
      const clamped = Math.max(0, Math.min(ids.length - 1, pos));
      setFocusPos(clamped);
      virtualizer.scrollToIndex(Math.floor(clamped / layout.columns), { align: 'auto' });
      // Focus the cell now if its row is rendered; otherwise once it is (the effect below).
      const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-pos="${clamped}"]`);
      if (cell) cell.focus({ preventScroll: true });
      else wantsFocus.current = true;
    },
    [ids, layout.columns, virtualizer],
  );

  // A closing detail hands focus back to the digit it showed last.
  useEffect(
    () =>
      registerGridFocuser((id) => {
        const pos = positionOf(ids, id);
        if (pos < 0) return false;
        moveFocus(pos);
        return true;
      }),
    [ids, moveFocus],
  );

  const virtualRows = virtualizer.getVirtualItems();
  // The rows in the viewport, without the overscan (set by getVirtualItems).
  const onScreen = virtualizer.range ?? { startIndex: 0, endIndex: -1 };
  // More slots than rows can ever be rendered at once, so slot keys never collide.
  const rowSlots = Math.ceil((scrollRef.current?.clientHeight ?? window.innerHeight) / layout.rowHeight) + 2 * OVERSCAN + 4;
  // After a keyboard move the target cell may only exist once its row renders: focus it then.
  useEffect(() => {
    if (!wantsFocus.current) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-pos="${focusPos}"]`);
    if (cell) {
      cell.focus({ preventScroll: true });
      wantsFocus.current = false;
    }
  }, [focusPos, virtualRows]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cols = layout.columns;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / layout.rowHeight));
    const moves: Record<string, number> = {
      ArrowRight: focusPos + 1,
      ArrowLeft: focusPos - 1,
      ArrowDown: focusPos + cols,
      ArrowUp: focusPos - cols,
      PageDown: focusPos + cols * pageRows,
      PageUp: focusPos - cols * pageRows,
      Home: event.ctrlKey ? 0 : focusPos - (focusPos % cols),
      End: event.ctrlKey ? ids.length - 1 : focusPos - (focusPos % cols) + cols - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveFocus(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const id = ids[focusPos];
      if (id !== undefined) {
        event.preventDefault();
        setOpen(locateDigit(dataset, id), 'grid');
      }
    }
  };

  return (
    <div
      ref={scrollRef}
      id="digit-grid"
      className="digit-grid"
      style={{ '--grid-min': `${minGridHeight(layout)}px` } as CSSProperties}
      role="grid"
      aria-label={dataset.info.noun.many.charAt(0).toUpperCase() + dataset.info.noun.many.slice(1)}
      aria-rowcount={rowCount}
      aria-colcount={layout.columns}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const pos = cellPosition(event.target);
        const id = pos === null ? undefined : ids[pos];
        if (pos === null || id === undefined) return;
        setFocusPos(pos);
        setOpen(locateDigit(dataset, id), 'grid');
      }}
      onFocus={(event) => {
        const pos = cellPosition(event.target);
        if (pos !== null) setFocusPos(pos);
      }}
    >
      <div className="digit-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const rowStart = row.index * layout.columns;
          // Keyed by slot, not by row: a row scrolled out hands its canvas and cells to the row
          // scrolled in, so a fling updates attributes and pixels instead of building DOM.
          const inRow = focusPos >= rowStart && focusPos < rowStart + layout.columns;
          return (
            <DigitGridRow
              key={row.index % rowSlots}
              dataset={dataset}
              dataKey={dataKey}
              ids={ids}
              rowIndex={row.index}
              top={row.start}
              layout={layout}
              focusColumn={inRow ? focusPos - rowStart : -1}
              onScreen={row.index >= onScreen.startIndex && row.index <= onScreen.endIndex}
            />
          );
        })}
      </div>
    </div>
  );
}

function cellPosition(target: EventTarget): number | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[data-pos]') : null;
  return cell ? Number(cell.dataset.pos) : null;
}
