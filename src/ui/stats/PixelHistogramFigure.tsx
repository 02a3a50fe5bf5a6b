import { useMemo, useState } from 'react';
import { PIXEL_VALUES } from '../../data/analysis/statistics';
import { selectedPixelHistogram } from '../../data/analysis/statisticsFigures';
import { drawBarChart } from '../../render/statsCharts';
import { formatCount } from '../common/format';
import type { FigureDrawing } from './FigureCanvas';
import { FigureFrame } from './FigureFrame';
import { SPLIT_WORDS, type FigureProps } from './figureProps';

/**
 * How many pixels of the digits shown (split and digit filter) have each value 0–255. On a log
 * scale by default: four in five MNIST pixels are 0 and would flatten every other bar.
 */
export function PixelHistogramFigure({ stats, split, digits, info, fileStem }: FigureProps) {
  const { many } = info.noun;
  const [log, setLog] = useState(true);
  const histogram = useMemo(() => selectedPixelHistogram(stats, split, digits), [stats, split, digits]);
  const total = useMemo(() => histogram.reduce((a, b) => a + b, 0), [histogram]);

  const drawing = useMemo<FigureDrawing>(
    () => ({
      description: `Histogram of the ${formatCount(total)} pixel values of the ${many} shown, ${formatCount(histogram[0]!)} of them 0 and ${formatCount(histogram[PIXEL_VALUES - 1]!)} of them 255${log ? ', on a log scale' : ''}.`,
      height: () => 220,
      draw: (ctx, width, height, theme) => {
        const bars = Array.from(histogram, (value, v) => ({ value, tick: String(v) }));
        drawBarChart(ctx, { bars, log, xLabel: 'Pixel value', yLabel: 'Pixels', tickEvery: 32 }, { x: 0, y: 0, width, height }, theme);
        return [];
      },
    }),
    [histogram, total, log, many],
  );

  const table = useMemo(
    () => ({
      columns: ['Pixel value', 'Pixels', 'Share (%)'],
      rows: Array.from(histogram, (n, v) => [v, n, total > 0 ? (100 * n) / total : NaN]),
    }),
    [histogram, total],
  );

  return (
    <FigureFrame
      title="Pixel values"
      fileName={`${fileStem}-pixel-values`}
      drawing={drawing}
      table={table}
      controls={
        <label className="control">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
          <span>Log scale</span>
        </label>
      }
    >
      <p className="hint">
        All {formatCount(total)} pixels of the {many} shown ({SPLIT_WORDS[split]}).
      </p>
    </FigureFrame>
  );
}
