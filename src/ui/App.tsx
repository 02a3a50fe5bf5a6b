import { useExplorerStore } from '../state/store/useExplorerStore';
import { datasetId } from '../state/store/datasetIds';
import { CopyLinkButton } from './common/CopyLinkButton';
import { DataFrameView } from './frame/DataFrameView';
import { DatasetCardButton } from './files/DatasetCard';
import { DatasetWarnings } from './files/DatasetWarnings';
import { DigitDetail } from './detail/DigitDetail';
import { DigitFilter } from './filters/DigitFilter';
import { DigitGrid } from './grid/DigitGrid';
import { FilesView } from './files/FilesView';
import { KeptCopyNotice } from './load/KeptCopyNotice';
import { OfflineNotice } from './load/OfflineNotice';
import { RecognisedNotice } from './load/RecognisedNotice';
import { LinkNotice } from './load/LinkNotice';
import { LinkSourceQuestion } from './load/LinkSourceQuestion';
import { LoadedSourceNote } from './load/LoadedSourceNote';
import { LoadErrorBanner } from './load/LoadErrorBanner';
import { LoadProgress } from './load/LoadProgress';
import { SamplePanel } from './sample/SamplePanel';
import { SourcePicker } from './load/SourcePicker';
import { SelectionPythonButton } from './common/SelectionPythonButton';
import { SkipLink } from './common/SkipLink';
import { SortSelect } from './filters/SortSelect';
import { SplitSelect } from './filters/SplitSelect';
import { StatisticsView } from './stats/StatisticsView';
import { MapView } from './map/MapView';
import { ClassifierProgress } from './suspects/ClassifierProgress';
import { ModelView } from './model/ModelView';
import { DrawView } from './draw/DrawView';
import { RegionNote } from './map/RegionNote';
import { SuspectsProgress } from './suspects/SuspectsProgress';
import { StatusLine } from './grid/StatusLine';
import { ViewTabs } from './common/ViewTabs';
import { GridColourControl, GridLegend } from './grid/GridColours';
import { ZoomControl } from './grid/ZoomControl';
import { useFileDrop } from './load/useFileDrop';
import { UpdateNotice } from './load/UpdateNotice';

export function App() {
  const dataset = useExplorerStore((s) => s.dataset);
  const preview = useExplorerStore((s) => s.preview);
  const view = useExplorerStore((s) => s.view);
  const pickerKey = useExplorerStore((s) => JSON.stringify(s.load.status === 'idle' ? s.loadedSource : s.load.source));
  // Which load the digits on screen come from: the streamed preview and the dataset it becomes
  // share it (the same shared memory), so the grid and its painted rows carry over.
  const dataKey = useExplorerStore((s) => (s.dataset ? `data-${s.loadedRequestId ?? datasetId(s.dataset)}` : s.load.status === 'loading' ? `data-${s.load.requestId}` : 'none'));

  const drop = useFileDrop();
  return (
    <div className={drop.dragging ? 'app app-dropping' : 'app'} {...drop.handlers}>
      {drop.dragging && (
        <div className="drop-note" role="status">
          Drop the image and label files (gzip or raw) to open them here; they are read on this computer, never uploaded
        </div>
      )}
      <SkipLink />
      <header className="app-header">
        <h1>MNIST Explorer</h1>
        {/* Re-made when the source on screen (or loading) changes, so after Cancel, Dismiss or
            Back/Forward the picker shows what is really there, not what was last typed. */}
        <SourcePicker key={pickerKey} />
        <div className="app-header-actions">
          <LoadedSourceNote />
          <DatasetCardButton />
          <CopyLinkButton />
        </div>
      </header>
      <UpdateNotice />
      <LinkSourceQuestion />
      <LinkNotice />
      <KeptCopyNotice />
      <OfflineNotice />
      <RecognisedNotice />
      <LoadProgress />
      <LoadErrorBanner />
      <DatasetWarnings />
      <nav className="toolbar" aria-label="Filters">
        <ViewTabs />
        {/* The files are the same whatever the filter, a drawing is measured against every digit,
            and the Model view is of every digit (with its own choice of split): no filter
            controls there. */}
        {view !== 'files' && view !== 'draw' && view !== 'model' && <DigitFilter />}
        {view !== 'files' && view !== 'draw' && view !== 'model' && <SplitSelect />}
        {/* The statistics are of the whole selection: its order changes nothing there. */}
        {(view === 'digits' || view === 'table') && <SortSelect />}
        {(view === 'digits' || view === 'table') && <SelectionPythonButton />}
        {view === 'digits' && <ZoomControl />}
        {view === 'digits' && <GridColourControl />}
        {view !== 'files' && view !== 'map' && <RegionNote />}
        <SuspectsProgress />
        <ClassifierProgress />
        <StatusLine />
      </nav>
      <main className="app-main" id="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`} tabIndex={-1}>
        {view === 'digits' ? (
          // While the first load streams in, one grid grows with the preview; before any digit
          // has arrived the sample's places and an empty grid hold the layout still.
          <div className="digits-view">
            <SamplePanel dataset={dataset} />
            {dataset && <GridLegend dataset={dataset} />}
            {dataset || preview ? (
              <DigitGrid key={dataKey} dataset={(dataset ?? preview)!} dataKey={dataKey} />
            ) : (
              <div className="digit-grid" aria-hidden="true" />
            )}
          </div>
        ) : !dataset ? (
          <div className="grid-placeholder" />
        ) : view === 'table' ? (
          <DataFrameView dataset={dataset} />
        ) : view === 'stats' ? (
          <StatisticsView dataset={dataset} />
        ) : view === 'map' ? (
          <MapView dataset={dataset} />
        ) : view === 'model' ? (
          <ModelView dataset={dataset} />
        ) : view === 'draw' ? (
          <DrawView dataset={dataset} />
        ) : (
          <FilesView />
        )}
      </main>
      {dataset && <DigitDetail dataset={dataset} />}
    </div>
  );
}
