// Writes the data frame as CSV off the page's thread: slices of rows into Blob parts (bytes, not
// one giant string), a progress report after each. Takes `post` as an input, like the loader, so
// it runs in Node tests.
import { csvHeader, csvRows } from '../../data/export/dataFrame';
import type { CsvReply, CsvRequest } from './protocol';

/** Rows per slice: small enough that progress moves several times a second. */
export const CSV_ROWS_PER_SLICE = 1000;

export function writeCsv(request: CsvRequest, post: (reply: CsvReply) => void): void {
  const { dataset, ids, normalized } = request;
  try {
    const encoder = new TextEncoder();
    const parts: BlobPart[] = [encoder.encode(csvHeader(dataset))];
    for (let start = 0; start < ids.length; start += CSV_ROWS_PER_SLICE) {
      const end = Math.min(ids.length, start + CSV_ROWS_PER_SLICE);
      parts.push(encoder.encode(csvRows(dataset, ids, start, end, normalized)));
      post({ type: 'csv-progress', rows: end, total: ids.length });
    }
    post({ type: 'csv-done', blob: new Blob(parts, { type: 'text/csv' }) });
  } catch (error) {
    post({ type: 'csv-error', message: error instanceof Error ? error.message : String(error) });
  }
}
