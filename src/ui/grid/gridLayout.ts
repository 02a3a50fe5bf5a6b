import { IMAGE_SIDE } from '../../data/dataset/mnist';
import { isBandedZoom } from '../../state/store/viewOptions';

/** Space between cells, in CSS pixels, where labels are written. */
const CELL_GAP = 4;
/** Space between cells of the dense overview: the digits are the picture, the gaps only separate them. */
const DENSE_GAP = 1;
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
  /** Font size of the label, in CSS pixels (0 when banded), and the strip above each digit that holds it (or the band below). */
  readonly labelFont: number;
  readonly labelStrip: number;
  /** Labels as thin colour bands under the digits: where a label no longer fits as text. */
  readonly banded: boolean;
  /** The label strip and the digit: the drawn part of a row. */
  readonly labelledHeight: number;
  readonly columns: number;
}

export function labelFontFor(digitSize: number): number {
  return Math.max(MIN_LABEL_FONT, Math.round(digitSize * LABEL_FONT_RATIO));
}

export function gridLayout(zoom: number, viewportWidth: number): GridLayout {
  const digitSize = Math.max(1, Math.round(IMAGE_SIDE * zoom));
  const banded = isBandedZoom(zoom);
  const gap = banded ? DENSE_GAP : CELL_GAP;
  const labelFont = banded ? 0 : labelFontFor(digitSize);
  const labelStrip = banded ? Math.max(1, Math.round(digitSize / 4)) : Math.round(labelFont * 1.25);
  const cellWidth = digitSize + gap;
  const labelledHeight = labelStrip + digitSize;
  const rowHeight = labelledHeight + gap;
  const columns = Math.max(1, Math.floor((viewportWidth - gap) / cellWidth));
  return { digitSize, cellWidth, rowHeight, labelFont, labelStrip, banded, labelledHeight, columns };
}

/** The smallest height of the grid's scroll box: MIN_VISIBLE_ROWS whole rows and the padding. */
export function minGridHeight(layout: GridLayout): number {
  return MIN_VISIBLE_ROWS * layout.rowHeight + 2 * GRID_PADDING;
}

export const GRID_PADDING = CELL_GAP;
