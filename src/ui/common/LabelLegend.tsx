import { classLabels, labelText } from '../../data/dataset/catalog';
import { showsLabel } from '../../data/dataset/labelIndex';
import { useDatasetInfo } from '../../state/store/selectors';
import { LABEL_COLOURS } from '../../render/mapPoints';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/**
 * The legend of the label colours (the map's, the dense grid's): one toggle per label, pressed
 * while the label is shown. It is the digit filter seen from the picture (one fact in the store),
 * so hiding a label here filters the grid and the map too.
 */
export function LabelLegend({ name }: { name: string }) {
  const digits = useExplorerStore((s) => s.digits);
  const setDigits = useExplorerStore((s) => s.setDigits);
  const info = useDatasetInfo();
  const classes = classLabels(info);
  const toggle = (label: number) => {
    const shownNow = digits.length === 0 ? classes : digits;
    const next = shownNow.includes(label) ? shownNow.filter((d) => d !== label) : [...shownNow, label];
    // Hiding the last label shows none, which a filter cannot say: it shows all again.
    setDigits(next);
  };
  return (
    <div className="map-legend" role="group" aria-label={name}>
      {classes.map((label) => (
        <button key={label} type="button" aria-pressed={showsLabel(digits, label)} onClick={() => toggle(label)}>
          <span className="map-swatch" style={{ background: LABEL_COLOURS[label % LABEL_COLOURS.length] }} aria-hidden="true" />
          Label {labelText(info, label)}
        </button>
      ))}
    </div>
  );
}
