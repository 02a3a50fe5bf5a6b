import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../data/dataset/dataset';
import { downloadBlob } from '../../render/downloadBlob';
import type { CsvReply, CsvRequest } from '../../worker/csv/protocol';

export type CsvProgress = { readonly rows: number; readonly total: number } | null;

/**
 * Writes the CSV in a worker (writing 70,000 rows on the page delayed clicks by over a second),
 * shows its progress, and downloads it. Cancel ends the worker at once.
 */
export function useCsvDownload() {
  const [progress, setProgress] = useState<CsvProgress>(null);
  const [error, setError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    setProgress(null);
  };
  // Leaving the view ends an export in flight.
  useEffect(() => () => worker.current?.terminate(), []);

  const start = (dataset: Dataset, ids: Uint32Array, normalized: boolean, fileName: string) => {
    worker.current?.terminate();
    const w = new Worker(new URL('../../worker/csv/csv.worker.ts', import.meta.url), { type: 'module', name: 'csv-writer' });
    worker.current = w;
    setError(null);
    setProgress({ rows: 0, total: ids.length });
    w.addEventListener('message', (event: MessageEvent<CsvReply>) => {
      if (worker.current !== w) return;
      const reply = event.data;
      switch (reply.type) {
        case 'csv-progress':
          setProgress({ rows: reply.rows, total: reply.total });
          break;
        case 'csv-done':
          downloadBlob(reply.blob, fileName);
          stop();
          break;
        case 'csv-error':
          setError(`could not write the CSV: ${reply.message}`);
          stop();
          break;
        default:
          reply satisfies never;
      }
    });
    w.addEventListener('error', (event) => {
      if (worker.current !== w) return;
      setError(`could not write the CSV: ${event.message || 'the worker failed'}`);
      stop();
    });
    // The pixel buffers are shared (or copied once without isolation); the id list is a copy.
    const request: CsvRequest = { type: 'csv', dataset, ids: ids.slice(), normalized };
    w.postMessage(request);
  };

  return { progress, error, start, cancel: stop };
}
