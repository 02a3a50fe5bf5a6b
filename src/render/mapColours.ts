// What a map's points are coloured by: label (matplotlib's tab10, as a notebook's scatter plot),
// split, suspect score (how many of a digit's 10 nearest neighbours carry another label, on a
// ramp from grey to dark red, the most suspect drawn on top), or the classifier's prediction (its
// class's tab10 colour, the digits it reads otherwise than their label on top). Packed as the
// canvas's bytes.
import type { MapColour } from '../data/analysis/mapLayouts';
import { LABEL_COLOURS, packed } from './mapPoints';

export const SPLIT_COLOURS = { train: '#4e79a7', test: '#e15759' } as const;
/** From no neighbour of another label to all of them. */
export const SUSPECT_RAMP: readonly string[] = ['#c4c4c4', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'];

export interface PointColours {
  readonly colours: Uint32Array;
  /** Drawing order (last on top), or null for id order. */
  readonly order: Uint32Array | null;
}

/** The ramp's colour at `t` in 0–1, as #rrggbb. */
export function rampColour(ramp: readonly string[], t: number): string {
  const at = Math.min(1, Math.max(0, t)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(at));
  const [a, b] = [parseInt(ramp[i]!.slice(1), 16), parseInt(ramp[i + 1]!.slice(1), 16)];
  const mix = (shift: number) => Math.round(((a >> shift) & 0xff) * (1 + i - at) + ((b >> shift) & 0xff) * (at - i));
  return `#${((mix(16) << 16) | (mix(8) << 8) | mix(0)).toString(16).padStart(6, '0')}`;
}

/**
 * Every digit's colour (global ids, train first). `suspect` needs each digit's share of
 * neighbours with another label (0–1, NaN where not known: drawn grey, beneath).
 */
export function pointColours(mode: MapColour, labels: Uint8Array, trainCount: number, suspectShare: Float64Array | null, predicted: Uint8Array | null = null): PointColours {
  const count = labels.length;
  const colours = new Uint32Array(count);
  if (mode === 'label') {
    const byLabel = LABEL_COLOURS.map((c) => packed(c));
    for (let id = 0; id < count; id++) colours[id] = byLabel[labels[id]! % byLabel.length]!;
    return { colours, order: null };
  }
  if (mode === 'split') {
    const [train, test] = [packed(SPLIT_COLOURS.train), packed(SPLIT_COLOURS.test)];
    for (let id = 0; id < count; id++) colours[id] = id < trainCount ? train : test;
    // Test digits come after train ones, so they are drawn on top: the smaller split is not buried.
    return { colours, order: null };
  }
  if (mode === 'prediction') {
    const byClass = LABEL_COLOURS.map((c) => packed(c));
    const unknown = packed('#c4c4c4');
    // Beneath: not predicted yet (255); then the digits read as their label; on top the others.
    const layer = new Uint8Array(count);
    for (let id = 0; id < count; id++) {
      const p = predicted?.[id] ?? 255;
      colours[id] = p === 255 ? unknown : byClass[p % byClass.length]!;
      layer[id] = p === 255 ? 0 : p === labels[id] ? 1 : 2;
    }
    const order = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => layer[a]! - layer[b]! || a - b);
    return { colours, order };
  }
  const steps = 64;
  const ramp = Array.from({ length: steps + 1 }, (_, i) => packed(rampColour(SUSPECT_RAMP, i / steps)));
  const unknown = packed('#c4c4c4');
  const key = new Float64Array(count);
  for (let id = 0; id < count; id++) {
    const share = suspectShare?.[id] ?? NaN;
    colours[id] = Number.isFinite(share) ? ramp[Math.round(share * steps)]! : unknown;
    key[id] = Number.isFinite(share) ? share : -1;
  }
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
  return { colours, order };
}
