import { useExplorerStore } from '../state/useExplorerStore';
import { useVisibleCount } from '../state/selectors';

export function StatusLine() {
  const hasData = useExplorerStore((s) => s.dataset !== null);
  const loadStatus = useExplorerStore((s) => s.load.status);
  const { shown, total } = useVisibleCount();
  const text = hasData
    ? `Showing ${shown} of ${total} digits`
    : loadStatus === 'loading'
      ? 'Loading MNIST…'
      : 'No digits loaded';
  return (
    <p role="status" className="status-line">
      {text}
    </p>
  );
}
