import { LABEL_COUNT } from '../../data/mnist';
import { LABEL_COLOURS } from '../../render/mapPoints';
import { useExplorerStore } from '../../state/useExplorerStore';

/**
 * The map's legend: one toggle per label, pressed while the label is shown. It is the digit
 * filter seen from the map (one fact in the store), so hiding a label here filters the grid too.
 */
export function MapLegend() {
  const digits = useExplorerStore((s) => s.digits);
  const setDigits = useExplorerStore((s) => s.setDigits);
  const toggle = (label: number) => {
    const shown = digits.includes(label);
    const next = shown ? digits.filter((d) => d !== label) : [...digits, label];
    setDigits(next);
  };
  return (
    <div className="map-legend" role="group" aria-label="Map legend">
      {Array.from({ length: LABEL_COUNT }, (_, label) => (
        <button key={label} type="button" aria-pressed={digits.includes(label)} onClick={() => toggle(label)}>
          <span className="map-swatch" style={{ background: LABEL_COLOURS[label] }} aria-hidden="true" />
          Label {label}
        </button>
      ))}
    </div>
  );
}
