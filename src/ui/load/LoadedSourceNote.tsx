import { datasetOfSource, SOURCE_LABELS, type DataSource } from '../../data/sources/sources';
import { CATALOG } from '../../data/dataset/catalog';
import { useExplorerStore } from '../../state/store/useExplorerStore';

function describeSource(source: DataSource): string {
  const dataset = datasetOfSource(source);
  // MNIST's wording stays as it was ("Loaded from Bundled copy"); other data names itself first.
  const where = source.kind === 'custom' ? `${SOURCE_LABELS.custom} ${source.baseUrl}` : SOURCE_LABELS[source.kind];
  return dataset === 'mnist' ? where : `${CATALOG[dataset].title}: ${where}`;
}

/**
 * Where the digits on screen came from and how long that took, in plain words. Always present
 * (saying "Loading…" first), so its arrival never moves the header.
 */
export function LoadedSourceNote() {
  const source = useExplorerStore((s) => s.loadedSource);
  const decodeMs = useExplorerStore((s) => s.decodeMs);
  const fromKeptCopy = useExplorerStore((s) => s.fromKeptCopy);
  const readOffline = useExplorerStore((s) => s.readOffline);
  const shared = useExplorerStore((s) => s.sharedMemory);
  // How the pixels are held is for tools and tests, not for people: an attribute, not words.
  const text = source
    ? `Loaded from ${describeSource(source)}${decodeMs !== null ? ` in ${(decodeMs / 1000).toFixed(2)} s` : ''}${fromKeptCopy ? (readOffline ? ' (kept copy; offline, not checked with the server)' : ' (kept copy, checked with the server)') : ''}`
    : 'Loading…';
  // One line of a fixed width, cut with an ellipsis (whole in the tooltip): its text changing
  // from "Loading…" to a long custom URL must not move or wrap the header.
  return (
    <p className="loaded-source" aria-label="Loaded data" title={text} data-memory={source ? (shared ? 'shared' : 'transferred') : undefined}>
      {text}
    </p>
  );
}
