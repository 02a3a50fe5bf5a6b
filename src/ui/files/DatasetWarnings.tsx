import { useExplorerStore } from '../../state/store/useExplorerStore';

/** What the loaded files got away with: odd but usable content, such as labels outside 0–9. */
export function DatasetWarnings() {
  const warnings = useExplorerStore((s) => s.dataset?.warnings);
  if (!warnings || warnings.length === 0) return null;
  return (
    <ul className="dataset-warnings" aria-label="Data warnings">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}
