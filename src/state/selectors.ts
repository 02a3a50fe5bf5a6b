import { useMemo } from 'react';
import type { Dataset } from '../data/dataset';
import { buildLabelIndex, countSelected, selectIds, type LabelIndex, type SplitFilter } from '../data/labelIndex';
import { sampleIds } from '../data/sample';
import { useExplorerStore } from './useExplorerStore';

const EMPTY_IDS = new Uint32Array(0);

// One label index per dataset object, built on first use; a new dataset gets a new one.
const indexCache = new WeakMap<Dataset, LabelIndex>();

export function labelIndexFor(dataset: Dataset): LabelIndex {
  let index = indexCache.get(dataset);
  if (!index) {
    index = buildLabelIndex(dataset);
    indexCache.set(dataset, index);
  }
  return index;
}

// A small number per dataset object, for keys that must change when the data does.
const datasetIds = new WeakMap<Dataset, number>();
let nextDatasetId = 1;
export function datasetId(dataset: Dataset): number {
  let id = datasetIds.get(dataset);
  if (id === undefined) {
    id = nextDatasetId++;
    datasetIds.set(dataset, id);
  }
  return id;
}

// The id list per (dataset, split, digits), computed once however many components ask (grid,
// detail, sample, data frame). A few recent selections are kept; a new dataset starts afresh.
const idsCache = new WeakMap<Dataset, Map<string, Uint32Array>>();
const IDS_CACHE_SIZE = 8;

export function idsFor(dataset: Dataset, split: SplitFilter, digits: readonly number[]): Uint32Array {
  let byKey = idsCache.get(dataset);
  if (!byKey) {
    byKey = new Map();
    idsCache.set(dataset, byKey);
  }
  const key = `${split}:${digits.join(',')}`;
  let ids = byKey.get(key);
  if (!ids) {
    ids = selectIds(dataset, split, digits);
    if (byKey.size >= IDS_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, ids);
  }
  return ids;
}

/**
 * The global ids the grid shows, in order, for the current split and digit filter: of the
 * loaded dataset, or of the digits streamed in so far during the first load.
 */
export function useVisibleIds(): Uint32Array {
  const dataset = useExplorerStore((s) => s.dataset ?? s.preview);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  return useMemo(
    () => (dataset ? idsFor(dataset, split, digits) : EMPTY_IDS),
    [dataset, split, digits],
  );
}

export function useVisibleCount(): { shown: number; total: number } {
  const dataset = useExplorerStore((s) => s.dataset);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  return useMemo(() => {
    if (!dataset) return { shown: 0, total: 0 };
    const index = labelIndexFor(dataset);
    return { shown: countSelected(index, split, digits), total: index.size };
  }, [dataset, split, digits]);
}

/** The split the sample draws from: its own when a link or the panel pins one, else the grid's. */
export function useSampleSplit(): SplitFilter {
  return useExplorerStore((s) => s.sampleSplit ?? s.split);
}

/** The random sample for the sample's split, the digit filter, seed and size: derived, never stored. */
export function useSample(): Uint32Array {
  const dataset = useExplorerStore((s) => s.dataset);
  const split = useSampleSplit();
  const digits = useExplorerStore((s) => s.digits);
  const size = useExplorerStore((s) => s.sampleSize);
  const seed = useExplorerStore((s) => s.seed);
  const ids = useMemo(() => (dataset ? idsFor(dataset, split, digits) : EMPTY_IDS), [dataset, split, digits]);
  return useMemo(() => sampleIds(ids, size, seed), [ids, size, seed]);
}
