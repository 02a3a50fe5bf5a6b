import { create } from 'zustand';
import type { Dataset } from '../data/dataset';
import { LABEL_COUNT, type MnistFileName } from '../data/mnist';
import type { SplitFilter } from '../data/labelIndex';
import type { DataSource } from '../data/sources';
import type { FileProgress } from '../worker/protocol';

export const ALL_DIGITS: readonly number[] = Array.from({ length: LABEL_COUNT }, (_, d) => d);
/** Cell scale factors the zoom control offers; 1 = 28 CSS pixels per digit. */
export const ZOOM_LEVELS: readonly number[] = [0.5, 1, 1.5, 2, 3, 4];
export const DEFAULT_ZOOM = 2;

export type LoadState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'loading';
      readonly requestId: number;
      readonly source: DataSource;
      readonly files: Partial<Record<MnistFileName, FileProgress>>;
    }
  | {
      readonly status: 'failed';
      readonly source: DataSource;
      readonly file: MnistFileName | null;
      readonly url: string | null;
      readonly message: string;
    };

/** The facts. Anything computable from them (ids shown, counts) is derived in selectors. */
export interface ExplorerFacts {
  readonly dataset: Dataset | null;
  /** The source `dataset` came from; a failed load of another source leaves both in place. */
  readonly loadedSource: DataSource | null;
  readonly decodeMs: number | null;
  readonly sharedMemory: boolean;
  readonly load: LoadState;
  readonly split: SplitFilter;
  /** Sorted; all ten means no digit filter. */
  readonly digits: readonly number[];
  readonly zoom: number;
  /** Global id of the digit whose detail view is open. */
  readonly openDigit: number | null;
}

export interface ExplorerActions {
  setSplit: (split: SplitFilter) => void;
  toggleDigit: (digit: number) => void;
  showAllDigits: () => void;
  setZoom: (zoom: number) => void;
  setOpenDigit: (id: number | null) => void;
  loadStarted: (requestId: number, source: DataSource) => void;
  loadProgress: (requestId: number, file: MnistFileName, progress: FileProgress) => void;
  loadSucceeded: (requestId: number, dataset: Dataset, shared: boolean, decodeMs: number) => void;
  loadFailed: (requestId: number, failure: { file: MnistFileName | null; url: string | null; message: string }) => void;
  loadCancelled: (requestId: number) => void;
}

export type ExplorerState = ExplorerFacts & ExplorerActions;

export const initialFacts: ExplorerFacts = {
  dataset: null,
  loadedSource: null,
  decodeMs: null,
  sharedMemory: false,
  load: { status: 'idle' },
  split: 'all',
  digits: ALL_DIGITS,
  zoom: DEFAULT_ZOOM,
  openDigit: null,
};

/** Clicking a digit while all are shown narrows to it; otherwise it toggles; none left = all. */
export function toggledDigits(current: readonly number[], digit: number): readonly number[] {
  if (current.length === LABEL_COUNT) return [digit];
  const next = current.includes(digit) ? current.filter((d) => d !== digit) : [...current, digit].sort((a, b) => a - b);
  return next.length === 0 ? ALL_DIGITS : next;
}

export const useExplorerStore = create<ExplorerState>()((set, get) => {
  const isCurrent = (requestId: number) => {
    const load = get().load;
    return load.status === 'loading' && load.requestId === requestId;
  };
  return {
    ...initialFacts,
    setSplit: (split) => set({ split }),
    toggleDigit: (digit) => set({ digits: toggledDigits(get().digits, digit) }),
    showAllDigits: () => set({ digits: ALL_DIGITS }),
    setZoom: (zoom) => set({ zoom }),
    setOpenDigit: (openDigit) => set({ openDigit }),
    loadStarted: (requestId, source) => set({ load: { status: 'loading', requestId, source, files: {} } }),
    loadProgress: (requestId, file, progress) => {
      const load = get().load;
      if (load.status !== 'loading' || load.requestId !== requestId) return;
      set({ load: { ...load, files: { ...load.files, [file]: progress } } });
    },
    loadSucceeded: (requestId, dataset, sharedMemory, decodeMs) => {
      const load = get().load;
      if (load.status !== 'loading' || load.requestId !== requestId) return;
      // The open digit may not exist in a smaller data set.
      const openDigit = get().openDigit;
      const size = dataset.train.count + dataset.test.count;
      set({
        dataset,
        loadedSource: load.source,
        sharedMemory,
        decodeMs,
        load: { status: 'idle' },
        openDigit: openDigit !== null && openDigit < size ? openDigit : null,
      });
    },
    loadFailed: (requestId, failure) => {
      const load = get().load;
      if (load.status !== 'loading' || load.requestId !== requestId) return;
      set({ load: { status: 'failed', source: load.source, ...failure } });
    },
    loadCancelled: (requestId) => {
      if (isCurrent(requestId)) set({ load: { status: 'idle' } });
    },
  };
});
