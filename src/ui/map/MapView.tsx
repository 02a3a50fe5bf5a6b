// The map of every digit: the neighbourhood layout (UMAP of the exact neighbour graph) or the
// first two principal components, coloured by label, split or suspect score. While the
// neighbourhood map is computed the principal-components map stands in beneath its progress.
import type { Dataset } from '../../data/dataset/dataset';
import { LAYOUT_NAMES, LAYOUTS, MAP_COLOUR_NAMES, MAP_COLOURS, type LayoutKind, type MapPoints } from '../../data/analysis/mapLayouts';
import { coordinatesCsv, coordinatesFileName } from '../../data/export/mapCoordinates';
import { downloadBlob } from '../../render/downloadBlob';
import { askFor, cancelAnalysis, cancelNeighbourhoodMap } from '../../state/jobs/scheduler';
import { stateFor, type AnalysisProgress } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { AnalysisStatus } from '../common/AnalysisStatus';
import { LabelledSelect } from '../common/LabelledSelect';
import { formatCount } from '../common/format';
import { MapCanvas } from './MapCanvas';
import { MapCaption } from './MapCaption';
import { ColourLegend } from '../common/ColourLegend';
import { useDigitColours } from '../common/useDigitColours';

const stageWords = (progress: AnalysisProgress) =>
  progress.stage === 'neighbour tables'
    ? `Neighbour tables: ${formatCount(progress.done)} of ${formatCount(progress.total)} digits`
    : progress.stage === 'setup'
      ? `Building the neighbour graph: ${Math.floor(progress.done / 10)} %`
      : `Laying out: ${Math.floor((100 * progress.done) / Math.max(1, progress.total))} %`;

export function MapView({ dataset }: { dataset: Dataset }) {
  const layout = useExplorerStore((s) => s.layout);
  const setLayout = useExplorerStore((s) => s.setLayout);
  const setColour = useExplorerStore((s) => s.setColour);
  const pca = useExplorerStore((s) => stateFor(s.analyses.map, dataset));
  const umap = useExplorerStore((s) => stateFor(s.analyses['neighbourhood-map'], dataset));
  const total = dataset.train.count + dataset.test.count;
  const { colour, colours: wantedColours, suspectsReady, predictionsReady } = useDigitColours(dataset, true);
  const colours = wantedColours!;

  // What is drawn: the layout asked for, or the principal components while the neighbourhoods are computed.
  const shown: { layout: LayoutKind; points: MapPoints } | null =
    layout === 'umap' && umap.status === 'ready'
      ? { layout: 'umap', points: umap.value.coordinates }
      : pca.status === 'ready'
        ? { layout: 'pca', points: pca.value.coordinates }
        : null;
  const save = () => {
    if (!shown) return;
    downloadBlob(new Blob([coordinatesCsv(dataset, shown.points)], { type: 'text/csv' }), coordinatesFileName(dataset.info, shown.layout));
  };
  return (
    <section className="map-view" aria-labelledby="map-heading">
      <h2 id="map-heading">Map of all {formatCount(total)} digits</h2>
      <div className="map-controls">
        <LabelledSelect label="Layout" value={layout} options={LAYOUTS} optionLabel={(l) => LAYOUT_NAMES[l]} onChange={setLayout} />
        <LabelledSelect label="Colour" value={colour} options={MAP_COLOURS} optionLabel={(c) => MAP_COLOUR_NAMES[c]} onChange={setColour} />
        <button type="button" onClick={save} disabled={!shown}>
          Save coordinates
        </button>
      </div>
      {layout === 'umap' && (
        <AnalysisStatus
          state={umap.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : umap}
          progressName="Neighbourhood map"
          computing={`Computing the neighbourhood map of all ${formatCount(total)} digits: their exact neighbours, then the layout (a minute or two on a laptop; kept afterwards)…`}
          progressText={stageWords}
          failed="The neighbourhood map could not be computed"
          cancelled="The neighbourhood map was not computed."
          onRetry={() => askFor('neighbourhood-map')}
          onCancel={cancelNeighbourhoodMap}
        />
      )}
      {pca.status !== 'ready' && (layout === 'pca' || umap.status !== 'ready') && (
        <AnalysisStatus
          state={pca.status === 'none' ? { status: 'computing', dataset, subject: null, progress: null } : pca}
          progressName="Computing the map"
          computing={`Computing the map: the principal components of all ${formatCount(total)} digits (a few seconds)…`}
          failed="The map could not be computed"
          cancelled="The map was not computed."
          onRetry={() => askFor('map')}
          onCancel={() => cancelAnalysis('map')}
        />
      )}
      {shown && (
        <>
          <MapCaption shown={shown.layout} asked={layout} pca={pca.status === 'ready' ? pca : null} umap={umap.status === 'ready' ? umap : null} />
          <ColourLegend name="Map legend" stacked colour={colour} suspectsReady={suspectsReady} predictionsReady={predictionsReady} />
          <MapCanvas dataset={dataset} points={shown.points} layout={shown.layout} colours={colours} regions={shown.layout === layout} />
        </>
      )}
    </section>
  );
}
