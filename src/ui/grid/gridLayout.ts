import { IMAGE_SIDE } from '../../data/dataset/mnist';

/** Space between cells, in CSS pixels. */
const CELL_GAP = 4;
/**
 * The notebook writes each label with fontsize 18 above a 28-pixel image; the grid keeps that
 * proportion at every zoom, so labels grow and shrink with the digits.
 */
export const LABEL_FONT_RATIO = 18 / 28;
const MIN_LABEL_FONT = 8;
/** Rows the grid always has room for, however small the window (phones, 200 % zoom). */
export const MIN_VISIBLE_ROWS = 3;

export interface GridLayout {
  readonly digitSize: number;
  readonly cellWidth: number;
  readonly rowHeight: number;
  /** Font size of the label, in CSS pixels, and the strip above each digit that holds it. */
  readonly labelFont: number;
  readonly labelStrip: number;
  /** The label strip and the digit: the drawn part of a row. */
  readonly labelledHeight: number;
  readonly columns: number;
}

export function labelFontFor(digitSize: number): number {
  return Math.max(MIN_LABEL_FONT, Math.round(digitSize * LABEL_FONT_RATIO));
}

export function gridLayout(zoom: number, viewportWidth: number): GridLayout {
  const digitSize = Math.round(IMAGE_SIDE * zoom);
  const labelFont = labelFontFor(digitSize);
  const labelStrip = Math.round(labelFont * 1.25);
  const cellWidth = digitSize + CELL_GAP;
  const labelledHeight = labelStrip + digitSize;
  const rowHeight = labelledHeight + CELL_GAP;
  const columns = Math.max(1, Math.floor((viewportWidth - CELL_GAP) / cellWidth));
  return { digitSize, cellWidth, rowHeight, labelFont, labelStrip, labelledHeight, columns };
}

/** The smallest height of the grid's scroll box: MIN_VISIBLE_ROWS whole rows and the padding. */
export function minGridHeight(layout: GridLayout): number {
  return MIN_VISIBLE_ROWS * layout.rowHeight + 2 * GRID_PADDING;
}

export const GRID_PADDING = CELL_GAP;
