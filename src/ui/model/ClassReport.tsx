// Precision and recall per class, as scikit-learn's classification report gives them, for the
// split chosen: each share with the counts it is made of, so that it can be checked.
import type { ClassifierMetrics } from '../../data/analysis/classifierMetrics';
import { labelText, type DatasetInfo } from '../../data/dataset/catalog';
import type { Split } from '../../data/dataset/fileSlots';
import { formatCount, formatPercent } from '../common/format';
import { classesShown } from './classesShown';

interface Props {
  readonly metrics: ClassifierMetrics;
  readonly info: DatasetInfo;
  readonly split: Split;
}

/** `98.9 % (87 of 88)`, or why there is no share. */
const share = (part: number, whole: number, none: string) => (whole > 0 ? `${formatPercent(part, whole)} (${formatCount(part)} of ${formatCount(whole)})` : `— (${none})`);

export function ClassReport({ metrics, info, split }: Props) {
  const { classes, confusion } = metrics;
  const sums = (c: number) => {
    let labelled = 0;
    let predicted = 0;
    for (let k = 0; k < classes; k++) {
      labelled += confusion[c * classes + k]!;
      predicted += confusion[k * classes + c]!;
    }
    return { labelled, predicted, hit: confusion[c * classes + c]! };
  };
  return (
    <div className="model-table-box">
      <table className="stats-table model-report">
        <caption>Precision and recall per class, {split} split</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">Support</th>
          </tr>
        </thead>
        <tbody>
          {classesShown(metrics, info).map((c) => {
            const { labelled, predicted, hit } = sums(c);
            return (
              <tr key={c}>
                <th scope="row">{labelText(info, c)}</th>
                <td>{share(hit, predicted, `none predicted as ${labelText(info, c)}`)}</td>
                <td>{share(hit, labelled, `none labelled ${labelText(info, c)}`)}</td>
                <td>{formatCount(labelled)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
