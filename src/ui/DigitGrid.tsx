import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeDigit, labelOf, locateDigit, type Dataset } from '../data/dataset';
import { useExplorerStore } from '../state/explorerStore';
import { useVisibleIds } from '../state/selectors';
import { DigitRowCanvas } from './DigitRowCanvas';
import { GRID_PADDING, gridLayout } from './gridLayout';
import { useElementWidth } from './useElementWidth';

/**
 * Mounted afresh for each selection (see App: keyed by dataset, split and digits), so a new
 * filter starts at its first digit with no stale scroll offset, in the same commit as the click.
 *
 * Every digit of the current selection: rows are virtualized by TanStack Virtual, each row is one
 * canvas with a transparent gridcell over each digit for focus, clicks and screen readers.
 */
export function DigitGrid({ dataset }: { dataset: Dataset }) {
  const ids = useVisibleIds();
  const zoom = useExplorerStore((s) => s.zoom);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const layout = gridLayout(zoom, width - 2 * GRID_PADDING);
  const rowCount = Math.ceil(ids.length / layout.columns);
  const [focusPos, setFocusPos] = useState(0);
  const wantsFocus = useRef(false);

  // eslint-disable-next-line react-hooks/incompatible-library -- not compiled by React Compiler; TanStack's fresh functions are fine here
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: 4,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
  });

  // Row height is fixed per zoom level, so a zoom change re-measures every row at once.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, layout.rowHeight]);

  const moveFocus = useCallback(
    (pos: number) => {
      if (ids.length === 0) return;
      const clamped = Math.max(0, Math.min(ids.length - 1, pos));
      wantsFocus.current = true;
      setFocusPos(clamped);
      virtualizer.scrollToIndex(Math.floor(clamped / layout.columns), { align: 'auto' });
    },
    [ids, layout.columns, virtualizer],
  );

  const virtualRows = virtualizer.getVirtualItems();
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
        setOpen(locateDigit(dataset, id));
      }
    }
  };

  return (
    <div
      ref={scrollRef}
      className="digit-grid"
      role="grid"
      aria-label="Digits"
      aria-rowcount={rowCount}
      aria-colcount={layout.columns}
      onKeyDown={onKeyDown}
    >
      <div className="digit-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const start = row.index * layout.columns;
          const count = Math.min(layout.columns, ids.length - start);
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 1}
              className="digit-grid-row"
              style={{ transform: `translateY(${row.start}px)`, height: layout.rowHeight, left: GRID_PADDING }}
            >
              <DigitRowCanvas dataset={dataset} ids={ids} start={start} count={count} layout={layout} />
              {Array.from({ length: count }, (_, c) => {
                const pos = start + c;
                const id = ids[pos]!;
                return (
                  <div
                    key={c}
                    role="gridcell"
                    aria-colindex={c + 1}
                    aria-label={describeDigit(dataset, id)}
                    data-pos={pos}
                    tabIndex={pos === focusPos ? 0 : -1}
                    className="digit-cell"
                    style={{ left: c * layout.cellWidth, width: layout.digitSize }}
                    onClick={() => {
                      setFocusPos(pos);
                      setOpen(locateDigit(dataset, id));
                    }}
                    onFocus={() => setFocusPos(pos)}
                  >
                    <span className="digit-cell-label" style={{ top: layout.digitSize }} aria-hidden="true">
                      {labelOf(dataset, id)}
                    </span>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
