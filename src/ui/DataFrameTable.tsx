import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { describeDigit, type Dataset } from '../data/dataset';
import { FRAME_COLUMNS, frameCell } from '../data/dataFrame';

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 58;
const INDEX_WIDTH = 118;

/**
 * The whole frame, 70,000 × 785, virtualized both ways with TanStack Virtual (rows and columns
 * side by side, as in its grid example): only the cells in view exist in the DOM.
 */
export function DataFrameTable({ dataset, ids, normalized }: { dataset: Dataset; ids: Uint32Array; normalized: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- not compiled by React Compiler
  const rows = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: FRAME_COLUMNS.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    overscan: 4,
  });
  const width = INDEX_WIDTH + columns.getTotalSize();
  const visibleColumns = columns.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className="frame-scroll"
      role="table"
      aria-label="Data frame"
      aria-rowcount={ids.length + 1}
      aria-colcount={FRAME_COLUMNS.length + 1}
    >
      <div className="frame-header" role="row" aria-rowindex={1} style={{ width, height: ROW_HEIGHT }}>
        <div className="frame-corner" role="columnheader" aria-colindex={1} style={{ width: INDEX_WIDTH }}>
          digit
        </div>
        {visibleColumns.map((col) => (
          <div
            key={col.key}
            role="columnheader"
            aria-colindex={col.index + 2}
            className="frame-cell"
            style={{ left: INDEX_WIDTH + col.start, width: COLUMN_WIDTH }}
          >
            {FRAME_COLUMNS[col.index]}
          </div>
        ))}
      </div>
      <div className="frame-body" style={{ width, height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((row) => {
          const id = ids[row.index]!;
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 2}
              className="frame-row"
              style={{ transform: `translateY(${row.start}px)`, width, height: ROW_HEIGHT }}
            >
              <div role="rowheader" aria-colindex={1} className="frame-index" style={{ width: INDEX_WIDTH }}>
                {describeDigit(dataset, id).split(',')[0]}
              </div>
              {visibleColumns.map((col) => (
                <div
                  key={col.key}
                  role="cell"
                  aria-colindex={col.index + 2}
                  className={col.index === 0 ? 'frame-cell frame-label' : 'frame-cell'}
                  style={{ left: INDEX_WIDTH + col.start, width: COLUMN_WIDTH }}
                >
                  {frameCell(dataset, id, col.index, normalized)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
