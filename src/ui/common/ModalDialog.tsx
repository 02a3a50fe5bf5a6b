import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  readonly labelledBy: string;
  readonly className: string;
  readonly onClose: () => void;
  /**
   * Puts focus where it belongs when the dialog has closed, and says whether it could; if not (or
   * without it), focus goes back to the element that had it when the dialog opened.
   */
  readonly returnFocus?: () => boolean;
  readonly children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog that keeps focus inside it: Tab and Shift+Tab cycle through its controls, focus
 * that lands outside is brought back, Escape closes it from anywhere, and focus goes back where
 * it belongs afterwards. The page behind stays in the accessibility tree (aria-modal tells
 * screen readers to ignore it), so the status line can still be read by tests and tools.
 */
export function ModalDialog({ labelledBy, className, onClose, returnFocus, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest callbacks, so the listeners below are installed once per opening.
  const latest = useRef({ onClose, returnFocus });
  useEffect(() => {
    latest.current = { onClose, returnFocus };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusables = () => Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
    const initial = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables()[0] ?? dialog;
    if (!dialog.contains(document.activeElement)) initial.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        latest.current.onClose();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables();
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      if (!dialog.contains(active)) {
        event.preventDefault();
        first.focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) (focusables()[0] ?? dialog).focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      // After React has removed the dialog, so the element receiving focus is really there.
      queueMicrotask(() => {
        if (!latest.current.returnFocus?.() && opener?.isConnected) opener.focus();
      });
    };
  }, []);

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        className={className}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}
