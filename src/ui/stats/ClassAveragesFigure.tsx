import { useMemo } from 'react';
import { allRowOf } from '../../data/analysis/statistics';
import { labelShort } from '../../data/dataset/catalog';
import { classMean, classSpread, rowCount, rowMeanPixelValue, splitShift } from '../../data/analysis/statisticsFigures';
import { divergingMap, drawColourBar, drawValueImage, FONT, greysMap, type ColourMap, type FigureTarget } from '../../render/statsCharts';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';
import type { FigureDrawing } from './FigureCanvas';
import { FigureFrame } from './FigureFrame';
import { SPLIT_WORDS, type FigureProps } from './figureProps';

interface AverageColumn {
  readonly row: number;
  readonly name: string;
  readonly count: number;
  readonly mean: Float64Array | null;
  readonly spread: Float64Array | null;
  readonly shift: Float64Array | null;
}

const MIN_CELL = 44;

const maxOf = (images: readonly (Float64Array | null)[], f: (v: number) => number) =>
  images.reduce((m, image) => (image ? image.reduce((a, v) => Math.max(a, f(v)), m) : m), 0);

/**
 * The class averages: per label in the filter (and all), the mean image over the split on
 * screen in Greys, the per-pixel standard deviation beside it, and the train mean minus the test
 * mean in a diverging map with its scale. Clicking a mean image shows that label in the grid.
 */
