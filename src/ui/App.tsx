import { useExplorerStore } from '../state/useExplorerStore';
import { datasetId } from '../state/selectors';
import { CopyLinkButton } from './CopyLinkButton';
import { DataFrameView } from './DataFrameView';
import { DatasetCardButton } from './DatasetCard';
import { DatasetWarnings } from './DatasetWarnings';
import { DigitDetail } from './DigitDetail';
import { DigitFilter } from './DigitFilter';
import { DigitGrid } from './DigitGrid';
import { FilesView } from './FilesView';
import { KeptCopyNotice } from './KeptCopyNotice';
import { LinkNotice } from './LinkNotice';
import { LinkSourceQuestion } from './LinkSourceQuestion';
import { LoadedSourceNote } from './LoadedSourceNote';
import { LoadErrorBanner } from './LoadErrorBanner';
import { LoadProgress } from './LoadProgress';
import { SamplePanel } from './SamplePanel';
import { SourcePicker } from './SourcePicker';
import { SelectionPythonButton } from './SelectionPythonButton';
import { SkipLink } from './SkipLink';
import { SplitSelect } from './SplitSelect';
import { StatusLine } from './StatusLine';
import { ViewTabs } from './ViewTabs';
import { ZoomControl } from './ZoomControl';

export function App() {
  const dataset = useExplorerStore((s) => s.dataset);
  const preview = useExplorerStore((s) => s.preview);
  const view = useExplorerStore((s) => s.view);
  const pickerKey = useExplorerStore((s) => JSON.stringify(s.load.status === 'idle' ? s.loadedSource : s.load.source));
  // Which load the digits on screen come from: the streamed preview and the dataset it becomes
  // share it (the same shared memory), so the grid and its painted rows carry over.
  const dataKey = useExplorerStore((s) => (s.dataset ? `data-${s.loadedRequestId ?? datasetId(s.dataset)}` : s.load.status === 'loading' ? `data-${s.load.requestId}` : 'none'));

  return (
    <div className="app">
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
      <LinkSourceQuestion />
      <LinkNotice />
      <KeptCopyNotice />
      <LoadProgress />
      <LoadErrorBanner />
      <DatasetWarnings />
      <nav className="toolbar" aria-label="Filters">
        <ViewTabs />
        {/* The files are the same whatever the filter: no filter controls there. */}
        {view !== 'files' && <DigitFilter />}
        {view !== 'files' && <SplitSelect />}
        {view !== 'files' && <SelectionPythonButton />}
        {view === 'digits' && <ZoomControl />}
        <StatusLine />
      </nav>
      <main className="app-main" id="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`} tabIndex={-1}>
        {view === 'digits' ? (
          // While the first load streams in, one grid grows with the preview; before any digit
          // has arrived the sample's places and an empty grid hold the layout still.
          <div className="digits-view">
            <SamplePanel dataset={dataset} />
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
        ) : (
          <FilesView />
        )}
      </main>
      {dataset && <DigitDetail dataset={dataset} />}
    </div>
  );
}
