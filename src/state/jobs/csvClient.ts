// The page's side of the CSV worker, and the only module that creates one: one export per worker
// (writing 70,000 rows on the page held up clicks), its progress reported, Cancel ending it at once.
import type { CsvReply, CsvRequest } from '../../worker/csv/protocol';

export interface CsvOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (rows: number, total: number) => void;
}

/** The CSV of `request`'s rows, written in a worker; rejects with the reason, or an AbortError once cancelled. */
export function writeCsvInWorker(request: CsvRequest, { signal, onProgress }: CsvOptions): Promise<Blob> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('cancelled', 'AbortError'));
    const worker = new Worker(new URL('../../worker/csv/csv.worker.ts', import.meta.url), { type: 'module', name: 'csv-writer' });
    const end = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<CsvReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case 'csv-progress':
          onProgress(reply.rows, reply.total);
          break;
        case 'csv-done':
          end();
          resolve(reply.blob);
          break;
        case 'csv-error':
          end();
          reject(new Error(reply.message));
          break;
        default:
          reply satisfies never;
      }
    });
    worker.addEventListener('error', (event) => {
      end();
      reject(new Error(event.message || 'the CSV worker failed'));
    });
    worker.postMessage(request);
  });
}
