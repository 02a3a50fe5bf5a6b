// The map of every digit: its coordinates on the first two principal components of all digits,
// and how much of the pixels' variance the components explain (the map states it). A region of
// the map (mapRegion.ts) selects the digits inside.
import { pixelCount, type Dataset } from '../dataset/dataset';
import { principalComponents, project, type ImageBlock } from './pca';

/** Components computed: two are drawn; fifty are the usual projection for neighbourhoods, and their share is stated. */
export const MAP_COMPONENTS = 50;

export interface DigitMap {
  /** x, y of every digit by global id (train first), on components 1 and 2. */
  readonly coordinates: Float64Array<ArrayBuffer>;
  /** Variance along each of the first `MAP_COMPONENTS` components, largest first. */
  readonly variances: Float64Array<ArrayBuffer>;
  readonly totalVariance: number;
  /** Where the time went, in ms: the scatter matrix, the eigenvectors, the projection. */
  readonly timings: { readonly scatter: number; readonly eigen: number; readonly project: number };
}

export function computeDigitMap(dataset: Dataset, now: () => number = () => performance.now()): DigitMap {
  const blocks: ImageBlock[] = [dataset.train, dataset.test];
  const started = now();
  let scattered = started;
  const pca = principalComponents(blocks, pixelCount(dataset), MAP_COMPONENTS, () => (scattered = now()));
  const eigen = now();
  const coordinates = project(blocks, pca, 2);
  return {
    coordinates,
    variances: pca.variances,
    totalVariance: pca.totalVariance,
    timings: { scatter: scattered - started, eigen: eigen - scattered, project: now() - eigen },
  };
}
