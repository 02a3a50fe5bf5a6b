// What the drawing pad's drawing is once a stroke ends: its ink read off the canvas, prepared as
// MNIST's digits were (28 × 28), laid out as the dataset stores images, the model's probabilities
// (when there is a model) and the question of its look-alikes. All of it on the page's thread in
// a few milliseconds, timed for the benchmark (PERF_MARKS.drawingPredicted).
import { useEffect, useMemo, useState } from 'react';
import { inkFromRgba } from '../../data/analysis/drawingInk';
import { DRAWN_SIDE, prepareDrawnDigit, type PreparedDigit } from '../../data/analysis/drawnDigit';
import { predictImage, type TrainedModel } from '../../data/analysis/trainedModel';
import { geometryOf, storedFromUpright, type Dataset } from '../../data/dataset/dataset';
import { PERF_MARKS } from '../../state/app/perfMarks';
import { askForDrawingLookAlikes } from '../../state/jobs/scheduler';
import { padContext } from './padStrokes';
import type { StrokeEnd } from './usePadPointer';

export interface Drawing {
  /** Upright, as drawn: what is shown, saved and copied. */
  readonly digit: PreparedDigit;
  /** As the dataset stores its images (transposed for EMNIST): what the model and the search read. */
  readonly stored: Uint8Array<ArrayBuffer>;
  /** The drawing's number: the subject of its look-alikes in the store. */
  readonly number: number;
  /** The model its probabilities are of (null: none yet when it was drawn). */
  readonly model: TrainedModel | null;
  readonly probabilities: Float64Array | null;
}

const predict = (model: TrainedModel, stored: Uint8Array) => predictImage(model, stored, DRAWN_SIDE, DRAWN_SIDE);

export function useDrawing(dataset: Dataset, model: TrainedModel | null) {
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  // The first prediction compiles the matrix product's module and warms the code up (tens of
  // milliseconds): done once the model is here, on a blank image, not on the first stroke.
  useEffect(() => {
    if (model) predict(model, new Uint8Array(DRAWN_SIDE * DRAWN_SIDE));
  }, [model]);

  const strokeEnded = ({ canvas, at }: StrokeEnd) => {
    const ctx = padContext(canvas);
    if (!ctx) return;
    const ink = inkFromRgba(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
    const read = performance.now();
    const digit = prepareDrawnDigit(ink, canvas.width, canvas.height);
    if (!digit) return setDrawing(null);
    const stored = storedFromUpright(digit.bytes, geometryOf(dataset));
    const prepared = performance.now();
    const probabilities = model && predict(model, stored);
    const predicted = performance.now();
    if (probabilities) {
      performance.mark(PERF_MARKS.drawingPredicted, { detail: { ms: predicted - at, inkMs: read - at, prepareMs: prepared - read, predictMs: predicted - prepared } });
    }
    setDrawing({ digit, stored, number: askForDrawingLookAlikes(stored), model, probabilities });
  };

  // A model that arrives (or changes) after the drawing was made reads it too.
  const probabilities = useMemo(
    () => (!drawing || !model ? null : drawing.model === model ? drawing.probabilities : predict(model, drawing.stored)),
    [drawing, model],
  );

  return { drawing, probabilities, strokeEnded, clear: () => setDrawing(null) };
}
