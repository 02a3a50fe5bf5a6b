// "Read the kept result, else compute it, then keep it once the data's key is known": the one
// place that decides between the copy kept on disk and a computation. A kept copy is only ever
// a shortcut — when it is missing, unreadable or damaged the result is computed as on a first
// visit (and the damaged copy is forgotten by the reader).
import type { Dataset } from '../../data/dataset/dataset';
import { dataKeyOf } from '../kept/keptResults';
import { explorerStore } from '../store/explorerStore';
import { cancelled } from './analysisClient';

/** How one kind of result is kept on disk, under the data's key. */
export interface KeptKind<T> {
  /** For the console when a kept copy is refused ("the kept map"). */
  readonly what: string;
  /** The kept result (null: none kept; a problem: kept but unusable, now forgotten). */
  read(key: string, dataset: Dataset): Promise<{ readonly value: T; readonly ms: number } | { readonly problem: string } | null>;
  /** Keeps `value`; never throws; true when it was written. */
  keep(key: string, value: T, ms: number, dataset: Dataset): Promise<boolean>;
}

export interface Computed<T> {
  readonly value: T;
  readonly ms: number;
  /** Whatever the computation wants to report beside its time (the steps' timings, for the benchmark). */
  readonly detail?: Readonly<Record<string, number>>;
}

export interface Obtained<T> extends Computed<T> {
  readonly kept: boolean;
  /** When computed: resolves once it was kept (true) or could not be (false). */
  readonly keeping: Promise<boolean> | null;
}

/**
 * Runs `keep` with the data's key once it is known — now, or when the loader's hashes arrive
 * (on a first load they follow the data) — unless another dataset is shown first.
 */
export function whenKeyKnown(dataset: Dataset, keep: (key: string) => void, gone: () => void = () => undefined): void {
  const tryKeep = (): boolean => {
    const state = explorerStore.getState();
    if (state.dataset !== dataset) {
      gone();
      return true;
    }
    const key = dataKeyOf(state.loadedFiles);
    if (!key) return false;
    keep(key);
    return true;
  };
  if (tryKeep()) return;
  const unsubscribe = explorerStore.subscribe(() => {
    if (tryKeep()) unsubscribe();
  });
}

/** The data's key now, if `dataset` is on screen and its files are hashed. */
function keyNow(dataset: Dataset): string | null {
  const state = explorerStore.getState();
  return state.dataset === dataset ? dataKeyOf(state.loadedFiles) : null;
}

/** The kept result of `dataset` when there is a usable one, else `compute()`'s, kept once the key is known. */
export async function keptOrComputed<T>(dataset: Dataset, kept: KeptKind<T> | null, compute: () => Promise<Computed<T>>, signal: AbortSignal): Promise<Obtained<T>> {
  const key = kept ? keyNow(dataset) : null;
  if (kept && key) {
    const read = await kept.read(key, dataset);
    if (signal.aborted) throw cancelled();
    if (read && 'value' in read) return { value: read.value, ms: read.ms, kept: true, keeping: null };
    if (read) console.warn(`${kept.what} could not be used (${read.problem}); computing it again.`);
  }
  const computed = await compute();
  if (signal.aborted) throw cancelled();
  const keeping = kept ? new Promise<boolean>((resolve) => whenKeyKnown(dataset, (k) => void kept.keep(k, computed.value, computed.ms, dataset).then(resolve), () => resolve(false))) : null;
  return { ...computed, kept: false, keeping };
}
