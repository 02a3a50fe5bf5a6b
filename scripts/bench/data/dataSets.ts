// The two sets every figure is measured on: MNIST as the app bundles it, and the 10 × MNIST set
// (scripts/bench/data/x10.ts) served cross-origin by the data server, as a mirror would be.
import { DATA_ORIGIN, MNIST_DIR, PORT, X10_DIR } from '../config';

export interface DataSet {
  /** Also the data server's route to the set's files (/mnist/…, /x10/…). */
  readonly id: 'mnist' | 'x10';
  readonly title: string;
  readonly dir: string;
  readonly total: number;
  readonly trainCount: number;
  /** The custom source the app loads the set from (pre-approved in the tab); null: the bundled copy. */
  readonly customBaseUrl: string | null;
  /** The app's link for this set. */
  readonly link: string;
}

const X10_BASE_URL = `${DATA_ORIGIN}/x10/`;

export const MNIST_SET: DataSet = {
  id: 'mnist',
  title: 'MNIST',
  dir: MNIST_DIR,
  total: 70_000,
  trainCount: 60_000,
  customBaseUrl: null,
  link: `http://localhost:${PORT}/?seed=1`,
};

export const X10_SET: DataSet = {
  id: 'x10',
  title: '10 × MNIST',
  dir: X10_DIR,
  total: 700_000,
  trainCount: 600_000,
  customBaseUrl: X10_BASE_URL,
  link: `http://localhost:${PORT}/?seed=1&source=custom&url=${encodeURIComponent(X10_BASE_URL)}`,
};

/** What the status says once every digit of the set is loaded and shown. */
export function loadedStatusText(set: DataSet): string {
  return `Showing ${set.total} of ${set.total} digits`;
}
