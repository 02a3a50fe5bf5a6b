// The drawing pad's digit as Python: the prepared 28 × 28 bytes as a numpy array, one row of the
// image per line with the values aligned, so the digit's shape shows in the text itself. Upright,
// as drawn and as the PNG saves it; for data stored column by column (EMNIST) also the transpose
// the notebook's arrays hold, since a model trained on them reads images that way.
import { DRAWN_SIDE } from '../analysis/drawnDigit';

export interface DrawingAbout {
  /** What was drawn, in the dataset's words: `digit`, `character`, `image`. */
  readonly noun: string;
  /** The dataset stores its images column by column. */
  readonly transposed: boolean;
}

export function drawingPython(bytes: Uint8Array, about: DrawingAbout): string {
  if (bytes.length !== DRAWN_SIDE * DRAWN_SIDE) throw new RangeError(`${bytes.length} bytes are not ${DRAWN_SIDE} × ${DRAWN_SIDE}`);
  const rows = Array.from({ length: DRAWN_SIDE }, (_, y) => {
    const values = Array.from(bytes.subarray(y * DRAWN_SIDE, (y + 1) * DRAWN_SIDE), (v) => String(v).padStart(3));
    return `    [${values.join(', ')}],`;
  });
  return [
    `# MNIST Explorer: the ${about.noun} drawn on the drawing pad, prepared as MNIST's digits were`,
    `# (its ink fitted into 20 × 20, its centre of mass moved to the centre of ${DRAWN_SIDE} × ${DRAWN_SIDE}; 0 is background, 255 full ink).`,
    'import numpy as np',
    'drawn = np.array([',
    ...rows,
    '], dtype=np.uint8)',
    ...(about.transposed
      ? ['# This dataset stores each image column by column: the drawing as its arrays hold one.', 'drawn_stored = drawn.T.copy()']
      : []),
    '',
  ].join('\n');
}
