// MNIST as the notebook's data frame (`get_tabular_dataset().to_pandas_dataframe()`): one row
// per digit, a `label` column and one column per pixel, named like Kaggle's MNIST CSV.
import { labelOf, pixelsOf, type Dataset } from './dataset';
import { PIXELS_PER_IMAGE } from './mnist';

export const PIXEL_COLUMNS: readonly string[] = Array.from({ length: PIXELS_PER_IMAGE }, (_, i) => `pixel${i}`);
export const FRAME_COLUMNS: readonly string[] = ['label', ...PIXEL_COLUMNS];

/** The pixel text for both modes, made once: a table look-up per cell instead of formatting. */
const RAW_TEXT = Array.from({ length: 256 }, (_, v) => String(v));
const NORMALIZED_TEXT = Array.from({ length: 256 }, (_, v) => (v / 255).toFixed(3));

export function pixelText(value: number, normalized: boolean): string {
  return (normalized ? NORMALIZED_TEXT : RAW_TEXT)[value] ?? '';
}

export interface FrameInfo {
  readonly entries: number;
  readonly columns: number;
  readonly dtypes: string;
  readonly memoryBytes: number;
}

/** What `df.info()` would say. Normalized pixels are float64, as `/ 255.0` makes them in numpy. */
export function frameInfo(entries: number, normalized: boolean): FrameInfo {
  return {
    entries,
    columns: FRAME_COLUMNS.length,
    dtypes: normalized ? `float64(${PIXELS_PER_IMAGE}), uint8(1)` : `uint8(${FRAME_COLUMNS.length})`,
    memoryBytes: entries * (1 + PIXELS_PER_IMAGE * (normalized ? 8 : 1)),
  };
}

/** The value of one cell; column 0 is the label, column 1 + i is pixel i. */
export function frameCell(dataset: Dataset, id: number, column: number, normalized: boolean): string {
  if (column === 0) return String(labelOf(dataset, id));
  return pixelText(pixelsOf(dataset, id)[column - 1] ?? 0, normalized);
}

export const CSV_HEADER = `${FRAME_COLUMNS.join(',')}\n`;

/** CSV lines for ids[start, end): label then 784 pixels, as `df.to_csv(index=False)` writes them. */
export function csvRows(dataset: Dataset, ids: Uint32Array, start: number, end: number, normalized: boolean): string {
  const table = normalized ? NORMALIZED_TEXT : RAW_TEXT;
  const lines: string[] = [];
  const cells = new Array<string>(FRAME_COLUMNS.length);
  for (let r = start; r < end; r++) {
    const id = ids[r]!;
    const pixels = pixelsOf(dataset, id);
    cells[0] = String(labelOf(dataset, id));
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) cells[p + 1] = table[pixels[p]!]!;
    lines.push(cells.join(','));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
