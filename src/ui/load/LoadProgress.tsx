import { FILE_SLOTS } from '../../data/dataset/fileSlots';
import { CATALOG } from '../../data/dataset/catalog';
import { datasetOfSource } from '../../data/sources/sources';
import { cancelLoad } from '../../state/jobs/datasetLoader';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatBytes } from '../common/format';


/** One progress bar per file while a load runs, with a way to stop it. */
export function LoadProgress() {
  const load = useExplorerStore((s) => s.load);
  if (load.status !== 'loading') return null;
  // Each bar is named by the dataset's own name for its file.
  const { files } = CATALOG[datasetOfSource(load.source)];
  return (
    <section className="load-progress" aria-label="Loading progress">
      {FILE_SLOTS.map(({ slot, split, role }) => {
        const name = files[split][role];
        const progress = load.files[slot];
        const percent = progress?.total ? Math.min(100, Math.round((100 * progress.received) / progress.total)) : null;
        return (
          <div key={name} className="load-progress-file">
            <span className="file-name">{name}</span>
            <div
              role="progressbar"
              aria-label={name}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? 0}
              aria-valuetext={
                progress ? `${formatBytes(progress.received)}${progress.total ? ` of ${formatBytes(progress.total)}` : ''}` : 'waiting'
              }
              className="progress-track"
            >
              <div className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
            </div>
            <span className="progress-text">{progress ? formatBytes(progress.received) : '—'}</span>
          </div>
        );
      })}
      <button type="button" onClick={cancelLoad}>
        Cancel
      </button>
    </section>
  );
}
