import { labelText } from '../../data/dataset/catalog';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';
import { labelOf, locateDigit, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { pixelColumns, pixelText } from '../../data/export/dataFrame';

const ROW_HEIGHT = 24;
const RAW_WIDTH = 44;
/** Normalized values are six decimals wide ("0.992157"), as pandas displays them. */
const NORMALIZED_WIDTH = 72;
/** split, index (the row's MultiIndex) and label: pinned at the left while scrolling right. */
const PINNED = [
  { name: 'split', width: 56 },
  { name: 'index', width: 56 },
  { name: 'label', width: 48 },
] as const;
const PINNED_WIDTH = PINNED.reduce((w, c) => w + c.width, 0);
/** aria-colindex of pixel 0: after the three pinned columns. */
const FIRST_PIXEL_COLUMN = PINNED.length + 1;

/**
 * The whole frame, 70,000 × 785, virtualized both ways with TanStack Virtual (rows and columns
 * side by side, as in its grid example): only the cells in view exist in the DOM. The index
 * levels and the label stay pinned while the 784 pixel columns scroll.
 */
export function DataFrameTable({ dataset, ids, normalized }: { dataset: Dataset; ids: Uint32Array; normalized: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columnWidth = normalized ? NORMALIZED_WIDTH : RAW_WIDTH;
  const PIXEL_COLUMNS = pixelColumns(dataset);
  // eslint-disable-next-line react-hooks/incompatible-library -- not compiled by React Compiler
  const rows = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: PIXEL_COLUMNS.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => columnWidth,
    overscan: 4,
    scrollMargin: PINNED_WIDTH,
  });
  // Normalized values are wider: re-measure every column when the mode changes.
  useLayoutEffect(() => columns.measure(), [columns, columnWidth]);
  const width = PINNED_WIDTH + columns.getTotalSize();
  const visibleColumns = columns.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className="frame-scroll"
      role="table"
      aria-label="Data frame"
      aria-rowcount={ids.length + 1}
      aria-colcount={PINNED.length + PIXEL_COLUMNS.length}
    >
      <div className="frame-header" role="row" aria-rowindex={1} style={{ width, height: ROW_HEIGHT }}>
        <div className="frame-pinned">
          {PINNED.map((c, i) => (
            <div key={c.name} role="columnheader" aria-colindex={i + 1} style={{ width: c.width }}>
              {c.name}
            </div>
          ))}
        </div>
        <PixelCells columns={visibleColumns} role="columnheader" width={columnWidth} text={(c) => PIXEL_COLUMNS[c]} />
      </div>
      <div className="frame-body" style={{ width, height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((row) => {
          const id = ids[row.index]!;
          const { split, index } = locateDigit(dataset, id);
          const pixels = pixelsOf(dataset, id);
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 2}
              className="frame-row"
              style={{ transform: `translateY(${row.start}px)`, width, height: ROW_HEIGHT }}
            >
              <div className="frame-pinned">
                <div role="rowheader" aria-colindex={1} style={{ width: PINNED[0].width }}>
                  {split}
                </div>
                <div role="rowheader" aria-colindex={2} style={{ width: PINNED[1].width }}>
                  {index}
                </div>
                <div role="cell" aria-colindex={3} className="frame-label" style={{ width: PINNED[2].width }}>
                  {labelText(dataset.info, labelOf(dataset, id))}
                </div>
              </div>
              <PixelCells columns={visibleColumns} role="cell" width={columnWidth} text={(c) => pixelText(pixels[c] ?? 0, normalized)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The pixel columns on screen of one row (or of the header), each where the column virtualizer puts it. */
function PixelCells({ columns, role, width, text }: { columns: readonly VirtualItem[]; role: 'columnheader' | 'cell'; width: number; text: (column: number) => string | undefined }) {
  return columns.map((col) => (
    <div key={col.key} role={role} aria-colindex={FIRST_PIXEL_COLUMN + col.index} className="frame-cell" style={{ left: col.start, width }}>
      {text(col.index)}
    </div>
  ));
}
