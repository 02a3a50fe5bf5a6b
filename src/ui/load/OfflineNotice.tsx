import { useExplorerStore } from '../../state/store/useExplorerStore';

/**
 * Says that the page is offline: the data on screen is the copy kept on this computer, used
 * without asking the server whether its files changed (they are the files the service worker keeps).
 */
export function OfflineNotice() {
  const shown = useExplorerStore((s) => s.readOffline && !s.offlineNoticeDismissed);
  const dismiss = useExplorerStore((s) => s.dismissOfflineNotice);
  if (!shown) return null;
  return (
    // Not a status: the page's one status is `Showing N of M digits`, which tools read by its role.
    <aside className="link-notice" aria-label="Offline notice" aria-live="polite">
      <p>
        You are offline: the digits are the copy kept on this computer, the same files this app was last served; the server could not be asked whether
        they changed.
      </p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </aside>
  );
}
