import type { MapColour } from '../../data/analysis/mapLayouts';
import { rampColour, SPLIT_COLOURS, SUSPECT_RAMP } from '../../render/mapColours';
import { LabelLegend } from './LabelLegend';

interface Props {
  /** The legend's accessible name: `Map legend`, `Grid legend`. */
  readonly name: string;
  readonly colour: MapColour;
  readonly suspectsReady: boolean;
  readonly predictionsReady: boolean;
  /** Whether the picture stacks its points (the map: the notable ones on top); the grid's bands do not. */
  readonly stacked: boolean;
}

/** What the colours mean: the label toggles, the two splits, or the suspect score's ramp. */
export function ColourLegend({ name, colour, suspectsReady, predictionsReady, stacked }: Props) {
  if (colour === 'label') return <LabelLegend name={name} />;
  if (colour === 'prediction')
    return (
      <>
        <LabelLegend name={name} />
        <p className="hint">
          Coloured by the class the classifier predicts (out of sample){stacked ? '; the digits it reads otherwise than their label are drawn on top.' : '.'}
          {!predictionsReady && ' Grey until the classifier’s probabilities of every digit are computed (progress in the Model view).'}
        </p>
      </>
    );
  if (colour === 'split')
    return (
      <ul className="map-legend" aria-label={name}>
        {(['train', 'test'] as const).map((split) => (
          <li key={split}>
            <span className="map-swatch" style={{ background: SPLIT_COLOURS[split] }} aria-hidden="true" /> {split === 'train' ? 'Train' : 'Test'}
          </li>
        ))}
      </ul>
    );
  const stops = Array.from({ length: 11 }, (_, i) => rampColour(SUSPECT_RAMP, i / 10));
  return (
    <div className="map-legend" role="group" aria-label={name}>
      <span>0 of 10 neighbours with another label</span>
      <span className="map-ramp" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} aria-hidden="true" />
      <span>10 of 10{stacked && ' (the most suspect drawn on top)'}</span>
      {!suspectsReady && <span>— grey until the suspect scores are computed</span>}
    </div>
  );
}
