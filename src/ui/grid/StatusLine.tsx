import { useExplorerStore } from '../../state/useExplorerStore';
import { useVisibleCount } from '../../state/selectors';
import { formatCount } from '../common/format';

/**
 * What is shown. The status element keeps the plain numbers the accessibility contract promises
 * (`Showing 70000 of 70000 digits`, parsed by tests outside the project); people see the same
 * sentence with thousands separators.
 */
export function StatusLine() {
  const hasData = useExplorerStore((s) => s.dataset !== null);
  const loadStatus = useExplorerStore((s) => s.load.status);
  const streamed = useExplorerStore((s) => s.preview?.train.count ?? 0);
  const { shown, total, pending } = useVisibleCount();
  const say = (format: (n: number) => string) =>
    hasData && pending
      ? `Computing the map to select its region… (${format(total)} digits)`
      : hasData
      ? `Showing ${format(shown)} of ${format(total)} digits`
      : loadStatus === 'loading'
        ? `Loading MNIST…${streamed > 0 ? ` ${format(streamed)} training digits so far` : ''}`
        : 'No digits loaded';
  return (
    <div className="status-line">
      <p role="status" className="visually-hidden">
        {say(String)}
      </p>
      <span aria-hidden="true">{say(formatCount)}</span>
    </div>
  );
}
