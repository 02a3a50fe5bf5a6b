// The confusion matrix of the split chosen as a real table (rows: label, columns: predicted),
// whose every count is a button that shows those digits in the grid. The diagonal and the
// mistakes are marked apart, by colour and by weight, and a mistake's shade deepens with its
// share of the row, so that the confusions that matter stand out.
import type { CSSProperties } from 'react';
import type { ClassifierMetrics } from '../../data/analysis/classifierMetrics';
import { labelText, type DatasetInfo } from '../../data/dataset/catalog';
import type { Split } from '../../data/dataset/fileSlots';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount } from '../common/format';
import { classesShown } from './classesShown';

interface Props {
  readonly metrics: ClassifierMetrics;
  readonly info: DatasetInfo;
  readonly split: Split;
}

export function ConfusionMatrix({ metrics, info, split }: Props) {
  const showInGrid = useExplorerStore((s) => s.showInGrid);
  const { classes, confusion } = metrics;
  const shown = classesShown(metrics, info);
  const rowTotal = (label: number) => shown.reduce((sum, k) => sum + confusion[label * classes + k]!, 0);
  const name = (count: number, label: number, predicted: number) =>
    `${formatCount(count)} ${split} ${count === 1 ? info.noun.one : info.noun.many} labelled ${labelText(info, label)} predicted ${labelText(info, predicted)}`;
  return (
    <div className="model-table-box">
      <table className="confusion-matrix">
        <caption>
          Confusion matrix of the {split} split: label (rows) × predicted (columns)
        </caption>
        <thead>
          <tr>
            <th scope="col" className="confusion-corner">
              label ╲ predicted
            </th>
            {shown.map((c) => (
              <th key={c} scope="col">
                {labelText(info, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((label) => {
            const total = rowTotal(label);
            return (
              <tr key={label}>
                <th scope="row">{labelText(info, label)}</th>
                {shown.map((predicted) => {
                  const count = confusion[label * classes + predicted]!;
                  if (count === 0) return <td key={predicted} className="confusion-zero">0</td>;
                  const style = { '--share': count / Math.max(1, total) } as CSSProperties;
                  return (
                    <td key={predicted} className={label === predicted ? 'confusion-hit' : 'confusion-miss'} style={style}>
                      <button type="button" aria-label={name(count, label, predicted)} onClick={() => showInGrid({ split, digits: [label], predicted: [predicted] })}>
                        {formatCount(count)}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
