import { MNIST_INFO, type DatasetInfo } from '../../data/dataset/catalog';
import { useMemo } from 'react';
import type { Dataset } from '../../data/dataset/dataset';
import { buildLabelIndex, countSelected, selectIds, splitsShown, type LabelIndex, type SplitFilter } from '../../data/dataset/labelIndex';
import type { Split } from '../../data/dataset/fileSlots';
import { sampleIds } from '../../data/dataset/sample';
import { idsInRankedOrder, sortIds, type SortOrder } from '../../data/dataset/sortOrder';
import { mergedRanking, type SuspectScores } from '../../data/analysis/suspects';
import { readyValue, suspectsOf } from './analysisState';
import { rankingFor } from './rankingsMemo';
import type { DatasetStatistics } from '../../data/analysis/statistics';
import { formatMapRegion, idsInRegion, type MapRegion } from '../../data/analysis/mapRegion';
import type { MapPoints } from '../../data/analysis/mapLayouts';
import { useExplorerStore } from './useExplorerStore';
import type { LabelIssues, ModelReadout } from '../../data/analysis/modelReadout';
import type { ClassifierMetrics } from '../../data/analysis/classifierMetrics';
import { hardRankingOf, labelIssuesOf, mistakenRankingOf, readoutCovers, readoutOf, splitMetricsOf } from './modelMemo';

const EMPTY_IDS = new Uint32Array(0);

// One label index per dataset object, built on first use; a new dataset gets a new one.
const indexMemo = new WeakMap<Dataset, LabelIndex>();

export function labelIndexFor(dataset: Dataset): LabelIndex {
  let index = indexMemo.get(dataset);
  if (!index) {
    index = buildLabelIndex(dataset);
    indexMemo.set(dataset, index);
  }
  return index;
}

/**
 * A few recent id lists per owner (a dataset, or its statistics), by key: computed once however
 * many components ask (grid, detail, sample, data frame); a new owner starts afresh.
 */
const IDS_CACHE_SIZE = 8;
function memoisedIds<Owner extends object>(memo: WeakMap<Owner, Map<string, Uint32Array>>, owner: Owner, key: string, compute: () => Uint32Array): Uint32Array {
  let byKey = memo.get(owner);
  if (!byKey) {
    byKey = new Map();
    memo.set(owner, byKey);
  }
  let ids = byKey.get(key);
  if (!ids) {
    ids = compute();
    if (byKey.size >= IDS_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, ids);
  }
  return ids;
}

const idsMemo = new WeakMap<Dataset, Map<string, Uint32Array>>();

/** The selection (split, digits) in file order. */
export function idsFor(dataset: Dataset, split: SplitFilter, digits: readonly number[]): Uint32Array {
  return memoisedIds(idsMemo, dataset, `${split}:${digits.join(',')}`, () => selectIds(dataset, split, digits, labelIndexFor(dataset)));
}

/**
 * A region of the map, with the points of the layout it was drawn on: `points` is null while that
 * layout is being computed (then nothing is selected yet: a region's selection is never guessed).
 */
export interface RegionFilter {
  readonly region: MapRegion;
  readonly points: MapPoints | null;
}

const regionMemo = new WeakMap<MapPoints, Map<string, Uint32Array>>();
const predictedMemo = new WeakMap<ModelReadout, Map<string, Uint32Array>>();

/**
 * The link's `predicted=` filter, with the classifier's readout as far as it is there: until it
 * covers every split shown, nothing is selected (a prediction is never guessed).
 */
export interface PredictedFilter {
  readonly classes: readonly number[];
  readonly readout: ModelReadout | null;
}

/** The selection (split, digits, the predicted classes and the map region if any) in file order. */
export function selectionIdsFor(dataset: Dataset, split: SplitFilter, digits: readonly number[], region: RegionFilter | null, predicted: PredictedFilter | null = null): Uint32Array {
  let ids = idsFor(dataset, split, digits);
  let key = `${split}:${digits.join(',')}`;
  if (predicted && predicted.classes.length > 0) {
    const { readout, classes } = predicted;
    if (!readoutCovers(readout, split)) return EMPTY_IDS;
    const from = ids;
    key += `:p${classes.join(',')}`;
    ids = memoisedIds(predictedMemo, readout, key, () => from.filter((id) => classes.includes(readout.predicted[id]!)));
  }
  if (!region) return ids;
  const { points } = region;
  if (!points) return EMPTY_IDS;
  const inside = ids;
  return memoisedIds(regionMemo, points, `${key}:${formatMapRegion(region.region)}`, () => idsInRegion(inside, points, region.region));
}

