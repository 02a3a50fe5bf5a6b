// zustand's vanilla store: no React here, so the boot module can load data before React does.
import { createStore } from 'zustand/vanilla';
import type { Dataset, DigitRef } from '../../data/dataset/dataset';
import { ALL_DIGITS, isEveryLabel, normaliseLabels, type SplitFilter } from '../../data/dataset/labelIndex';
import { CATALOG, infoFor, MNIST_INFO, type DatasetId, type DatasetInfo } from '../../data/dataset/catalog';
import type { FileSlot } from '../../data/dataset/fileSlots';
import type { DataSource } from '../../data/sources/sources';
import type { LoadFailure } from '../../data/sources/loadFailure';
import type { SortOrder } from '../../data/dataset/sortOrder';
import type { MapRegion } from '../../data/analysis/mapRegion';
import type { LayoutKind, MapColour } from '../../data/analysis/mapLayouts';
import { NO_ANALYSES, type Analyses, type AnalysisName, type AnalysisState, type AnalysisValues } from './analysisState';
import type { FileProgress, LoadedFileInfo } from '../../worker/loader/protocol';
import { DEFAULT_SHARE_STATE, SHARE_FIELDS, type IgnoredParameter, type ShareState } from '../app/shareUrl';
import type { View } from './viewOptions';

export type LoadState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'loading';
      readonly requestId: number;
      readonly source: DataSource;
      readonly files: Partial<Record<FileSlot, FileProgress>>;
    }
  /** Why, as a code and its facts (worded by data/sources/loadFailureWords.ts). */
  | { readonly status: 'failed'; readonly source: DataSource; readonly failure: LoadFailure };

/**
 * The facts. Anything computable from them (ids shown, counts, the sample) is derived in
 * selectors. The ShareState part is exactly what a share link carries.
 */
export interface ExplorerFacts extends ShareState {
  readonly dataset: Dataset | null;
  /**
   * The training digits decoded so far by the first load, shown until `dataset` arrives. Never
   * set once a dataset is on screen: a new load does not replace what is shown until it is done.
   */
  readonly preview: Dataset | null;
  /** The source `dataset` came from; `source` is the one last asked for, which may have failed. */
  readonly loadedSource: DataSource | null;
  readonly loadedFiles: readonly LoadedFileInfo[];
  /** The load request `dataset` came from, to match the hashes that follow it. */
  readonly loadedRequestId: number | null;
  readonly decodeMs: number | null;
  /** Whether the dataset came from the decoded copy the worker keeps (checked against the server). */
  readonly fromKeptCopy: boolean;
  /**
   * Whether the dataset came from the kept copy without the server being asked (no network): its
   * files are the ones the service worker keeps. The page says it is offline until dismissed.
   */
  readonly readOffline: boolean;
  readonly offlineNoticeDismissed: boolean;
  readonly sharedMemory: boolean;
  readonly load: LoadState;
  /** Share-link parameters that could not be used, shown until dismissed. */
  readonly linkNotice: readonly IgnoredParameter[];
  /**
   * Where the open digit was opened from: Previous/Next walk the grid's selection, or the
   * sample's digits when it was opened from the sample.
   */
  readonly openFrom: OpenOrigin;
  /** Said when a kept copy turned out damaged and was replaced; null otherwise. */
  readonly keptCopyNotice: string | null;
  /**
   * A source a link named that the visitor has not chosen in this tab: nothing is fetched from it
   * until they answer (Load, or show the bundled data instead). Null when nothing is asked.
   */
  readonly linkSourceQuestion: DataSource | null;
  /**
   * What the background analyses know of the dataset on screen (statistics, map, suspect labels
   * per split, the open digit's look-alikes): derived from `dataset`, but too costly to derive on
   * the page. Written only by the jobs (state/jobs); each state names the dataset it is of.
   */
  readonly analyses: Analyses;
  /** A new build of the app took over (its service worker): a reload shows it. */
  readonly appUpdateReady: boolean;
  /**
   * The dataset the files on screen turned out to be, by their contents (the visitor's own
   * files, opened as another dataset): said until dismissed. Null otherwise.
   */
  readonly recognisedAs: DatasetId | null;
}

