import { useExplorerStore } from '../../state/store/useExplorerStore';
import { describeIgnored } from '../../state/app/shareUrl';

/** Says which share-link parameters were ignored (and so fell back to defaults). */
export function LinkNotice() {
  const ignored = useExplorerStore((s) => s.linkNotice);
  const dismiss = useExplorerStore((s) => s.dismissLinkNotice);
  if (ignored.length === 0) return null;
  return (
    <aside className="link-notice" aria-label="Link notice" aria-live="polite">
      <p>
        Some of this link could not be used and was replaced by defaults: {describeIgnored(ignored)}.
      </p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </aside>
  );
}
