import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useDatasetInfo, useVisibleCount } from '../../state/store/selectors';
import { CATALOG } from '../../data/dataset/catalog';
import { datasetOfSource } from '../../data/sources/sources';
import { formatCount } from '../common/format';

/**
 * What is shown. The status element keeps the plain numbers the accessibility contract promises
 * (`Showing 70000 of 70000 digits`, parsed by tests outside the project); people see the same
 * sentence with thousands separators.
 */
export function StatusLine() {
  const hasData = useExplorerStore((s) => s.dataset !== null);
  const loadStatus = useExplorerStore((s) => s.load.status);
  const streamed = useExplorerStore((s) => s.preview?.train.count ?? 0);
  const loadingTitle = useExplorerStore((s) => (s.load.status === 'loading' ? CATALOG[datasetOfSource(s.load.source)].title : null));
  const shownNoun = useDatasetInfo().noun;
  // Before any data is there, the words of the dataset asked for (a link's, or the load's).
  const askedNoun = useExplorerStore((s) => CATALOG[datasetOfSource(s.linkSourceQuestion ?? (s.load.status === 'idle' ? s.source : s.load.source))].noun);
  const { many } = hasData ? shownNoun : askedNoun;
  const { shown, total, waitingFor } = useVisibleCount();
  const say = (format: (n: number) => string) =>
    hasData && waitingFor === 'map'
      ? `Computing the map to select its region… (${format(total)} ${many})`
      : hasData && waitingFor === 'model'
      ? `Training the classifier to select by its predictions… (${format(total)} ${many})`
      : hasData
      ? `Showing ${format(shown)} of ${format(total)} ${many}`
      : loadStatus === 'loading'
        ? `Loading ${loadingTitle ?? 'MNIST'}…${streamed > 0 ? ` ${format(streamed)} training ${many} so far` : ''}`
        : `No ${many} loaded`;
  return (
    <div className="status-line">
      <p role="status" className="visually-hidden">
        {say(String)}
      </p>
      <span aria-hidden="true">{say(formatCount)}</span>
    </div>
  );
}
