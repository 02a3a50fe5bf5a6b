import { MAP_COLOUR_NAMES, MAP_COLOURS } from '../../data/analysis/mapLayouts';
import type { Dataset } from '../../data/dataset/dataset';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { isBandedZoom } from '../../state/store/viewOptions';
import { ColourLegend } from '../common/ColourLegend';
import { LabelledSelect } from '../common/LabelledSelect';
import { useDigitColours } from '../common/useDigitColours';

/** The dense overview's `Colour` (the map's fact): what the band under each digit shows. Only at the dense zooms. */
export function GridColourControl() {
  const zoom = useExplorerStore((s) => s.zoom);
  const colour = useExplorerStore((s) => s.colour);
  const setColour = useExplorerStore((s) => s.setColour);
  if (!isBandedZoom(zoom)) return null;
  return <LabelledSelect label="Colour" value={colour} options={MAP_COLOURS} optionLabel={(c) => MAP_COLOUR_NAMES[c]} onChange={setColour} />;
}

/** What the bands' colours mean, above the dense overview. */
export function GridLegend({ dataset }: { dataset: Dataset }) {
  const zoom = useExplorerStore((s) => s.zoom);
  const banded = isBandedZoom(zoom);
  const { colour, suspectsReady, predictionsReady } = useDigitColours(dataset, false);
  if (!banded) return null;
  return (
    <div className="grid-legend">
      <ColourLegend name="Grid legend" stacked={false} colour={colour} suspectsReady={suspectsReady} predictionsReady={predictionsReady} />
    </div>
  );
}
