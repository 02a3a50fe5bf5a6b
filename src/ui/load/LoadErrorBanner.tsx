import { datasetOfSource, SOURCE_LABELS } from '../../data/sources/sources';
import { CATALOG } from '../../data/dataset/catalog';
import { loadFailureWords } from '../../data/sources/loadFailureWords';
import { loadSource, retryLoad } from '../../state/jobs/datasetLoader';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/**
 * Says which file failed and why; Retry loads the same source again. The failure's code is on the
 * alert (`data-code`) for tests and tools; people read the sentence.
 */
export function LoadErrorBanner() {
  const load = useExplorerStore((s) => s.load);
  const hasData = useExplorerStore((s) => s.dataset !== null);
  const dismiss = useExplorerStore((s) => s.dismissLoadError);
  if (load.status !== 'failed') return null;
  return (
    <div role="alert" className="error-banner" data-code={load.failure.code} data-file={load.failure.slot ?? undefined}>
      <p>
        <strong>Could not load {CATALOG[datasetOfSource(load.source)].title} from {SOURCE_LABELS[load.source.kind]}.</strong> {loadFailureWords(load.failure)}
        {hasData && ' The data loaded before is still shown.'}
      </p>
      <button type="button" onClick={retryLoad}>
        Retry
      </button>
      <button
        type="button"
        onClick={() => {
          dismiss();
          // Nothing on screen to go back to (a link whose source failed): show the bundled copy.
          if (!hasData) loadSource({ kind: 'bundled' });
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
