import { useRef, useState } from 'react';
import { CSV_HEADER, csvRows } from '../data/dataFrame';
import type { Dataset } from '../data/dataset';
import { downloadBlob } from '../render/downloadBlob';

/** Rows written between yields to the event loop: ~20 ms of work, so the page stays responsive. */
const ROWS_PER_SLICE = 1000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type CsvProgress = { readonly rows: number; readonly total: number } | null;

/**
 * Writes the CSV in slices, yielding between them, into Blob parts (bytes, not one giant
 * string), then downloads it. 70,000 rows never block the page for more than one slice.
 */
export function useCsvDownload() {
  const [progress, setProgress] = useState<CsvProgress>(null);
  const cancelled = useRef(false);

  const start = async (dataset: Dataset, ids: Uint32Array, normalized: boolean, fileName: string) => {
    cancelled.current = false;
    const encoder = new TextEncoder();
    const parts: BlobPart[] = [encoder.encode(CSV_HEADER)];
    setProgress({ rows: 0, total: ids.length });
    for (let start = 0; start < ids.length; start += ROWS_PER_SLICE) {
      if (cancelled.current) {
        setProgress(null);
        return;
      }
      const end = Math.min(ids.length, start + ROWS_PER_SLICE);
      parts.push(encoder.encode(csvRows(dataset, ids, start, end, normalized)));
      setProgress({ rows: end, total: ids.length });
      await nextTask();
    }
    downloadBlob(new Blob(parts, { type: 'text/csv' }), fileName);
    setProgress(null);
  };

  const cancel = () => {
    cancelled.current = true;
  };

  return { progress, start, cancel };
}
