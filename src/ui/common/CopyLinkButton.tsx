import { useEffect, useState } from 'react';
import { explorerStore, shareStateOf } from '../../state/store/explorerStore';

/** How long "Link copied" stays, unless the view changes first. */
const MESSAGE_MS = 3000;

/** Copies the current address (which always holds the whole shareable state). */
export function CopyLinkButton() {
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (message === null) return;
    const timer = window.setTimeout(() => setMessage(null), MESSAGE_MS);
    // Any change to what the link holds makes "Link copied" untrue for the new view.
    const unsubscribe = explorerStore.subscribe((state, previous) => {
      if (JSON.stringify(shareStateOf(state)) !== JSON.stringify(shareStateOf(previous))) setMessage(null);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [message]);

  const copy = async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Link copied');
    } catch {
      // No clipboard permission (or an insecure context): show the link to copy by hand.
      window.prompt('Copy this link:', link);
      setMessage(null);
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span aria-live="polite" className="hint">
        {message}
      </span>
    </span>
  );
}