export type OpenOrigin = 'grid' | 'sample';

export interface ExplorerActions {
  setSplit: (split: SplitFilter) => void;
  toggleDigit: (digit: number) => void;
  /** Shows exactly these labels (ascending, at least one; an empty list shows all). */
  setDigits: (digits: readonly number[]) => void;
  showAllDigits: () => void;
  /** Shows only digits the classifier predicts as one of these classes (empty: no such filter). */
  setPredicted: (classes: readonly number[]) => void;
  setZoom: (zoom: number) => void;
  setOpen: (ref: DigitRef | null, from?: OpenOrigin) => void;
  setSampleSplit: (split: SplitFilter | null) => void;
  setView: (view: View) => void;
  setSampleSize: (size: number) => void;
  setSeed: (seed: number) => void;
  setNormalized: (normalized: boolean) => void;
  setSort: (sort: SortOrder) => void;
  /**
   * Opens the grid on a selection in one step (one history entry, so Back returns to where it was
   * asked for): what is given replaces the split, labels, predicted classes and order; a map
   * region goes, since it would narrow the grid past what was asked for.
   */
  showInGrid: (selection: GridSelection) => void;
  setRegion: (region: MapRegion | null) => void;
  /** Another layout: a region drawn on the previous one goes (its coordinates mean nothing on this one). */
  setLayout: (layout: LayoutKind) => void;
  setColour: (colour: MapColour) => void;
  applyShareState: (state: ShareState, ignored: readonly IgnoredParameter[]) => void;
  dismissLinkNotice: () => void;
  keptCopyDamaged: (message: string) => void;
  dismissKeptCopyNotice: () => void;
  dismissOfflineNotice: () => void;
  askAboutLinkSource: (source: DataSource) => void;
  dismissLoadError: () => void;
  loadStarted: (requestId: number, source: DataSource) => void;
  loadProgress: (requestId: number, slot: FileSlot, progress: FileProgress) => void;
  loadPartial: (requestId: number, preview: Dataset) => void;
  loadSucceeded: (
    requestId: number,
    loaded: { dataset: Dataset; files: readonly LoadedFileInfo[]; shared: boolean; decodeMs: number; fromKeptCopy: boolean; offline: boolean },
  ) => void;
  loadFailed: (requestId: number, failure: LoadFailure) => void;
  loadCancelled: (requestId: number) => void;
  /** Taken only while `state.dataset` is the dataset on screen (a late answer is dropped). */
  analysisChanged: <N extends AnalysisName>(name: N, state: Exclude<AnalysisState<AnalysisValues[N]>, { status: 'none' }>) => void;
  appUpdated: () => void;
  /** The files of load `requestId` are `id`'s published files: they are shown as that dataset. */
  datasetRecognised: (requestId: number, id: DatasetId) => void;
  dismissRecognised: () => void;
  filesHashed: (
    requestId: number,
    sha256: Readonly<Record<FileSlot, string>>,
    idxSha256: Readonly<Record<FileSlot, string>>,
  ) => void;
}

export interface GridSelection {
  readonly split?: SplitFilter;
  readonly digits?: readonly number[];
  readonly predicted?: readonly number[];
  readonly sort?: SortOrder;
}

export type ExplorerState = ExplorerFacts & ExplorerActions;

export const initialFacts: ExplorerFacts = {
  ...DEFAULT_SHARE_STATE,
  seed: 0,
  dataset: null,
  preview: null,
  loadedSource: null,
  loadedFiles: [],
  loadedRequestId: null,
  decodeMs: null,
  fromKeptCopy: false,
  readOffline: false,
  offlineNoticeDismissed: false,
  sharedMemory: false,
  load: { status: 'idle' },
  linkNotice: [],
  openFrom: 'grid',
  keptCopyNotice: null,
  linkSourceQuestion: null,
  analyses: NO_ANALYSES,
  appUpdateReady: false,
  recognisedAs: null,
};

