// MNIST as the notebook's data frame (`get_tabular_dataset().to_pandas_dataframe()`): one row
// per digit, a `label` column and one column per pixel, named like Kaggle's MNIST CSV. Rows are
// indexed by where each digit comes from, pandas' MultiIndex (split, index), so a filtered frame
// or its CSV can always be traced back to the files.
import { labelOf, locateDigit, pixelCount, pixelsOf, type Dataset } from '../dataset/dataset';
import { labelShort, labelText, type DatasetInfo } from '../dataset/catalog';

const columnMemo = new Map<number, { pixels: readonly string[]; frame: readonly string[] }>();
function columnsOf(pixels: number) {
  let columns = columnMemo.get(pixels);
  if (!columns) {
    const names = Array.from({ length: pixels }, (_, i) => `pixel${i}`);
    columns = { pixels: names, frame: ['label', ...names] };
    columnMemo.set(pixels, columns);
  }
  return columns;
}
/** `pixel0` … one per pixel of the dataset's images (784 for MNIST). */
export function pixelColumns(dataset: Pick<Dataset, 'rows' | 'cols'>): readonly string[] {
  return columnsOf(pixelCount(dataset)).pixels;
}
/** `label`, then the pixel columns. */
export function frameColumns(dataset: Pick<Dataset, 'rows' | 'cols'>): readonly string[] {
  return columnsOf(pixelCount(dataset)).frame;
}

/** Whether the classes have names other than their numbers (then the CSV gets a `class` column). */
export function hasClassNames(info: DatasetInfo): boolean {
  return info.classNames.some((name, label) => name !== null && name !== String(label));
}
/** The index levels, written first in the CSV as `df.to_csv()` writes a MultiIndex. */
export const INDEX_LEVELS = ['split', 'index'] as const;

/** Pixel text as pandas shows it on screen: raw bytes, or / 255.0 at display.precision 6. */
const RAW_TEXT = Array.from({ length: 256 }, (_, v) => String(v));
const NORMALIZED_DISPLAY = Array.from({ length: 256 }, (_, v) => (v / 255).toFixed(6));
/**
 * Pixel text as pandas writes it to CSV: the shortest text that reads back as the same float64
 * (Python's repr, which JavaScript's number-to-string also produces), with Python's ".0" on
 * whole numbers.
 */
const NORMALIZED_CSV = Array.from({ length: 256 }, (_, v) => (v === 0 ? '0.0' : v === 255 ? '1.0' : String(v / 255)));

export function pixelText(value: number, normalized: boolean): string {
  return (normalized ? NORMALIZED_DISPLAY : RAW_TEXT)[value] ?? '';
}

export interface FrameInfo {
  readonly entries: number;
  readonly columns: number;
  readonly dtypes: string;
  readonly memoryBytes: number;
}

/** What `df.info()` would say. Normalized pixels are float64, as `/ 255.0` makes them in numpy. */
export function frameInfo(dataset: Pick<Dataset, 'rows' | 'cols'>, entries: number, normalized: boolean): FrameInfo {
  const PIXELS_PER_IMAGE = pixelCount(dataset);
  const FRAME_COLUMNS = frameColumns(dataset);
  return {
    entries,
    columns: FRAME_COLUMNS.length,
    dtypes: normalized ? `float64(${PIXELS_PER_IMAGE}), uint8(1)` : `uint8(${FRAME_COLUMNS.length})`,
    memoryBytes: entries * (1 + PIXELS_PER_IMAGE * (normalized ? 8 : 1)),
  };
}

/** The index entry pandas prints for a row: ('train', 0). */
export function indexEntry(dataset: Dataset, id: number): string {
  const { split, index } = locateDigit(dataset, id);
  return `('${split}', ${index})`;
}

/** The value of one cell; column 0 is the label, column 1 + i is pixel i. */
export function frameCell(dataset: Dataset, id: number, column: number, normalized: boolean): string {
  if (column === 0) return labelText(dataset.info, labelOf(dataset, id));
  return pixelText(pixelsOf(dataset, id)[column - 1] ?? 0, normalized);
}

/** The CSV's first line: the index levels, `label`, `class` for named classes, the pixels. */
export function csvHeader(dataset: Dataset): string {
  const named = hasClassNames(dataset.info) ? ['label', 'class'] : ['label'];
  return `${[...INDEX_LEVELS, ...named, ...pixelColumns(dataset)].join(',')}\n`;
}

/** A class name as one CSV field (quoted when it holds a comma or a quote). */
function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV lines for ids[start, end): split, index, label, then 784 pixels, as `df.to_csv()` writes
 * the frame with its (split, index) MultiIndex.
 */
export function csvRows(dataset: Dataset, ids: Uint32Array, start: number, end: number, normalized: boolean): string {
  const table = normalized ? NORMALIZED_CSV : RAW_TEXT;
  const lines: string[] = [];
  const PIXELS_PER_IMAGE = pixelCount(dataset);
  const named = hasClassNames(dataset.info);
  const first = INDEX_LEVELS.length + (named ? 2 : 1);
  const cells = new Array<string>(first + PIXELS_PER_IMAGE);
  for (let r = start; r < end; r++) {
    const id = ids[r]!;
    const { split, index } = locateDigit(dataset, id);
    const pixels = pixelsOf(dataset, id);
    cells[0] = split;
    cells[1] = String(index);
    const label = labelOf(dataset, id);
    cells[2] = String(label);
    if (named) cells[3] = csvField(labelShort(dataset.info, label));
    for (let p = 0; p < PIXELS_PER_IMAGE; p++) cells[p + first] = table[pixels[p]!]!;
    lines.push(cells.join(','));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
