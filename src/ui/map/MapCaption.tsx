import type { DigitMap } from '../../data/analysis/digitMap';
import type { LayoutKind, NeighbourhoodMap } from '../../data/analysis/mapLayouts';
import type { AnalysisState } from '../../state/store/analysisState';
import { formatCount } from '../common/format';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Ready<T> = Extract<AnalysisState<T>, { status: 'ready' }>;

/** What the map shows and how it was made: the layout's method, or the components' shares of variance. */
export function MapCaption({ shown, asked, pca, umap }: { shown: LayoutKind; asked: LayoutKind; pca: Ready<DigitMap> | null; umap: Ready<NeighbourhoodMap> | null }) {
  if (shown === 'umap' && umap) {
    const map = umap.value;
    return (
      <p className="map-caption" aria-live="polite">
        Neighbourhoods: UMAP of every digit’s {map.neighbours} nearest neighbours (exact, on the first 50 principal components), {map.epochs} epochs, seed{' '}
        {map.seed}. Digits near each other on the map are near in pixels; distances between far clusters mean little.{' '}
        {umap.kept ? 'Kept with the decoded copy.' : `Computed in ${seconds(umap.ms)} (layout ${seconds(map.timings.setup + map.timings.layout)}).`}
      </p>
    );
  }
  if (!pca) return null;
  const map = pca.value;
  return (
    <p className="map-caption" aria-live="polite">
      {asked === 'umap' && 'Until the neighbourhood map is ready: '}
      Principal component 1 (x, {percent(map.variances[0]! / map.totalVariance)} of the pixels’ variance) against component 2 (y,{' '}
      {percent(map.variances[1]! / map.totalVariance)}); the first {map.variances.length} together hold {percent(map.variances.reduce((s, v) => s + v, 0) / map.totalVariance)}.{' '}
      {pca.kept ? `Kept with the decoded copy (computed in ${formatCount(Math.round(pca.ms))} ms when first drawn).` : `Computed in ${formatCount(Math.round(pca.ms))} ms.`}
    </p>
  );
}