export function ClassAveragesFigure({ stats, split, digits, everyLabel, info, geometry, fileStem }: FigureProps) {
  const ALL_LABELS = allRowOf(stats);
  const { many } = info.noun;
  const setDigits = useExplorerStore((s) => s.setDigits);
  const showAllDigits = useExplorerStore((s) => s.showAllDigits);
  const setView = useExplorerStore((s) => s.setView);

  const columns = useMemo<AverageColumn[]>(
    () =>
      [...digits, ALL_LABELS].map((row) => ({
        row,
        name: row === ALL_LABELS ? 'all' : labelShort(info, row),
        count: rowCount(stats, split, row),
        mean: classMean(stats, split, row),
        spread: classSpread(stats, split, row),
        shift: splitShift(stats, row),
      })),
    [stats, split, digits, ALL_LABELS, info],
  );

  const drawing = useMemo<FigureDrawing>(() => {
    const spreadMax = Math.max(1, maxOf(columns.map((c) => c.spread), (v) => v));
    const shiftLimit = Math.max(1, maxOf(columns.map((c) => c.shift), Math.abs));
    const imageRows: { title: string; image: (c: AverageColumn) => Float64Array | null; colour: ColourMap; min: number; max: number }[] = [
      { title: 'Mean', image: (c) => c.mean, colour: greysMap(255), min: 0, max: 255 },
      { title: 'Standard deviation', image: (c) => c.spread, colour: greysMap(spreadMax), min: 0, max: spreadMax },
      { title: 'Train − test mean', image: (c) => c.shift, colour: divergingMap(shiftLimit), min: -shiftLimit, max: shiftLimit },
    ];
    // Cells stay at least MIN_CELL wide (a touch target, and 28 pixels still readable): on a
    // narrow screen the columns wrap into blocks, each with its three rows.
    const layout = (width: number) => {
      const left = width < 520 ? 78 : 124;
      const gap = width < 520 ? 4 : 6;
      const perBlock = Math.max(1, Math.min(columns.length, Math.floor((width - left) / (MIN_CELL + gap))));
      const cell = Math.min(84, Math.floor((width - left) / perBlock) - gap);
      const rowHeight = Math.max(cell, 44) + 10;
      const top = 18;
      return { left, gap, cell, perBlock, rowHeight, top, blockHeight: top + imageRows.length * rowHeight, blocks: Math.ceil(columns.length / perBlock) };
    };
    return {
      description: `Class averages over ${SPLIT_WORDS[split]}: mean image, per-pixel standard deviation and train − test difference for ${columns.map((c) => c.name).join(', ')}.`,
      height: (width) => {
        const l = layout(width);
        return l.blocks * l.blockHeight;
      },
      draw: (ctx, width, _height, theme) => {
        const { left, gap, cell, perBlock, rowHeight, top, blockHeight } = layout(width);
        const targets: FigureTarget[] = [];
        columns.forEach((c, n) => {
          const blockTop = Math.floor(n / perBlock) * blockHeight;
          const x = left + (n % perBlock) * (cell + gap);
          ctx.font = FONT;
          ctx.textBaseline = 'bottom';
          ctx.textAlign = 'center';
          ctx.fillStyle = theme.text;
          ctx.fillText(c.name, x + cell / 2, blockTop + top - 3);
          imageRows.forEach((r, j) => {
            const y = blockTop + top + j * rowHeight;
            if (n % perBlock === 0) {
              ctx.textAlign = 'left';
              ctx.textBaseline = 'top';
              ctx.fillStyle = theme.text;
              ctx.font = FONT;
              ctx.fillText(r.title, 0, y, left - 8);
              const format = (v: number) => (Math.abs(r.max) >= 10 ? v.toFixed(0) : v.toFixed(1));
              drawColourBar(ctx, r.colour, r.min, r.max, { x: 0, y: y + 18, width: left - 12, height: 8 }, theme, format);
            }
            const image = r.image(c);
            if (image) drawValueImage(ctx, image, r.colour, r.min, r.max, x, y, cell, geometry);
            else {
              ctx.strokeStyle = theme.line;
              ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
            }
            if (j === 0 && image) {
              const all = c.row === ALL_LABELS;
              targets.push({
                key: c.name,
                x,
                y,
                width: cell,
                height: cell,
                name: `Mean image of ${all ? `all ${many}` : c.name} in ${SPLIT_WORDS[split]} (${formatCount(c.count)} ${many}): show ${all ? `every ${info.noun.one}` : `only ${c.name}`} in the grid`,
                onActivate: () => {
                  if (all) showAllDigits();
                  else setDigits([c.row]);
                  setView('digits');
                },
              });
            }
          });
        });
        return targets;
      },
    };
  }, [columns, split, setDigits, showAllDigits, setView, geometry, many, info, ALL_LABELS]);

  const table = useMemo(
    () => ({
      columns: ['Label', `${many.charAt(0).toUpperCase() + many.slice(1)} in ${SPLIT_WORDS[split]}`, `Mean pixel value, ${SPLIT_WORDS[split]}`, 'Mean pixel value, train', 'Mean pixel value, test', 'Largest |train − test| of a pixel mean'],
      rows: columns.map((c) => [
        c.name,
        c.count,
        rowMeanPixelValue(stats, split, c.row),
        rowMeanPixelValue(stats, 'train', c.row),
        rowMeanPixelValue(stats, 'test', c.row),
        c.shift ? c.shift.reduce((m, v) => Math.max(m, Math.abs(v)), 0) : NaN,
      ]),
    }),
    [columns, stats, split, many],
  );

  // Copy CSV gives every pixel of every image shown: 784 values per label and statistic.
  const csv = () => {
    const header = ['label', 'statistic', 'split', ...Array.from({ length: stats.train.pixels }, (_, p) => `p${p}`)].join(',');
    const lines = columns.flatMap((c) =>
      [
        ['mean', split, c.mean],
        ['std', split, c.spread],
        ['train_minus_test', 'train-test', c.shift],
      ]
        .filter((entry): entry is [string, string, Float64Array] => entry[2] !== null)
        .map(([statistic, s, image]) => [c.name, statistic, s, ...Array.from(image, String)].join(',')),
    );
    return [header, ...lines].join('\n') + '\n';
  };
  const csvRows = columns.reduce((n, c) => n + [c.mean, c.spread, c.shift].filter(Boolean).length, 0);

  return (
    <FigureFrame title="Class averages" fileName={`${fileStem}-class-averages`} drawing={drawing} table={table} csv={csv} csvRows={csvRows}>
      <p className="hint">
        {everyLabel ? 'Every label' : `Labels ${digits.map((d) => labelShort(info, d)).join(', ')}`} and all {many}, over{' '}
        {SPLIT_WORDS[split]}. Red: brighter in train than in test; blue: brighter in test. Click a mean image to see its {many} in the grid.
      </p>
    </FigureFrame>
  );
}
