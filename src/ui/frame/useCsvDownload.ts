import { useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../data/dataset/dataset';
import { downloadBlob } from '../../render/downloadBlob';
import { writeCsvInWorker } from '../../state/jobs/csvClient';

export type CsvProgress = { readonly rows: number; readonly total: number } | null;

/** Writes the CSV off the page (jobs/csvClient.ts), shows its progress, and downloads it. */
export function useCsvDownload() {
  const [progress, setProgress] = useState<CsvProgress>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  const cancel = () => {
    running.current?.abort();
    running.current = null;
    setProgress(null);
  };
  // Leaving the view ends an export in flight.
  useEffect(() => () => running.current?.abort(), []);

  const start = (dataset: Dataset, ids: Uint32Array, normalized: boolean, fileName: string) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setProgress({ rows: 0, total: ids.length });
    const mine = () => running.current === controller;
    // The pixel buffers are shared (or copied once without isolation); the id list is a copy.
    writeCsvInWorker({ type: 'csv', dataset, ids: ids.slice(), normalized }, { signal: controller.signal, onProgress: (rows, total) => mine() && setProgress({ rows, total }) }).then(
      (blob) => {
        if (!mine()) return;
        downloadBlob(blob, fileName);
        cancel();
      },
      (failure: unknown) => {
        if (!mine()) return;
        setError(`could not write the CSV: ${failure instanceof Error ? failure.message : String(failure)}`);
        cancel();
      },
    );
  };

  return { progress, error, start, cancel };
}
