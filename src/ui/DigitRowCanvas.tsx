import { memo, useEffect, useRef } from 'react';
import { pixelsOf, type Dataset } from '../data/dataset';
import { paintDigitRow } from '../render/drawDigits';
import { markFirstDigitPainted } from '../state/perfMarks';
import type { GridLayout } from './gridLayout';

interface Props {
  readonly dataset: Dataset;
  readonly ids: Uint32Array;
  readonly start: number;
  readonly count: number;
  readonly layout: GridLayout;
}

/**
 * One canvas per grid row, painted with a single putImageData from the shared pixel buffer. Drawn
 * at device resolution so digits stay crisp on high-DPI screens.
 */
export const DigitRowCanvas = memo(function DigitRowCanvas({ dataset, ids, start, count, layout }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const ratio = window.devicePixelRatio || 1;
  const digitSize = Math.round(layout.digitSize * ratio);
  const pitch = Math.round(layout.cellWidth * ratio);
  const width = Math.max(1, pitch * count);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const image = ctx.createImageData(width, digitSize);
    paintDigitRow(image, count, (i) => pixelsOf(dataset, ids[start + i] ?? 0), { digitSize, pitch });
    ctx.putImageData(image, 0, 0);
    markFirstDigitPainted();
  }, [dataset, ids, start, count, digitSize, pitch, width]);

  return (
    <canvas
      ref={ref}
      className="digit-row-canvas"
      width={width}
      height={digitSize}
      style={{ width: width / ratio, height: digitSize / ratio }}
      aria-hidden="true"
    />
  );
});
