import { useExplorerStore } from '../../state/store/useExplorerStore';

/** Said when a new build of the app has been installed (static hosts): a reload shows it. */
export function UpdateNotice() {
  const ready = useExplorerStore((s) => s.appUpdateReady);
  if (!ready) return null;
  return (
    <aside className="link-notice" aria-label="Update" aria-live="polite">
      <p>A new version of MNIST Explorer is ready.</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </aside>
  );
}