const sortedMemo = new WeakMap<DatasetStatistics, Map<string, Uint32Array>>();
const modelSortedMemo = new WeakMap<Uint32Array, Map<string, Uint32Array>>();

/** What the model-based orders and filter need: the link's predicted classes and the readout. */
export type ModelFacts = PredictedFilter;

/**
 * The selection in `sort` order; file order until what the order needs is there (the statistics;
 * the suspect labels; the classifier's probabilities of every split shown).
 */
export function sortedIdsFor(
  dataset: Dataset,
  split: SplitFilter,
  digits: readonly number[],
  sort: SortOrder,
  statistics: DatasetStatistics | null,
  region: RegionFilter | null = null,
  suspects: SuspectParts | null = null,
  model: ModelFacts | null = null,
): Uint32Array {
  const ids = selectionIdsFor(dataset, split, digits, region, model);
  const readout = model?.readout ?? null;
  const modelRanking = (): Uint32Array | null => {
    if (!readoutCovers(readout, split)) return null;
    if (sort === 'hard') return hardRankingOf(readout);
    if (sort === 'mistaken') return mistakenRankingOf(readout, dataset);
    // Confident learning once the model has every split shown; the neighbours' vote until then.
    if (sort === 'suspect') return labelIssuesOf(readout, dataset).ranking;
    return null;
  };
  if (sort === 'suspect' || sort === 'hard' || sort === 'mistaken') {
    const ranking = modelRanking();
    if (ranking) {
      const key = `${split}:${digits.join(',')}:${model?.classes.join(',') ?? ''}:${region ? formatMapRegion(region.region) : ''}`;
      return memoisedIds(modelSortedMemo, ranking, key, () => idsInRankedOrder(ids, ranking, dataset.train.count + dataset.test.count));
    }
    return sort === 'suspect' ? suspectOrder(dataset, ids, split, suspects) : ids;
  }
  if (sort === 'neighbours') return suspectOrder(dataset, ids, split, suspects);
  if (sort === 'file' || !statistics || (region && !region.points)) return ids;
  const keys = { trainCount: dataset.train.count, train: statistics.train, test: statistics.test };
  const ranked = rankingFor(statistics, sort, keys);
  const regionKey = region ? `:${formatMapRegion(region.region)}` : '';
  const predictedKey = model && model.classes.length > 0 ? `:p${model.classes.join(',')}` : '';
  return memoisedIds(sortedMemo, statistics, `${split}:${digits.join(',')}:${sort}${regionKey}${predictedKey}`, () => sortIds(ids, sort, keys, ranked));
}

/** The suspect labels of the dataset on screen, per split, as far as they are computed. */
export type SuspectParts = Readonly<Record<Split, SuspectScores | null>>;

/** The merged ranking of the last parts asked for, per first part: recomputed when any part is new. */
const suspectMemo = new WeakMap<SuspectScores, { parts: readonly SuspectScores[]; ranking: Uint32Array }>();

function mergedRankingOf(parts: readonly SuspectScores[]): Uint32Array {
  const cached = suspectMemo.get(parts[0]!);
  if (cached && cached.parts.length === parts.length && cached.parts.every((p, i) => p === parts[i])) return cached.ranking;
  const ranking = mergedRanking(parts);
  suspectMemo.set(parts[0]!, { parts, ranking });
  return ranking;
}
/**
 * The selection most suspect first, once every split it holds has its suspect labels; file
 * order until then (the toolbar shows the progress).
 */
function suspectOrder(dataset: Dataset, ids: Uint32Array, split: SplitFilter, suspects: SuspectParts | null): Uint32Array {
  const parts = splitsShown(split).map((s) => suspects?.[s] ?? null);
  if (parts.some((p) => p === null || p.table.to > dataset.train.count + dataset.test.count)) return ids;
  const scores = parts as SuspectScores[];
  const total = dataset.train.count + dataset.test.count;
  return idsInRankedOrder(ids, mergedRankingOf(scores), total);
}

/** The suspect labels of the dataset on screen (per split, as far as computed). */
export function useSuspectParts(): SuspectParts {
  const train = useExplorerStore((s) => readyValue(s.analyses[suspectsOf('train')], s.dataset));
  const test = useExplorerStore((s) => readyValue(s.analyses[suspectsOf('test')], s.dataset));
  return useMemo(() => ({ train, test }), [train, test]);
}

/** Every digit's x, y on the layout chosen (of the dataset on screen) once it is computed; null before. */
export function useLayoutPoints(): MapPoints | null {
  return useExplorerStore((s) =>
    s.layout === 'umap' ? (readyValue(s.analyses['neighbourhood-map'], s.dataset)?.coordinates ?? null) : (readyValue(s.analyses.map, s.dataset)?.coordinates ?? null),
  );
}

