import { CATALOG } from '../../data/dataset/catalog';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/** Says that files opened as one dataset were recognised, by their contents, as another's. */
export function RecognisedNotice() {
  const recognised = useExplorerStore((s) => s.recognisedAs);
  const dismiss = useExplorerStore((s) => s.dismissRecognised);
  if (!recognised) return null;
  const { title } = CATALOG[recognised];
  return (
    <aside className="link-notice" aria-label="Recognised files" aria-live="polite">
      <p>
        These files are {title}’s published files (recognised by the SHA-256 of their contents), so they are shown as {title}, with its class
        names.
      </p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </aside>
  );
}
