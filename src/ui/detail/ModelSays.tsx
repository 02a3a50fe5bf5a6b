import { labelText } from '../../data/dataset/catalog';
import type { Dataset } from '../../data/dataset/dataset';
import { topClasses } from '../../data/analysis/trainedModel';
import { useModelReadout } from '../../state/store/selectors';
import { labelIssuesOf } from '../../state/store/modelMemo';

const percent = (p: number) => `${(100 * p).toFixed(p >= 0.995 || p < 0.005 ? 1 : 0)} %`;

/**
 * What the classifier says of the open digit, once its split's probabilities exist: its top three
 * classes (out of sample: the train split's from the fold that did not see it), and whether
 * confident learning counts its label as an issue.
 */
export function ModelSays({ dataset, digit }: { dataset: Dataset; digit: number }) {
  const readout = useModelReadout();
  const split = digit < dataset.train.count ? 'train' : 'test';
  if (!readout?.known[split]) return null;
  const { classes } = readout;
  const top = topClasses(readout.probabilities.subarray(digit * classes, (digit + 1) * classes), 3);
  const issue = labelIssuesOf(readout, dataset).issue[digit] === 1;
  const name = (label: number) => labelText(dataset.info, label);
  return (
    <>
      <dt>Model says</dt>
      <dd>
        {name(top[0]!.label)} ({percent(top[0]!.probability)})
        {top.length > 1 && `; then ${top.slice(1).map((t) => `${name(t.label)} (${percent(t.probability)})`).join(', ')}`}
        {split === 'train' ? ' — out of sample, from the fold that did not see it' : ' — the model trained on the train split'}
      </dd>
      {issue && (
        <>
          <dt>Confident learning</dt>
          <dd>a label issue: the model is confident it is another class</dd>
        </>
      )}
    </>
  );
}
