import { IMAGE_SIDE } from '../../data/dataset/mnist';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { ZOOM_LEVELS } from '../../state/store/viewOptions';

/** A slider over the fixed zoom levels; the value text says the cell size in pixels. */
export function ZoomControl() {
  const zoom = useExplorerStore((s) => s.zoom);
  const setZoom = useExplorerStore((s) => s.setZoom);
  const step = Math.max(0, ZOOM_LEVELS.indexOf(zoom));
  const size = Math.round(IMAGE_SIDE * zoom);
  return (
    <label className="control">
      <span>Zoom</span>
      <input
        type="range"
        aria-label="Zoom"
        min={0}
        max={ZOOM_LEVELS.length - 1}
        step={1}
        value={step}
        aria-valuetext={`${zoom}× (${size} px digits)`}
        onChange={(e) => setZoom(ZOOM_LEVELS[Number(e.target.value)] ?? zoom)}
      />
      <span className="zoom-value" aria-hidden="true">{zoom}×</span>
    </label>
  );
}
