import { labelShort } from '../../data/dataset/catalog';
import { useMemo } from 'react';
import { INK_BIN_WIDTH, INK_BINS, inkHistograms } from '../../data/analysis/statisticsFigures';
import { drawBarChart, FONT, type ChartTheme } from '../../render/statsCharts';
import { formatCount } from '../common/format';
import type { FigureDrawing } from './FigureCanvas';
import { FigureFrame } from './FigureFrame';
import { SPLIT_WORDS, type FigureProps } from './figureProps';

const PANEL_HEIGHT = 130;
const PANEL_MIN_WIDTH = 220;

/**
 * Per label in the filter, how the digits' ink (their mean pixel value) is spread: one small
 * histogram per label on a shared axis, bins of INK_BIN_WIDTH grey levels.
 */
export function InkHistogramsFigure({ stats, labels, split, digits, info, fileStem }: FigureProps) {
  const { many } = info.noun;
  const histograms = useMemo(() => inkHistograms(stats, labels, split, digits), [stats, labels, split, digits]);

  const drawing = useMemo<FigureDrawing>(() => {
    // The axis ends a little past the inkiest bin of any label shown (MNIST's stop near 130 of 255).
    const lastBin = histograms.reduce((m, h) => Math.max(m, h.bins.findLastIndex((n) => n > 0)), 0);
    const shownBins = Math.min(INK_BINS, Math.ceil((lastBin + 2) / 8) * 8);
    const columnsAt = (width: number) => Math.max(1, Math.min(histograms.length, Math.floor(width / PANEL_MIN_WIDTH)));
    return {
      description: `Histograms of the mean pixel value of each ${info.noun.one}, one per label: ${histograms.map((h) => `${labelShort(info, h.label)} (${formatCount(h.count)} ${many})`).join(', ')}.`,
      height: (width) => Math.ceil(histograms.length / columnsAt(width)) * PANEL_HEIGHT,
      draw: (ctx, width, _height, theme: ChartTheme) => {
        const columns = columnsAt(width);
        const panelWidth = width / columns;
        histograms.forEach((h, i) => {
          const x = (i % columns) * panelWidth;
          const y = Math.floor(i / columns) * PANEL_HEIGHT;
          const bars = Array.from(h.bins.subarray(0, shownBins), (value, b) => ({ value, tick: String(b * INK_BIN_WIDTH) }));
          drawBarChart(ctx, { bars, log: false, xLabel: 'Mean pixel value', yLabel: many.charAt(0).toUpperCase() + many.slice(1), tickEvery: shownBins / 4 }, { x, y: y + 14, width: panelWidth - 8, height: PANEL_HEIGHT - 16 }, theme);
          ctx.font = FONT;
          ctx.fillStyle = theme.text;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'top';
          ctx.fillText(`${labelShort(info, h.label)} · ${formatCount(h.count)} ${many}`, x + 52, y);
        });
        return [];
      },
    };
  }, [histograms, info, many]);

  const table = useMemo(
    () => ({
      columns: ['Mean pixel value from', 'to (below)', ...histograms.map((h) => `Label ${h.label}`)],
      rows: Array.from({ length: INK_BINS }, (_, b) => [b * INK_BIN_WIDTH, (b + 1) * INK_BIN_WIDTH, ...histograms.map((h) => h.bins[b]!)]),
    }),
    [histograms],
  );

  return (
    <FigureFrame title="Ink per label" fileName={`${fileStem}-ink`} drawing={drawing} table={table}>
      <p className="hint">
        Each digit&apos;s ink is its mean pixel value (the sum of its 784 pixels ÷ 784), over {SPLIT_WORDS[split]}; bins of {INK_BIN_WIDTH} grey levels.
      </p>
    </FigureFrame>
  );
}
