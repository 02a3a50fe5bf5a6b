import { SOURCE_LABELS, type DataSource } from '../data/sources';
import { useExplorerStore } from '../state/useExplorerStore';

function describeSource(source: DataSource): string {
  return source.kind === 'custom' ? `${SOURCE_LABELS.custom} ${source.baseUrl}` : SOURCE_LABELS[source.kind];
}

/**
 * Where the digits on screen came from and how long that took, in plain words. Always present
 * (saying "Loading…" first), so its arrival never moves the header.
 */
export function LoadedSourceNote() {
  const source = useExplorerStore((s) => s.loadedSource);
  const decodeMs = useExplorerStore((s) => s.decodeMs);
  const fromCache = useExplorerStore((s) => s.fromCache);
  const shared = useExplorerStore((s) => s.sharedMemory);
  // How the pixels are held is for tools and tests, not for people: an attribute, not words.
  return (
    <p className="loaded-source" aria-label="Loaded data" data-memory={source ? (shared ? 'shared' : 'transferred') : undefined}>
      {source ? (
        <>
          Loaded from {describeSource(source)}
          {fromCache && ' (kept copy from your last visit, checked with the server)'}
          {decodeMs !== null && ` in ${(decodeMs / 1000).toFixed(2)} s`}
        </>
      ) : (
        'Loading…'
      )}
    </p>
  );
}