/**
 * Clicking a label while all are shown narrows to it; otherwise it toggles; none left (or every
 * class on) = all.
 */
export function toggledDigits(current: readonly number[], digit: number, info: DatasetInfo = MNIST_INFO): readonly number[] {
  if (isEveryLabel(current)) return [digit];
  const next = current.includes(digit) ? current.filter((d) => d !== digit) : [...current, digit];
  return normaliseLabels(next, info);
}

/** The classes of what is on screen (MNIST's before anything is). */
const infoOf = (facts: Pick<ExplorerFacts, 'dataset' | 'preview'>): DatasetInfo => (facts.dataset ?? facts.preview)?.info ?? MNIST_INFO;

/** Predicted classes as the link holds them: each once, ascending. */
const normalisedClasses = (classes: readonly number[]): readonly number[] => [...new Set(classes)].sort((a, b) => a - b);

function digitExists(dataset: Dataset, ref: DigitRef): boolean {
  return ref.index < dataset[ref.split].count;
}

export const explorerStore = createStore<ExplorerState>()((set, get) => {
  const currentLoad = (requestId: number) => {
    const load = get().load;
    return load.status === 'loading' && load.requestId === requestId ? load : null;
  };
  return {
    ...initialFacts,
    setSplit: (split) => set({ split }),
    toggleDigit: (digit) => set({ digits: toggledDigits(get().digits, digit, infoOf(get())) }),
    showAllDigits: () => set({ digits: ALL_DIGITS }),
    setPredicted: (classes) => set({ predicted: normalisedClasses(classes) }),
    setDigits: (digits) => set({ digits: normaliseLabels(digits, infoOf(get())) }),
    setZoom: (zoom) => set({ zoom }),
    // Stepping to the next digit keeps the origin; a fresh open names it.
    setOpen: (open, from) => set(from ? { open, openFrom: from } : { open }),
    setSampleSplit: (sampleSplit) => set({ sampleSplit }),
    setView: (view) => set({ view }),
    setSampleSize: (sampleSize) => set({ sampleSize }),
    setSeed: (seed) => set({ seed }),
    setNormalized: (normalized) => set({ normalized }),
    setSort: (sort) => set({ sort }),
    showInGrid: ({ split, digits, predicted, sort }) => {
      const now = get();
      set({
        view: 'digits',
        region: null,
        split: split ?? now.split,
        digits: digits ? normaliseLabels(digits, infoOf(now)) : now.digits,
        predicted: predicted ? normalisedClasses(predicted) : now.predicted,
        sort: sort ?? now.sort,
      });
    },
    setRegion: (region) => set({ region }),
    setLayout: (layout) => set(layout === get().layout ? {} : { layout, region: null }),
    setColour: (colour) => set({ colour }),
    applyShareState: (state, ignored) => {
      const dataset = get().dataset;
      const open = state.open && dataset && !digitExists(dataset, state.open) ? null : state.open;
      // Before the data is there, the link's labels wait to be fitted to its classes (loadSucceeded).
      const digits = dataset ? normaliseLabels(state.digits, dataset.info) : state.digits;
      set({ ...state, open, digits, linkNotice: ignored });
    },
    dismissLinkNotice: () => set({ linkNotice: [] }),
    appUpdated: () => set({ appUpdateReady: true }),
    keptCopyDamaged: (keptCopyNotice) => set({ keptCopyNotice }),
    dismissKeptCopyNotice: () => set({ keptCopyNotice: null }),
    dismissOfflineNotice: () => set({ offlineNoticeDismissed: true }),
    askAboutLinkSource: (linkSourceQuestion) => set({ linkSourceQuestion }),
    // Dismissing gives up on the failed source: the link goes back to what is on screen.
    dismissLoadError: () => {
      if (get().load.status === 'failed') set({ load: { status: 'idle' }, source: get().loadedSource ?? get().source });
    },
    // Any load answers the link's question: the visitor chose a source.
    loadStarted: (requestId, source) =>
      set({ source, preview: null, linkSourceQuestion: null, load: { status: 'loading', requestId, source, files: {} } }),
    loadProgress: (requestId, slot, progress) => {
      const load = currentLoad(requestId);
      if (load) set({ load: { ...load, files: { ...load.files, [slot]: progress } } });
    },
    loadPartial: (requestId, preview) => {
      if (currentLoad(requestId) && get().dataset === null) set({ preview });
    },
    loadSucceeded: (requestId, { dataset, files, shared, decodeMs, fromKeptCopy, offline }) => {
      const load = currentLoad(requestId);
      if (!load) return;
      const { open, linkNotice, digits } = get();
      // A link may name a digit this data set does not have: close it and say so.
      const openGone = open !== null && !digitExists(dataset, open);
      // An archive may hold another dataset than the one picked (EMNIST's zip holds them all):
      // the link names what was found.
      const source = load.source.kind === 'local' && load.source.dataset !== dataset.info.id ? { ...load.source, dataset: dataset.info.id } : load.source;
      set({
        dataset,
        ...(get().source === load.source ? { source } : {}),
        // Of the dataset replaced, if any: the new one's are computed once it is shown.
        analyses: NO_ANALYSES,
        recognisedAs: null,
        preview: null,
        loadedSource: source,
        loadedFiles: files,
        loadedRequestId: requestId,
        sharedMemory: shared,
        decodeMs,
        fromKeptCopy,
        readOffline: offline,
        offlineNoticeDismissed: false,
        load: { status: 'idle' },
        open: openGone ? null : open,
        digits: normaliseLabels(digits, dataset.info),
        linkNotice: openGone
          ? [...linkNotice, { name: 'open', reason: `names ${open.split} #${open.index}, which this data set does not have` }]
          : linkNotice,
      });
    },
    loadFailed: (requestId, failure) => {
      const load = currentLoad(requestId);
      if (load) set({ preview: null, load: { status: 'failed', source: load.source, failure } });
    },
    filesHashed: (requestId, sha256, idxSha256) => {
      if (get().loadedRequestId !== requestId) return;
      set({
        loadedFiles: get().loadedFiles.map((f) => ({ ...f, sha256: sha256[f.slot] ?? f.sha256, idxSha256: idxSha256[f.slot] ?? f.idxSha256 })),
      });
    },
    loadCancelled: (requestId) => {
      if (currentLoad(requestId)) set({ preview: null, load: { status: 'idle' }, source: get().loadedSource ?? get().source });
    },
    datasetRecognised: (requestId, id) => {
      const { dataset, loadedRequestId, loadedSource, source, digits } = get();
      if (!dataset || loadedRequestId !== requestId || dataset.info.id === id) return;
      const entry = CATALOG[id];
      // The same pixels and labels, seen as the dataset they are: its words and class names.
      const recognised: Dataset = { ...dataset, info: infoFor(entry, 0) };
      const renamed = (s: DataSource | null) => (s?.kind === 'local' ? { ...s, dataset: id } : s);
      set({
        dataset: recognised,
        loadedSource: renamed(loadedSource),
        ...(source === loadedSource ? { source: renamed(source)! } : {}),
        digits: normaliseLabels(digits, recognised.info),
        analyses: NO_ANALYSES,
        recognisedAs: id,
      });
    },
    dismissRecognised: () => set({ recognisedAs: null }),
    analysisChanged: (name, state) => {
      if (state.dataset === get().dataset) set({ analyses: { ...get().analyses, [name]: state } });
    },
  };
});

/** The shareable part of the state, for building links. */
export function shareStateOf(facts: ExplorerFacts): ShareState {
  return Object.fromEntries(SHARE_FIELDS.map((field) => [field, facts[field]])) as unknown as ShareState;
}
