import { useMemo } from 'react';
import { labelsByGlobalId, type Dataset } from '../../data/dataset/dataset';
import type { MapColour } from '../../data/analysis/mapLayouts';
import type { SuspectScores } from '../../data/analysis/suspects';
import { pointColours, type PointColours } from '../../render/mapColours';
import { useModelReadout, useSuspectParts } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/** Each digit's share of neighbours with another label, by global id; NaN where its split is not scored yet. */
function suspectShares(total: number, parts: readonly (SuspectScores | null)[]): Float64Array | null {
  if (parts.every((p) => !p)) return null;
  const shares = new Float64Array(total).fill(NaN);
  for (const p of parts) if (p) for (let i = 0; i < p.to - p.from; i++) shares[p.from + i] = p.disagreeing[i]! / p.k;
  return shares;
}

export interface DigitColours {
  readonly colour: MapColour;
  /** Every digit's colour by global id, or null when not `wanted`. */
  readonly colours: PointColours | null;
  readonly suspectsReady: boolean;
  readonly predictionsReady: boolean;
}

/**
 * The Colour fact (one for the map and the grid's dense overview) turned into a colour per
 * digit: label, split, suspect score or the classifier's prediction, as the map draws them.
 */
export function useDigitColours(dataset: Dataset, wanted: boolean): DigitColours {
  const colour = useExplorerStore((s) => s.colour);
  const suspects = useSuspectParts();
  const readout = useModelReadout();
  const total = dataset.train.count + dataset.test.count;
  const labels = useMemo(() => (wanted ? labelsByGlobalId(dataset) : null), [dataset, wanted]);
  const shares = useMemo(() => (wanted && colour === 'suspect' ? suspectShares(total, [suspects.train, suspects.test]) : null), [wanted, colour, total, suspects]);
  const predicted = colour === 'prediction' ? (readout?.predicted ?? null) : null;
  const colours = useMemo(() => (labels ? pointColours(colour, labels, dataset.train.count, shares, predicted) : null), [colour, labels, dataset, shares, predicted]);
  return {
    colour,
    colours,
    suspectsReady: shares !== null && !shares.some(Number.isNaN),
    predictionsReady: readout !== null && readout.known.train && readout.known.test,
  };
}
