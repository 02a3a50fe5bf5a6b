import { useExplorerStore } from '../../state/store/useExplorerStore';

/** Says that a kept copy failed its content check and was replaced by a fresh load. */
export function KeptCopyNotice() {
  const notice = useExplorerStore((s) => s.keptCopyNotice);
  const dismiss = useExplorerStore((s) => s.dismissKeptCopyNotice);
  if (!notice) return null;
  return (
    <aside className="link-notice" aria-label="Kept copy notice" aria-live="polite">
      <p>{notice}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </aside>
  );
}
