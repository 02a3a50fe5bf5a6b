import { useState, type FormEvent } from 'react';
import { AZURE_MNIST_URL, parseCustomBaseUrl, SOURCE_LABELS, type DataSource, type SourceKind } from '../../data/sources';
import { loadSource } from '../../state/datasetLoader';
import { useExplorerStore } from '../../state/useExplorerStore';

const KINDS: readonly SourceKind[] = ['bundled', 'azure', 'custom'];

/** Chooses where the four files come from and starts the load. */
export function SourcePicker() {
  const loadedSource = useExplorerStore((s) => s.loadedSource);
  const load = useExplorerStore((s) => s.load);
  const current = load.status === 'idle' ? loadedSource : load.source;
  const [kind, setKind] = useState<SourceKind>(current?.kind ?? 'bundled');
  const [customUrl, setCustomUrl] = useState(current?.kind === 'custom' ? current.baseUrl : '');
  const [urlError, setUrlError] = useState<string | null>(null);

  // Pressing the button on what is already shown fetches it again; anything else opens it.
  const typed = kind === 'custom' ? parseCustomBaseUrl(customUrl, window.location.href) : null;
  const showsLoaded =
    loadedSource?.kind === kind &&
    (loadedSource.kind !== 'custom' || (typed?.ok === true && loadedSource.baseUrl === typed.url));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let source: DataSource;
    if (kind === 'custom') {
      const parsed = parseCustomBaseUrl(customUrl, window.location.href);
      if (!parsed.ok) {
        setUrlError(parsed.reason);
        return;
      }
      setUrlError(null);
      source = { kind: 'custom', baseUrl: parsed.url };
    } else {
      source = { kind };
    }
    loadSource(source);
  };

  return (
    // Our own check is the one rule for typed URLs and links alike (relative URLs included), so
    // the browser's type=url check is off: it blocked relative URLs and left our message stale.
    <form className="source-picker" onSubmit={submit} aria-label="Data source" noValidate>
      <label className="control">
        <span>Source</span>
        <select aria-label="Source" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {SOURCE_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {kind === 'custom' && (
        <label className="control">
          <span>Base URL</span>
          <input
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            aria-label="Base URL"
            placeholder="https://example.org/mnist/"
            value={customUrl}
            aria-invalid={urlError !== null}
            aria-describedby={urlError ? 'custom-url-error' : undefined}
            onChange={(e) => {
              setCustomUrl(e.target.value);
              setUrlError(null);
            }}
          />
        </label>
      )}
      <button type="submit" disabled={load.status === 'loading'}>
        {showsLoaded ? 'Reload' : 'Open'}
      </button>
      {kind === 'azure' && <span className="hint">{AZURE_MNIST_URL}</span>}
      {urlError && (
        <span id="custom-url-error" className="field-error" role="alert">
          {urlError}
        </span>
      )}
    </form>
  );
}
