import { memo } from 'react';
import { describeDigit, type Dataset } from '../../data/dataset/dataset';
import { DigitRowCanvas } from './DigitRowCanvas';
import { GRID_PADDING, type GridLayout } from './gridLayout';

interface Props {
  readonly dataset: Dataset;
  /** Which load the pixels come from (see App): equal keys, equal pixels for equal ids. */
  readonly dataKey: string;
  readonly ids: Uint32Array;
  readonly rowIndex: number;
  readonly top: number;
  readonly layout: GridLayout;
  /** Column of the roving-focus cell if it is in this row, else -1. */
  readonly focusColumn: number;
  /** Whether the row is in the viewport (not overscan): its pixels are painted in this frame. */
  readonly onScreen: boolean;
}

/**
 * One grid row: a canvas with the digits and their labels, and an empty gridcell over each digit
 * for focus, clicks and its accessible name. Memoized, so scrolling renders only the rows that
 * come into view; clicks and focus are handled once, on the grid, by `data-pos`.
 */
export const DigitGridRow = memo(function DigitGridRow({ dataset, dataKey, ids, rowIndex, top, layout, focusColumn, onScreen }: Props) {
  const start = rowIndex * layout.columns;
  const count = Math.min(layout.columns, ids.length - start);
  const cells = [];
  for (let c = 0; c < count; c++) {
    const pos = start + c;
    const name = describeDigit(dataset, ids[pos]!);
    cells.push(
      <div
        key={c}
        role="gridcell"
        aria-colindex={c + 1}
        aria-label={name}
        title={name}
        data-pos={pos}
        tabIndex={c === focusColumn ? 0 : -1}
        className="digit-cell"
        style={{ left: c * layout.cellWidth, width: layout.digitSize }}
      />,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 1}
      className="digit-grid-row"
      style={{ transform: `translateY(${top}px)`, height: layout.rowHeight, left: GRID_PADDING }}
    >
      <DigitRowCanvas dataset={dataset} dataKey={dataKey} ids={ids} start={start} count={count} layout={layout} onScreen={onScreen} />
      {cells}
    </div>
  );
});
