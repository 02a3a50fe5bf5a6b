import { SOURCE_LABELS, type DataSource } from '../data/sources';
import { useExplorerStore } from '../state/useExplorerStore';

function describeSource(source: DataSource): string {
  return source.kind === 'custom' ? `${SOURCE_LABELS.custom} ${source.baseUrl}` : SOURCE_LABELS[source.kind];
}

/** Where the digits on screen came from, and how long decoding took. */
export function LoadedSourceNote() {
  const source = useExplorerStore((s) => s.loadedSource);
  const decodeMs = useExplorerStore((s) => s.decodeMs);
  const shared = useExplorerStore((s) => s.sharedMemory);
  const fromCache = useExplorerStore((s) => s.fromCache);
  if (!source) return null;
  return (
    <p className="loaded-source" aria-label="Loaded data">
      Loaded from {describeSource(source)}
      {fromCache && ' (kept copy, checked with the server)'}
      {decodeMs !== null && ` in ${(decodeMs / 1000).toFixed(2)} s`}
      {shared ? ' · shared memory' : ' · transferred memory'}
    </p>
  );
}