/** The map region in force, with the points of its layout once they are computed; null without a region. */
export function useRegionFilter(): RegionFilter | null {
  const region = useExplorerStore((s) => s.region);
  const points = useLayoutPoints();
  return useMemo(() => (region ? { region, points } : null), [region, points]);
}

/** The classifier's readout of the dataset on screen: the splits whose probabilities are there; null before any. */
export function useModelReadout(): ModelReadout | null {
  const dataset = useExplorerStore((s) => s.dataset);
  const model = useExplorerStore((s) => readyValue(s.analyses.classifier, s.dataset));
  const folds = useExplorerStore((s) => readyValue(s.analyses['classifier-folds'], s.dataset));
  return useMemo(() => (dataset ? readoutOf(dataset, model, folds) : null), [dataset, model, folds]);
}

/** The classifier's figures on `split` (test: the first model's; train: the folds'), once its probabilities are there. */
export function useSplitMetrics(split: Split): ClassifierMetrics | null {
  const dataset = useExplorerStore((s) => s.dataset);
  const readout = useModelReadout();
  return useMemo(() => (dataset && readout ? splitMetricsOf(readout, dataset, split) : null), [dataset, readout, split]);
}

/** Confident learning's label issues in the splits whose probabilities are there; null before any. */
export function useLabelIssues(): LabelIssues | null {
  const dataset = useExplorerStore((s) => s.dataset);
  const readout = useModelReadout();
  return useMemo(() => (dataset && readout ? labelIssuesOf(readout, dataset) : null), [dataset, readout]);
}

/** The link's predicted classes with the readout (stable while neither changes). */
export function useModelFacts(): ModelFacts {
  const classes = useExplorerStore((s) => s.predicted);
  const readout = useModelReadout();
  return useMemo(() => ({ classes, readout }), [classes, readout]);
}

/** The statistics of the dataset on screen, once computed; null before (or if they failed). */
export function useStatistics(): DatasetStatistics | null {
  return useExplorerStore((s) => readyValue(s.analyses.statistics, s.dataset));
}

/**
 * The global ids the grid shows, in order, for the current split, digit filter and sort: of the
 * loaded dataset, or of the digits streamed in so far during the first load (in file order).
 */
export function useVisibleIds(): Uint32Array {
  const dataset = useExplorerStore((s) => s.dataset ?? s.preview);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const sort = useExplorerStore((s) => s.sort);
  const statistics = useStatistics();
  const region = useRegionFilter();
  const suspects = useSuspectParts();
  const model = useModelFacts();
  const loaded = useExplorerStore((s) => s.dataset);
  return useMemo(
    // The streamed preview has no map and no model: a region or a prediction applies once the dataset is loaded.
    () =>
      dataset
        ? dataset === loaded
          ? sortedIdsFor(dataset, split, digits, sort, statistics, region, suspects, model)
          : sortedIdsFor(dataset, split, digits, sort, statistics, region && { ...region, points: null }, suspects, { ...model, readout: null })
        : EMPTY_IDS,
    [dataset, loaded, split, digits, sort, statistics, region, suspects, model],
  );
}

/**
 * How many digits the selection holds, of how many; `waitingFor` says what a selection that is not
 * there yet waits for: a region its map, a prediction filter the classifier (the map first when both).
 */
export function useVisibleCount(): { shown: number; total: number; waitingFor: 'map' | 'model' | null } {
  const dataset = useExplorerStore((s) => s.dataset);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const region = useRegionFilter();
  const model = useModelFacts();
  return useMemo(() => {
    if (!dataset) return { shown: 0, total: 0, waitingFor: null };
    const index = labelIndexFor(dataset);
    const byPrediction = model.classes.length > 0;
    if (region || byPrediction) {
      const waitingFor = region !== null && region.points === null ? 'map' : byPrediction && !readoutCovers(model.readout, split) ? 'model' : null;
      return { shown: selectionIdsFor(dataset, split, digits, region, model).length, total: index.size, waitingFor };
    }
    return { shown: countSelected(index, split, digits), total: index.size, waitingFor: null };
  }, [dataset, split, digits, region, model]);
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
  const region = useRegionFilter();
  const model = useModelFacts();
  const ids = useMemo(() => (dataset ? selectionIdsFor(dataset, split, digits, region, model) : EMPTY_IDS), [dataset, split, digits, region, model]);
  return useMemo(() => sampleIds(ids, size, seed), [ids, size, seed]);
}

/** What the data on screen is (its words, its classes): MNIST's before anything is there. */
export function useDatasetInfo(): DatasetInfo {
  return useExplorerStore((s) => (s.dataset ?? s.preview)?.info ?? MNIST_INFO);
}
