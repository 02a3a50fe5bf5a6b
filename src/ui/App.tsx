import { useExplorerStore } from '../state/explorerStore';
import { DatasetWarnings } from './DatasetWarnings';
import { DigitDetail } from './DigitDetail';
import { DigitFilter } from './DigitFilter';
import { DigitGrid } from './DigitGrid';
import { LoadedSourceNote } from './LoadedSourceNote';
import { LoadErrorBanner } from './LoadErrorBanner';
import { LoadProgress } from './LoadProgress';
import { SourcePicker } from './SourcePicker';
import { SplitSelect } from './SplitSelect';
import { StatusLine } from './StatusLine';
import { ZoomControl } from './ZoomControl';

export function App() {
  const dataset = useExplorerStore((s) => s.dataset);
  return (
    <div className="app">
      <header className="app-header">
        <h1>MNIST Explorer</h1>
        <SourcePicker />
        <LoadedSourceNote />
      </header>
      <LoadProgress />
      <LoadErrorBanner />
      <DatasetWarnings />
      <nav className="toolbar" aria-label="Filters">
        <DigitFilter />
        <SplitSelect />
        <ZoomControl />
        <StatusLine />
      </nav>
      <main className="app-main">
        {dataset ? <DigitGrid dataset={dataset} /> : <div className="grid-placeholder" />}
      </main>
      {dataset && <DigitDetail dataset={dataset} />}
    </div>
  );
}
