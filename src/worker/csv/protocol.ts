// Every message between the page and the CSV worker.
import type { Dataset } from '../../data/dataset/dataset';

/** To the CSV worker: write these rows of the frame. Cancel is terminating the worker. */
export interface CsvRequest {
  readonly type: 'csv';
  readonly dataset: Dataset;
  readonly ids: Uint32Array;
  readonly normalized: boolean;
}

export type CsvReply =
  | { readonly type: 'csv-progress'; readonly rows: number; readonly total: number }
  | { readonly type: 'csv-done'; readonly blob: Blob }
  | { readonly type: 'csv-error'; readonly message: string };
