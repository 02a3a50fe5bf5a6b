import { memo, useEffect, useRef } from 'react';
import { geometryOf, labelOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { labelShort } from '../../data/dataset/catalog';
import { drawRowLabels, paintCellFrames, paintDigitRow } from '../../render/drawDigits';
import { labelGlyphs, paintRowLabels } from '../../render/labelGlyphs';
import { paintQueue } from '../../render/paintQueue';
import { markFirstDigitPainted } from '../../state/app/perfMarks';
import type { GridLayout } from './gridLayout';

interface Props {
  readonly dataset: Dataset;
  readonly dataKey: string;
  readonly ids: Uint32Array;
  readonly start: number;
  readonly count: number;
  readonly layout: GridLayout;
  /** Whether the row is on screen: painted in this frame, else soon (see paintQueue). */
  readonly onScreen: boolean;
}

// putImageData copies synchronously, so every row can paint through one scratch image of its size
// instead of allocating a row's worth of pixels per repaint (garbage the collector must chase).
let scratch: ImageData | null = null;
function scratchImage(ctx: CanvasRenderingContext2D, width: number, height: number): ImageData {
  if (!scratch || scratch.width !== width || scratch.height !== height) scratch = ctx.createImageData(width, height);
  else new Uint32Array(scratch.data.buffer).fill(0);
  return scratch;
}

/**
 * One canvas per grid row, painted with a single putImageData from the shared pixel buffer
 * and its labels written above the digits. Drawn
 * at device resolution so digits stay crisp on high-DPI screens.
 */
export const DigitRowCanvas = memo(function DigitRowCanvas({ dataset, dataKey, ids, start, count, layout, onScreen }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const ratio = window.devicePixelRatio || 1;
  const digitSize = Math.round(layout.digitSize * ratio);
  const pitch = Math.round(layout.cellWidth * ratio);
  const width = Math.max(1, pitch * count);
  const strip = Math.round(layout.labelStrip * ratio);
  const height = strip + digitSize;
  const fontPx = Math.round(layout.labelFont * ratio);
  // What the row shows: the same ids of the same load draw the same pixels, so a row is not
  // repainted when the streamed preview grows or becomes the loaded dataset (four times a second
  // while loading, then once more: 20 rows each).
  const content = `${dataKey}:${ids.subarray(start, start + count).join(',')}`;
  const latest = useRef({ dataset, ids, onScreen });
  latest.current = { dataset, ids, onScreen };

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const paint = () => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const { dataset, ids } = latest.current;
      const image = scratchImage(ctx, width, height);
      // Labels above the digits, as the notebook writes them.
      paintDigitRow(image, count, (i) => pixelsOf(dataset, ids[start + i] ?? 0), { digitSize, pitch, top: strip }, geometryOf(dataset));
      const labels = Array.from({ length: count }, (_, i) => labelOf(dataset, ids[start + i] ?? 0));
      const glyphs = labelGlyphs(digitSize, strip, fontPx, dataset.info.classNames);
      const missing = glyphs ? paintRowLabels(image, labels, glyphs, 0, pitch) : labels.map((_, i) => i);
      paintCellFrames(image, count, { digitSize, pitch });
      ctx.putImageData(image, 0, 0);
      // Labels that are no class (odd files) have no glyph: write those few as text.
      if (missing.length > 0) {
        drawRowLabels(ctx, missing, (i) => labelShort(dataset.info, labels[i] ?? 0), { digitSize, pitch, strip, fontPx });
      }
      markFirstDigitPainted();
    };
    paintQueue.paint(canvas, paint, latest.current.onScreen);
    return () => paintQueue.cancel(canvas);
  }, [content, start, count, digitSize, pitch, width, height, strip, fontPx]);
  // A row whose paint waits and that scrolls on screen is painted in this frame.
  useEffect(() => {
    if (onScreen && ref.current) paintQueue.flush(ref.current);
  }, [onScreen]);

  return (
    <canvas
      ref={ref}
      className="digit-row-canvas"
      width={width}
      height={height}
      style={{ width: width / ratio, height: height / ratio }}
      aria-hidden="true"
    />
  );
});
