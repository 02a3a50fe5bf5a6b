import { useMemo } from 'react';
import type { Dataset } from '../data/dataset';
import { buildLabelIndex, countSelected, selectIds, type LabelIndex } from '../data/labelIndex';
import { sampleIds } from '../data/sample';
import { useExplorerStore } from './useExplorerStore';

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

/**
 * The global ids the grid shows, in order, for the current split and digit filter: of the
 * loaded dataset, or of the digits streamed in so far during the first load.
 */
export function useVisibleIds(): Uint32Array {
  const dataset = useExplorerStore((s) => s.dataset ?? s.preview);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  return useMemo(
    () => (dataset ? selectIds(labelIndexFor(dataset), split, digits) : new Uint32Array(0)),
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

/** The random sample for the current selection, seed and size: derived, never stored. */
export function useSample(): Uint32Array {
  const ids = useVisibleIds();
  const size = useExplorerStore((s) => s.sampleSize);
  const seed = useExplorerStore((s) => s.seed);
  return useMemo(() => sampleIds(ids, size, seed), [ids, size, seed]);
}
