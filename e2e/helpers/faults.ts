import type { MnistFileName } from '../../src/data/dataset/mnist';
import type { LoadFailureCode } from '../../src/data/sources/loadFailure';
import { PLANTED } from './planted';
import { FAULT_SERVER_ALIAS } from './ports';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What the fault server breaks for each kind, in the planted set's files (helpers/planted.ts), and
 * what the app must then say: the failure's `code` (on the alert, data-code), the `file` it names,
 * and a loose pattern on the words (`expect`). Kinds with `expect` null must load (with `warning`
 * shown, if any).
 */
export const FAULTS = {
  'http-500': { file: 't10k-labels-idx1-ubyte.gz', code: 'http', expect: /HTTP 500 Internal Server Error/ },
  drop: { file: 'train-images-idx3-ubyte.gz', code: 'network', expect: /connection lost after [\d,]+ bytes/ },
  stall: { file: 'train-images-idx3-ubyte.gz', code: 'stall', expect: /stalled: no data for 10 s after [\d,]+ bytes/ },
  truncated: { file: 't10k-images-idx3-ubyte.gz', code: 'gzip-truncated', expect: /cut short/ },
  'bad-crc': { file: 't10k-labels-idx1-ubyte.gz', code: 'gzip-corrupt', expect: /CRC check failed/ },
  'bad-length': { file: 't10k-labels-idx1-ubyte.gz', code: 'gzip-corrupt', expect: /length trailer does not match/ },
  'not-gzip': { file: 'train-labels-idx1-ubyte.gz', code: 'not-gzip-or-idx', expect: /not gzip or IDX: starts with 74 68 69 73/ },
  'bad-magic': { file: 't10k-labels-idx1-ubyte.gz', code: 'idx-bad-magic', expect: /magic number 12 34 08 01/ },
  'unsupported-type': { file: 't10k-labels-idx1-ubyte.gz', code: 'idx-unsupported-type', expect: /0x0D \(float32\) is not supported/ },
  'absurd-size': { file: 't10k-images-idx3-ubyte.gz', code: 'idx-too-large', expect: /over the limit of 1,073,741,824/ },
  'too-long': { file: 't10k-labels-idx1-ubyte.gz', code: 'idx-too-long', expect: /longer than its IDX header declares/ },
  // The planted training labels less their last one, beside the planted training images.
  'count-mismatch': { file: 'train-labels-idx1-ubyte.gz', code: 'dataset-mismatch', expect: new RegExp(`${count(PLANTED.train - 1)} labels but train-images-idx3-ubyte\\.gz has ${count(PLANTED.train)} images`) },
  redirect: { file: 't10k-labels-idx1-ubyte.gz', code: 'redirect', expect: new RegExp(`redirected to another origin \\(${FAULT_SERVER_ALIAS.replace(/[.:/]/g, '\\$&')}\\)`) },
  // A valid file, then zeros without end (Content-Length 10 GB): refused at the first zero.
  'endless-trailer': { file: 't10k-labels-idx1-ubyte.gz', code: 'gzip-trailing-data', expect: /more data than the file holds/ },
  // Valid two-member gzip (cat a.gz b.gz), the members sent in separate network writes.
  'split-members': { file: 'train-labels-idx1-ubyte.gz', code: null, expect: null },
  'odd-labels': { file: 'train-labels-idx1-ubyte.gz', code: null, expect: null, warning: /2 labels outside 0–9/ },
  'raw-idx': { file: 'train-images-idx3-ubyte.gz', code: null, expect: null },
} as const satisfies Record<string, { file: MnistFileName; code: LoadFailureCode | null; expect: RegExp | null; warning?: RegExp }>;

export type FaultKind = keyof typeof FAULTS;
