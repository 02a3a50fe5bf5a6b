import type { MnistFileName } from '../../src/data/dataset/mnist';
import { FAULT_SERVER_ALIAS } from './ports';

/**
 * What the fault server breaks for each kind, and what the app must then say. `expect` is matched
 * against the alert; `loads` kinds must load (with `warning` shown, if any).
 */
export const FAULTS = {
  'http-500': { file: 't10k-labels-idx1-ubyte.gz', expect: /HTTP 500 Internal Server Error/ },
  drop: { file: 'train-images-idx3-ubyte.gz', expect: /connection lost after [\d,]+ bytes/ },
  stall: { file: 'train-images-idx3-ubyte.gz', expect: /the server stalled: no data for 10 s after [\d,]+ bytes/ },
  truncated: { file: 't10k-images-idx3-ubyte.gz', expect: /gzip stream is cut short/ },
  'bad-crc': { file: 't10k-labels-idx1-ubyte.gz', expect: /gzip CRC check failed/ },
  'bad-length': { file: 't10k-labels-idx1-ubyte.gz', expect: /gzip length trailer does not match/ },
  'not-gzip': { file: 'train-labels-idx1-ubyte.gz', expect: /not gzip or IDX: starts with 74 68 69 73/ },
  'bad-magic': { file: 't10k-labels-idx1-ubyte.gz', expect: /wrong magic number 12 34 08 01/ },
  'unsupported-type': { file: 't10k-labels-idx1-ubyte.gz', expect: /IDX element type 0x0D \(float32\) is not supported/ },
  'absurd-size': { file: 't10k-images-idx3-ubyte.gz', expect: /over the limit of 1,073,741,824/ },
  'too-long': { file: 't10k-labels-idx1-ubyte.gz', expect: /longer than its IDX header declares/ },
  'count-mismatch': { file: 'train-labels-idx1-ubyte.gz', expect: /has 59,999 labels but train-images-idx3-ubyte.gz has 60,000 images/ },
  redirect: { file: 't10k-labels-idx1-ubyte.gz', expect: new RegExp(`redirected to another origin \\(${FAULT_SERVER_ALIAS.replace(/[.:/]/g, '\\$&')}\\)`) },
  // A valid file, then zeros without end (Content-Length 10 GB): refused at the first zero.
  'endless-trailer': { file: 't10k-labels-idx1-ubyte.gz', expect: /more data than the file holds/ },
  // Valid two-member gzip (cat a.gz b.gz), the members sent in separate network writes.
  'split-members': { file: 'train-labels-idx1-ubyte.gz', expect: null },
  'odd-labels': { file: 'train-labels-idx1-ubyte.gz', expect: null, warning: /2 labels outside 0–9/ },
  'raw-idx': { file: 'train-images-idx3-ubyte.gz', expect: null },
} as const satisfies Record<string, { file: MnistFileName; expect: RegExp | null; warning?: RegExp }>;

export type FaultKind = keyof typeof FAULTS;
