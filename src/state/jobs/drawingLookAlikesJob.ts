// The drawing pad's look-alikes: the 10 digits nearest in pixels to what was drawn, among all of
// them, found exactly. Each finished stroke makes a new drawing with a number of its own, the
// run's subject (so a newer drawing supersedes the older run and an answer is shown only for the
// drawing it is of); the image itself is held here, since a subject is a number. The question
// goes to the look-alikes' worker, which already holds every digit's squared norm.
import { AnalysisFailure } from './analysisClient';
import { LOOK_ALIKES, lookAlikesWorker } from './lookAlikesJob';
import type { AnalysisJob } from './runAnalysis';

let drawn = 0;
let held: { readonly number: number; readonly image: Uint8Array<ArrayBuffer> } | null = null;

/** Holds a new drawing (`image` laid out as the dataset stores its images); returns its number. */
export function holdDrawing(image: Uint8Array<ArrayBuffer>): number {
  held = { number: ++drawn, image };
  return drawn;
}

export const drawingLookAlikesJob: AnalysisJob<'drawing-look-alikes'> = {
  name: 'drawing-look-alikes',
  compute: async ({ dataset, subject }) => {
    // A run of a drawing since replaced is no longer live: this refusal is never shown.
    if (!held || held.number !== subject) throw new AnalysisFailure('failed', 'the drawing asked about was replaced by another');
    const { result, ms } = await lookAlikesWorker(dataset).ask(dataset, { kind: 'image-neighbours', image: held.image, k: LOOK_ALIKES });
    return { value: result.neighbours, ms };
  },
  release: () => {
    held = null;
  },
};
