import { useState, type FormEvent } from 'react';
import { CATALOG, DATASET_IDS, type DatasetId } from '../../data/dataset/catalog';
import { AZURE_MNIST_URL, datasetOfSource, parseCustomBaseUrl, sameSource, SOURCE_LABELS, type DataSource, type SourceKind } from '../../data/sources/sources';
import { loadSource } from '../../state/jobs/datasetLoader';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { LocalFilesInput } from './LocalFilesInput';
import { LabelledSelect } from '../common/LabelledSelect';

/** Where each dataset can come from, in the order offered. */
function sourceKindsFor(dataset: DatasetId): readonly SourceKind[] {
  if (dataset === 'mnist') return ['bundled', 'azure', 'custom', 'local'];
  return CATALOG[dataset].publicBaseUrl ? ['public', 'custom', 'local'] : ['local', 'custom'];
}

/** The source picker's words for a kind, for this dataset (its publisher by name). */
function kindLabel(kind: SourceKind, dataset: DatasetId): string {
  if (kind === 'public') return `${SOURCE_LABELS.public} (${new URL(CATALOG[dataset].publicBaseUrl ?? 'http://-/').host})`;
  return SOURCE_LABELS[kind];
}

/** Chooses a dataset and where its files come from, and starts the load. */
export function SourcePicker() {
  const loadedSource = useExplorerStore((s) => s.loadedSource);
  const load = useExplorerStore((s) => s.load);
  const current = load.status === 'idle' ? loadedSource : load.source;
  const [dataset, setDataset] = useState<DatasetId>(current ? datasetOfSource(current) : 'mnist');
  const [kind, setKind] = useState<SourceKind>(current?.kind ?? 'bundled');
  const [customUrl, setCustomUrl] = useState(current?.kind === 'custom' ? current.baseUrl : '');
  const [files, setFiles] = useState<readonly File[]>(current?.kind === 'local' ? (current.files ?? []) : []);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const kinds = sourceKindsFor(dataset);
  const shownKind = kinds.includes(kind) ? kind : kinds[0]!;

  const chosen = (): { ok: true; source: DataSource } | { ok: false; reason: string } => {
    switch (shownKind) {
      case 'custom': {
        const parsed = parseCustomBaseUrl(customUrl, window.location.href);
        if (!parsed.ok) return parsed;
        return { ok: true, source: dataset === 'mnist' ? { kind: 'custom', baseUrl: parsed.url } : { kind: 'custom', baseUrl: parsed.url, dataset } };
      }
      case 'local':
        return files.length === 0 ? { ok: false, reason: 'choose the image and label files first' } : { ok: true, source: { kind: 'local', dataset, files } };
      case 'public':
        return { ok: true, source: { kind: 'public', dataset } };
      case 'bundled':
      case 'azure':
        return { ok: true, source: { kind: shownKind } };
    }
  };
  // Pressing the button on what is already shown fetches it again; anything else opens it.
  const typed = chosen();
  const showsLoaded = loadedSource !== null && typed.ok && sameSource(loadedSource, typed.source);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = chosen();
    if (!next.ok) {
      setFieldError(next.reason);
      return;
    }
    setFieldError(null);
    loadSource(next.source);
  };

  const entry = CATALOG[dataset];
  return (
    // Our own check is the one rule for typed URLs and links alike (relative URLs included), so
    // the browser's type=url check is off: it blocked relative URLs and left our message stale.
    <form className="source-picker" onSubmit={submit} aria-label="Data source" noValidate>
      <LabelledSelect
        label="Dataset"
        value={dataset}
        options={DATASET_IDS}
        optionLabel={(id) => CATALOG[id].title}
        onChange={(id) => {
          setDataset(id);
          setFieldError(null);
        }}
      />
      <LabelledSelect
        label="Source"
        value={shownKind}
        options={kinds}
        optionLabel={(k) => kindLabel(k, dataset)}
        onChange={(k) => {
          setKind(k);
          setFieldError(null);
        }}
      />
      {shownKind === 'custom' && (
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
            aria-invalid={fieldError !== null}
            aria-describedby={fieldError ? 'source-field-error' : undefined}
            onChange={(e) => {
              setCustomUrl(e.target.value);
              setFieldError(null);
            }}
          />
        </label>
      )}
      {shownKind === 'local' && (
        <LocalFilesInput
          onFiles={(picked) => {
            setFiles(picked);
            setFieldError(null);
            // Choosing the files is the visitor's say-so: they open at once.
            if (picked.length > 0) loadSource({ kind: 'local', dataset, files: picked });
          }}
        />
      )}
      <button type="submit" disabled={load.status === 'loading'}>
        {showsLoaded ? 'Reload' : 'Open'}
      </button>
      {shownKind === 'azure' && <span className="hint">{AZURE_MNIST_URL}</span>}
      {shownKind === 'local' && entry.archiveUrl && (
        <span className="hint">
          {entry.title} is published in one archive: download <a href={entry.archiveUrl}>{new URL(entry.archiveUrl).pathname.split('/').pop()}</a> and open it (or its .gz files) here
        </span>
      )}
      {fieldError && (
        <span id="source-field-error" className="field-error" role="alert">
          {fieldError}
        </span>
      )}
    </form>
  );
}
