// Names of the User Timing marks the app leaves for `npm run bench` (and for anyone with the
// Performance panel open). Marks cost next to nothing and need no debug hooks on window.
export const PERF_MARKS = {
  /** Page: just before the loader worker is created. */
  workerStart: 'mnist-worker-start',
  /** Measure: from the worker receiving a load request to all four files decoded. */
  workerLoad: 'mnist-worker-load',
  /** Page: the dataset is in the store; detail: { pixelBytes, labelBytes, shared }. */
  loaded: 'mnist-loaded',
  /** Page: the worker kept the decoded files for the next visit. */
  keptCopyWritten: 'mnist-cached',
  /** Page: the kept copy on screen passed its content check (its hashes match). */
  keptChecked: 'mnist-kept-checked',
  /**
   * Page: the statistics of the dataset on screen arrived; detail: { ms, kept }: the time spent
   * in the worker, or reading them back when they were kept.
   */
  statistics: 'mnist-statistics',
  /** Page: the statistics were kept beside the decoded copy for the next visit. */
  statisticsKept: 'mnist-statistics-kept',
  /** Page: a digit's look-alikes arrived; detail: { query, workerMs, ms } (ms from asking). */
  lookAlikes: 'mnist-look-alikes',
  /** Page: the map of the dataset on screen arrived; detail: { ms, kept, scatter, eigen, project } (worker ms). */
  map: 'mnist-map',
  /** Page: the map was kept beside the decoded copy. */
  mapKept: 'mnist-map-kept',
  /** Page: the neighbourhood map arrived; detail: { ms, kept, tablesMs, setupMs, layoutMs }. */
  neighbourhoodMap: 'mnist-neighbourhood-map',
  /** Page: the neighbourhood map was kept beside the decoded copy. */
  neighbourhoodMapKept: 'mnist-neighbourhood-map-kept',
  /** Page: one split's suspect labels arrived; detail: { split, ms, kept, componentsMs, searchMs }. */
  suspects: 'mnist-suspects',
  /** Page: a split's suspect labels (its neighbour table) were kept beside the decoded copy; detail: { split }. */
  suspectsKept: 'mnist-suspects-kept',
  /** Page: the first model arrived; detail: { ms, kept, featuresMs, trainingMs, accuracy } (accuracy on the test split, null without one). */
  classifier: 'mnist-classifier',
  /** Page: the first model was kept beside the decoded copy. */
  classifierKept: 'mnist-classifier-kept',
  /** Page: the train split's cross-validated probabilities arrived; detail: { ms, kept }. */
  classifierFolds: 'mnist-classifier-folds',
  /** Page: the cross-validated probabilities were kept beside the decoded copy. */
  classifierFoldsKept: 'mnist-classifier-folds-kept',
  /**
   * Page: a finished stroke's prediction is ready; detail: { ms, inkMs, prepareMs, predictMs }: ms
   * from the pointer lifting (its event's time) to the probabilities, and the share of reading the
   * pad's ink, preparing the 28 × 28 digit and the model's prediction.
   */
  drawingPredicted: 'mnist-drawing-predicted',
  /** Page: the first row of digits was painted on a canvas. */
  firstDigit: 'mnist-first-digit',
} as const;

export interface LoadedMarkDetail {
  readonly pixelBytes: number;
  readonly labelBytes: number;
  readonly shared: boolean;
  readonly fromKeptCopy: boolean;
}

let firstDigitMarked = false;
export function markFirstDigitPainted(): void {
  if (firstDigitMarked) return;
  firstDigitMarked = true;
  performance.mark(PERF_MARKS.firstDigit);
}
