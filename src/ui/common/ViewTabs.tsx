import { useExplorerStore } from '../../state/store/useExplorerStore';
import { VIEWS, VIEW_NAMES } from '../../state/store/viewOptions';

/** Switches between the digit grid, the data frame and the files; the choice is in the link. */
export function ViewTabs() {
  const view = useExplorerStore((s) => s.view);
  const setView = useExplorerStore((s) => s.setView);
  return (
    <div role="tablist" aria-label="View" className="view-tabs">
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-selected={view === v}
          aria-controls="view-panel"
          tabIndex={view === v ? 0 : -1}
          onClick={() => setView(v)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (step === 0) return;
            const next = VIEWS[(VIEWS.indexOf(v) + step + VIEWS.length) % VIEWS.length]!;
            setView(next);
            document.getElementById(`tab-${next}`)?.focus();
          }}
        >
          {VIEW_NAMES[v]}
        </button>
      ))}
    </div>
  );
}
