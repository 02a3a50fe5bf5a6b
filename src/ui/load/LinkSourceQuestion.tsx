import { CATALOG } from '../../data/dataset/catalog';
import { safeEcho } from '../../data/safeText';
import { hostScope, type HostScope } from '../../data/sources/sources';
import { loadSource } from '../../state/jobs/datasetLoader';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { LocalFilesInput } from './LocalFilesInput';

const WHERE: Record<HostScope, string> = {
  'this-computer': ' That address is on your own computer.',
  'private-network': ' That address is on a private network.',
  internet: '',
};

/**
 * Asks before a link makes the browser fetch from a server of the link's choosing, and asks for
 * the files of a link made from someone's own files. Nothing is fetched until the visitor
 * answers; the link's filters and sample apply either way.
 */
export function LinkSourceQuestion() {
  const source = useExplorerStore((s) => s.linkSourceQuestion);
  if (source?.kind === 'local') {
    const entry = CATALOG[source.dataset];
    return (
      <aside className="link-notice link-source-question" aria-label="Link source" aria-live="polite">
        <p>
          This link shows {entry.title} from files on the sender’s computer. Open the same files here (the images and labels, gzip’d or
          raw{entry.archiveUrl ? <>; they come in <a href={entry.archiveUrl}>the publisher’s archive</a></> : null}): they are read on
          this computer, never uploaded.
        </p>
        {/* Choosing the files is the answer: they open at once. */}
        <LocalFilesInput onFiles={(files) => files.length > 0 && loadSource({ kind: 'local', dataset: source.dataset, files })} />
        <button type="button" onClick={() => loadSource({ kind: 'bundled' })}>
          Show the bundled MNIST instead
        </button>
      </aside>
    );
  }
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
