// What the model says of the drawing: one sentence in a live region (said once per finished
// stroke), and every class's probability as a list, the most probable marked. Percentages are
// rounded to whole ones; the top class is the most probable of those listed (ties to the smaller).
import { classLabels, labelShort, type DatasetInfo } from '../../data/dataset/catalog';
import { withArticle } from '../common/format';

interface Props {
  readonly info: DatasetInfo;
  /** Null: nothing drawn yet (or cleared). */
  readonly probabilities: Float64Array | null;
}

const percent = (p: number) => `${Math.round(100 * p)} %`;

export function DrawingPrediction({ info, probabilities }: Props) {
  const rows = probabilities ? classLabels(info).filter((label) => label < probabilities.length).map((label) => ({ label, p: probabilities[label]! })) : [];
  const top = rows.reduce<(typeof rows)[number] | null>((best, row) => (!best || row.p > best.p ? row : best), null);
  return (
    <>
      <p role="status" className="drawing-verdict">
        {top ? `Model says ${labelShort(info, top.label)} (${percent(top.p)})` : `Draw ${withArticle(info.noun.one)} to see what the model says.`}
      </p>
      {top && (
        <ol aria-label="Class probabilities" className="class-probabilities">
          {rows.map(({ label, p }) => (
            <li key={label} className={label === top.label ? 'top' : undefined}>
              <span>
                {labelShort(info, label)}: {percent(p)}
              </span>
              <span className="probability-bar" aria-hidden="true">
                <span style={{ width: `${100 * p}%` }} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
