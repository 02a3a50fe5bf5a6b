import { describeMapRegion } from '../../data/analysis/mapRegion';
import { LAYOUT_NAMES } from '../../data/analysis/mapLayouts';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/** Says that a map region narrows what is shown (it is in the link), with the way out. */
export function RegionNote() {
  const region = useExplorerStore((s) => s.region);
  const setRegion = useExplorerStore((s) => s.setRegion);
  const view = useExplorerStore((s) => s.view);
  const layout = useExplorerStore((s) => s.layout);
  if (!region) return null;
  return (
    <div className="region-note">
      <span>
        Map region ({LAYOUT_NAMES[layout]}): {describeMapRegion(region)}
        {/* The statistics are sums per split and label, kept with the data: a region has none. */}
        {view === 'stats' && ' (the statistics are of the split and labels, not the region)'}
      </span>
      <button type="button" onClick={() => setRegion(null)}>
        Clear region
      </button>
    </div>
  );
}
