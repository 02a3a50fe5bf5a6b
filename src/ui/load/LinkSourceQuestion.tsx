import { safeEcho } from '../../data/safeText';
import { hostScope, type HostScope } from '../../data/sources';
import { loadSource } from '../../state/datasetLoader';
import { useExplorerStore } from '../../state/useExplorerStore';

const WHERE: Record<HostScope, string> = {
  'this-computer': ' That address is on your own computer.',
  'private-network': ' That address is on a private network.',
  internet: '',
};

/**
 * Asks before a link makes the browser fetch from a server of the link's choosing. Nothing is
 * fetched from it until Load; the link's filters and sample apply either way.
 */
export function LinkSourceQuestion() {
  const source = useExplorerStore((s) => s.linkSourceQuestion);
  if (source?.kind !== 'custom') return null;
  return (
    <aside className="link-notice link-source-question" aria-label="Link source" aria-live="polite">
      <p>
        This link loads data from <code>{safeEcho(source.baseUrl, 120)}</code>, a server it names itself.
        {WHERE[hostScope(source.baseUrl)]} Load the four files from there?
      </p>
      <button type="button" onClick={() => loadSource(source)}>
        Load
      </button>
      <button type="button" onClick={() => loadSource({ kind: 'bundled' })}>
        Show the bundled data instead
      </button>
    </aside>
  );
}
