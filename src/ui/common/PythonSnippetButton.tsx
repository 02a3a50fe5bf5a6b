import { useState } from 'react';
import { ModalDialog } from './ModalDialog';

interface Props {
  readonly label: string;
  /** The dialog's title, e.g. "Python for this sample". */
  readonly title: string;
  /** Made only when the dialog opens: a snippet of a 70,000-digit selection is not free. */
  readonly code: () => string;
  readonly disabled?: boolean;
}

/** Opens the Python that reproduces a selection in the notebook, shown and ready to copy. */
export function PythonSnippetButton({ label, title, code, disabled }: Props) {
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const close = () => {
    setText(null);
    setCopied(null);
  };
  const copy = async (snippet: string) => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Copied');
    } catch {
      setCopied('The browser did not allow copying: select the code and copy it by hand.');
    }
  };
  const id = `python-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <>
      <button type="button" onClick={() => setText(code())} disabled={disabled} aria-haspopup="dialog">
        {label}
      </button>
      {text !== null && (
        <ModalDialog labelledBy={`${id}-title`} className="dataset-card python-snippet" onClose={close}>
          <header>
            <h2 id={`${id}-title`}>{title}</h2>
            <span className="digit-detail-actions">
              <button type="button" onClick={() => void copy(text)} data-autofocus>
                Copy
              </button>
              <button type="button" onClick={close}>
                Close
              </button>
            </span>
          </header>
          <p className="hint">Paste it into the notebook after its load_data cells.</p>
          <pre className="code" aria-label="Python code" tabIndex={0}>
            {text}
          </pre>
          <p aria-live="polite" className="hint">
            {copied}
          </p>
        </ModalDialog>
      )}
    </>
  );
}
