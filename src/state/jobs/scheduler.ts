// When each background analysis runs, decided in one place and registered once at start-up
// (boot.ts): the statistics after the first paint of new data; the map of the layout shown (and
// the principal components while the neighbourhoods are computed) when the Map view or a region
// wants it; the suspect labels when the grid is sorted by them; the look-alikes of the
// digit that is open (and of a drawing, when the drawing pad asks); the classifier when the Model or Draw view, an order or filter by its
// predictions, or the map coloured by them wants it. What a visitor cancelled, or what failed, waits for them to ask again
// (`askFor`, the Retry buttons); nothing else starts a job.
import { globalId, type Dataset } from '../../data/dataset/dataset';
import type { Split } from '../../data/dataset/fileSlots';
import { splitsShown } from '../../data/dataset/labelIndex';
import { readyValue, type AnalysisName } from '../store/analysisState';
import { readoutCovers, readoutOf } from '../store/modelMemo';
import { explorerStore, type ExplorerState } from '../store/explorerStore';
import { isBandedZoom } from '../store/viewOptions';
import { drawingLookAlikesJob, holdDrawing } from './drawingLookAlikesJob';
import { lookAlikesJob } from './lookAlikesJob';
import { mapJob } from './mapJob';
import { neighbourhoodMapJob } from './neighbourhoodMapJob';
import { cancelAnalysis, endAnalysesOf, runAnalysis, type AnalysisJob } from './runAnalysis';
import { statisticsJob } from './statisticsJob';
import { suspectsJobs } from './suspectsJobs';
import { classifierFoldsJob, classifierJob } from './classifierJobs';
import { MODEL_ORDERS } from '../../data/dataset/sortOrder';

const JOBS: { readonly [N in AnalysisName]: AnalysisJob<N> } = {
  statistics: statisticsJob,
  map: mapJob,
  'neighbourhood-map': neighbourhoodMapJob,
  'suspects-train': suspectsJobs.train,
  'suspects-test': suspectsJobs.test,
  'look-alikes': lookAlikesJob,
  'drawing-look-alikes': drawingLookAlikesJob,
  classifier: classifierJob,
  'classifier-folds': classifierFoldsJob,
};

/** The classifier's two analyses: the first model (asked first, so it gets the first free worker), then the folds. */
const CLASSIFIER: readonly AnalysisName[] = ['classifier', 'classifier-folds'];

/** Whether the screen colours digits by the Colour fact: the map, or the grid's dense overview. */
function showsColours({ view, zoom }: ExplorerState): boolean {
  return view === 'map' || (view === 'digits' && isBandedZoom(zoom));
}

/** Whether the screen wants the classifier: its own views, a model-based order or filter, the map coloured by it. */
function wantsClassifier(state: ExplorerState): boolean {
  const { view, sort, predicted, colour } = state;
  if (view === 'model' || view === 'draw') return true;
  if (predicted.length > 0) return true;
  if (showsColours(state) && colour === 'prediction') return true;
  return (sort === 'suspect' || MODEL_ORDERS.includes(sort)) && (view === 'digits' || view === 'table');
}

const suspectNames = (splits: readonly Split[]) => splits.map((s) => suspectsJobs[s].name);

/**
 * Whether the classifier's probabilities cover every split shown: the grid's suspect order is
 * then confident learning's (selectors.ts), and the neighbours' vote, which only stands in for
 * it, is not needed.
 */
function modelCoversSplit(state: ExplorerState): boolean {
  const { dataset, analyses, split } = state;
  if (!dataset) return false;
  return readoutCovers(readoutOf(dataset, readyValue(analyses.classifier, dataset), readyValue(analyses['classifier-folds'], dataset)), split);
}

/** The digit whose look-alikes are wanted: the open one. */
function openDigit(state: ExplorerState): number | null {
  const { dataset, open } = state;
  return dataset && open && open.index < dataset[open.split].count ? globalId(dataset, open) : null;
}

/** Runs `name` for the dataset on screen unless it is known, under way, failed or cancelled. */
function want(state: ExplorerState, name: AnalysisName, subject: number | null = null): void {
  const { dataset, analyses } = state;
  const known = analyses[name];
  if (!dataset || (known.status !== 'none' && known.dataset === dataset && known.subject === subject)) return;
  void runAnalysis(JOBS[name] as AnalysisJob<AnalysisName>, dataset, subject);
}

