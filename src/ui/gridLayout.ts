import { IMAGE_SIDE } from '../data/mnist';

/** Space between cells and the strip under each digit that holds its label, in CSS pixels. */
const CELL_GAP = 4;
const LABEL_STRIP = 16;

export interface GridLayout {
  readonly digitSize: number;
  readonly cellWidth: number;
  readonly rowHeight: number;
  /** The digit and its label strip: the drawn part of a row. */
  readonly labelledHeight: number;
  readonly columns: number;
}

export function gridLayout(zoom: number, viewportWidth: number): GridLayout {
  const digitSize = Math.round(IMAGE_SIDE * zoom);
  const cellWidth = digitSize + CELL_GAP;
  const rowHeight = digitSize + LABEL_STRIP + CELL_GAP;
  const columns = Math.max(1, Math.floor((viewportWidth - CELL_GAP) / cellWidth));
  return { digitSize, cellWidth, rowHeight, labelledHeight: digitSize + LABEL_STRIP, columns };
}

export const GRID_PADDING = CELL_GAP;
