import { useExplorerStore } from '../state/useExplorerStore';
import { useVisibleCount } from '../state/selectors';

export function StatusLine() {
  const hasData = useExplorerStore((s) => s.dataset !== null);
  const loadStatus = useExplorerStore((s) => s.load.status);
  const streamed = useExplorerStore((s) => s.preview?.train.count ?? 0);
  const { shown, total } = useVisibleCount();
  const text = hasData
    ? `Showing ${shown} of ${total} digits`
    : loadStatus === 'loading'
      ? `Loading MNIST…${streamed > 0 ? ` ${streamed} training digits so far` : ''}`
      : 'No digits loaded';
  return (
    <p role="status" className="status-line">
      {text}
    </p>
  );
}
