import { useState } from 'react';

/** Copies the current address (which always holds the whole shareable state). */
export function CopyLinkButton() {
  const [message, setMessage] = useState<string | null>(null);
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
