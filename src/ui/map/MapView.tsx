// The map of every digit: their first two principal components, coloured by label, with the
// share of variance each component explains. Computed on first visit (seconds of one core).
import type { Dataset } from '../../data/dataset/dataset';
import { askFor, cancelAnalysis } from '../../state/jobs/scheduler';
import { stateFor } from '../../state/store/analysisState';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';
import { MapCanvas } from './MapCanvas';
import { MapLegend } from './MapLegend';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

export function MapView({ dataset }: { dataset: Dataset }) {
  const map = useExplorerStore((s) => stateFor(s.analyses.map, dataset));
  const total = dataset.train.count + dataset.test.count;
  return (
    <section className="map-view" aria-labelledby="map-heading">
      <h2 id="map-heading">Map of all {formatCount(total)} digits</h2>
      {map.status !== 'ready' ? (
        <AnalysisStatus
          state={map.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : map}
          progressName="Computing the map"
          computing={`Computing the map: the principal components of all ${formatCount(total)} digits (a few seconds)…`}
          failed="The map could not be computed"
          cancelled="The map was not computed."
          onRetry={() => askFor('map')}
          onCancel={() => cancelAnalysis('map')}
        />
      ) : (
        <>
          <p className="map-caption" aria-live="polite">
            Principal component 1 (x, {percent(map.value.variances[0]! / map.value.totalVariance)} of the pixels’ variance) against
            component 2 (y, {percent(map.value.variances[1]! / map.value.totalVariance)}); the first {map.value.variances.length} together hold{' '}
            {percent(map.value.variances.reduce((s, v) => s + v, 0) / map.value.totalVariance)}.{' '}
            {map.kept ? `Kept with the decoded copy (computed in ${formatCount(Math.round(map.ms))} ms when first drawn).` : `Computed in ${formatCount(Math.round(map.ms))} ms.`}
          </p>
          <MapLegend />
          <MapCanvas dataset={dataset} map={map.value} />
        </>
      )}
    </section>
  );
}