/** Whether a split's neighbour tables are being computed for the dataset on screen. */
function tablesRunning(state: ExplorerState): boolean {
  return suspectNames(['test', 'train']).some((name) => {
    const known = state.analyses[name];
    return known.status === 'computing' && known.dataset === state.dataset;
  });
}

/** What the screen wants computed now. */
function wanted(state: ExplorerState): void {
  const { dataset, view, region, sort, split, layout, colour } = state;
  if (!dataset) return;
  // The principal components stand in on the map while the neighbourhoods are computed.
  if (view === 'map' || (region !== null && layout === 'pca')) want(state, 'map');
  if ((view === 'map' || region !== null) && layout === 'umap') want(state, 'neighbourhood-map');
  if (showsColours(state) && colour === 'suspect') for (const name of suspectNames(view === 'map' ? ['test', 'train'] : splitsShown(split))) want(state, name);
  // The grid (and the data frame) sorted by the neighbours' vote, or by suspicion until the
  // classifier covers the splits shown (the order is then confident learning's, which needs no
  // neighbour tables); the other views ask for themselves.
  if (((sort === 'suspect' && !modelCoversSplit(state)) || sort === 'neighbours') && (view === 'digits' || view === 'table')) for (const name of suspectNames(splitsShown(split))) want(state, name);
  // After the neighbour tables when they run (both want the two cores; the tables are the quicker
  // stand-in for the suspect labels), else at once.
  if (wantsClassifier(state) && !tablesRunning(explorerStore.getState())) for (const name of CLASSIFIER) want(state, name);
  const digit = openDigit(state);
  if (digit !== null) want(state, 'look-alikes', digit);
}

/** New data on screen: what the old data held goes, and its statistics follow its first paint. */
function dataChanged(dataset: Dataset | null, previous: Dataset | null): void {
  if (previous) endAnalysesOf(previous);
  for (const job of Object.values(JOBS)) job.release?.();
  if (!dataset) return;
  // After the frame that draws it: computing on the other core slowed the first paint.
  requestAnimationFrame(() => setTimeout(() => want(explorerStore.getState(), 'statistics'), 0));
}

/** Starts deciding; returns the way to stop (tests). */
export function startJobs(): () => void {
  wanted(explorerStore.getState());
  return explorerStore.subscribe((state, previous) => {
    if (state.dataset !== previous.dataset) dataChanged(state.dataset, previous.dataset);
    wanted(state);
  });
}

/** A visitor's request (Retry, Find …): runs `name` again whatever happened to it before. */
export function askFor(name: AnalysisName, subject: number | null = null): void {
  const { dataset, analyses } = explorerStore.getState();
  const known = analyses[name];
  if (!dataset || (known.status === 'ready' && known.dataset === dataset && known.subject === subject)) return;
  void runAnalysis(JOBS[name] as AnalysisJob<AnalysisName>, dataset, subject);
}

/** Asks for the suspect labels of these splits (the smaller first). */
export function askForSuspects(splits: readonly Split[]): void {
  for (const name of suspectNames(splits)) askFor(name);
}

/** Cancels the neighbourhood map, and the neighbour tables it waits for (what is done stays). */
export function cancelNeighbourhoodMap(): void {
  cancelAnalysis('neighbourhood-map');
  cancelSuspects();
}

/**
 * The drawing pad's question: the look-alikes of `image` (laid out as the dataset on screen
 * stores its images). Returns the drawing's number, the subject its answer is stored under.
 */
export function askForDrawingLookAlikes(image: Uint8Array<ArrayBuffer>): number {
  const subject = holdDrawing(image);
  askFor('drawing-look-alikes', subject);
  return subject;
}

/** Asks for the classifier (the first model, then the folds) again after a cancel or a failure. */
export function askForClassifier(): void {
  for (const name of CLASSIFIER) askFor(name);
}

/** Cancels the classifier's training, both analyses (what is done stays). */
export function cancelClassifier(): void {
  for (const name of CLASSIFIER) cancelAnalysis(name);
}

/** Cancels the suspect labels of every split (what is done stays). */
export function cancelSuspects(): void {
  for (const name of suspectNames(['test', 'train'])) cancelAnalysis(name);
}

export { cancelAnalysis };
