import { useMemo } from 'react';
import type { SplitFilter } from '../../data/dataset/labelIndex';
import type { DatasetStatistics } from '../../data/analysis/statistics';
import { classBalance } from '../../data/analysis/statisticsFigures';
import { labelShort, labelText, type DatasetInfo } from '../../data/dataset/catalog';
import { drawBarChart } from '../../render/statsCharts';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';
import type { FigureDrawing } from './FigureCanvas';
import { FigureFrame } from './FigureFrame';
import { SPLIT_WORDS, type FigureProps } from './figureProps';

/**
 * Digits per label in the split on screen, the numbers on the bars. Labels the digit filter
 * hides are drawn faint; clicking a bar shows only that label (clicking it again shows all).
 */
export function ClassBalanceFigure({ stats, split, digits, everyLabel, info, fileStem }: FigureProps) {
  const setDigits = useExplorerStore((s) => s.setDigits);
  const showAllDigits = useExplorerStore((s) => s.showAllDigits);
  const rows = useMemo(() => classBalance(stats, split, everyLabel ? [] : digits, info), [stats, split, digits, everyLabel, info]);

  const drawing = useMemo<FigureDrawing>(() => {
    const only = !everyLabel && digits.length === 1 ? digits[0] : null;
    const { many } = info.noun;
    const name = (label: number) => labelText(info, label);
    return {
      description: `Bar chart: ${many} per label in ${SPLIT_WORDS[split]}, ${rows.map((r) => `${name(r.label)}: ${formatCount(r.count)}`).join(', ')}.`,
      height: () => 240,
      draw: (ctx, width, height, theme) => {
        const bars = rows.map((r) => ({ value: r.count, text: formatCount(r.count), tick: labelShort(info, r.label), dim: !r.selected }));
        const rects = drawBarChart(ctx, { bars, log: false, xLabel: 'Label', yLabel: many.charAt(0).toUpperCase() + many.slice(1) }, { x: 0, y: 0, width, height }, theme);
        return rows.map((r, i) => ({
          key: String(r.label),
          ...rects[i]!,
          name: `${name(r.label)}: ${formatCount(r.count)} ${many} in ${SPLIT_WORDS[split]}${only === r.label ? ' (shown alone; click to show all)' : ''}`,
          pressed: only === r.label,
          onActivate: () => (only === r.label ? showAllDigits() : setDigits([r.label])),
        }));
      },
    };
  }, [rows, digits, everyLabel, info, split, setDigits, showAllDigits]);

  const table = useMemo(() => balanceTable(rows, split, stats, info), [rows, split, stats, info]);
  return <FigureFrame first title="Class balance" fileName={`${fileStem}-class-balance`} drawing={drawing} table={table} />;
}

function balanceTable(rows: ReturnType<typeof classBalance>, split: SplitFilter, stats: DatasetStatistics, info: DatasetInfo) {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const other = split === 'test' ? stats.test.otherLabels : split === 'train' ? stats.train.otherLabels : stats.train.otherLabels + stats.test.otherLabels;
  return {
    columns: ['Label', 'Train', 'Test', 'Train + test', `Share of ${SPLIT_WORDS[split]} (%)`, 'In the filter'],
    rows: [
      ...rows.map((r) => [labelText(info, r.label), r.train, r.test, r.train + r.test, total + other > 0 ? (100 * r.count) / (total + other) : NaN, r.selected ? 'yes' : 'no']),
      ...(other > 0 ? [['other labels', stats.train.otherLabels, stats.test.otherLabels, stats.train.otherLabels + stats.test.otherLabels, (100 * other) / (total + other), 'no']] : []),
      ['all', stats.train.count, stats.test.count, stats.train.count + stats.test.count, total + other > 0 ? 100 : NaN, ''],
    ],
  };
}
