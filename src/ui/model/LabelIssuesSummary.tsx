// How many label issues confident learning finds in each split whose out-of-sample
// probabilities are there (the test split's from the first model, the train split's from the
// folds), and the way to see them in the grid, most suspect first.
import type { Dataset } from '../../data/dataset/dataset';
import type { Split } from '../../data/dataset/fileSlots';
import { useLabelIssues, useModelReadout } from '../../state/store/selectors';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { formatCount, formatPercent } from '../common/format';

export function LabelIssuesSummary({ dataset }: { dataset: Dataset }) {
  const readout = useModelReadout();
  const issues = useLabelIssues();
  const showInGrid = useExplorerStore((s) => s.showInGrid);
  const { noun } = dataset.info;
  const known = (split: Split) => readout?.known[split] === true && dataset[split].count > 0;
  const splits = (['test', 'train'] as const).filter((split) => dataset[split].count > 0);
  const shownSplit = known('test') && known('train') ? 'all' : known('test') ? 'test' : known('train') ? 'train' : null;
  return (
    <section className="model-section" aria-labelledby="model-issues-heading">
      <h3 id="model-issues-heading">Label issues</h3>
      <p className="hint">
        Found by confident learning (as cleanlab finds them): {noun.many} whose model, trained without them, is confident they belong to another class than their label.
      </p>
      <ul className="model-issues" aria-label="Label issues per split">
        {splits.map((split) => (
          <li key={split}>
            {issues && known(split) ? (
              <>
                {split} split: <strong>{formatCount(issues.counts[split])}</strong> of {formatCount(dataset[split].count)} {noun.many} (
                {formatPercent(issues.counts[split], dataset[split].count)})
              </>
            ) : (
              <>
                {split} split: {split === 'train' ? 'once the cross-validation is done' : 'once the first model is trained'}
              </>
            )}
          </li>
        ))}
      </ul>
      {/* The grid then orders by confident learning: every split it shows has its probabilities. */}
      <button type="button" disabled={shownSplit === null} onClick={() => shownSplit && showInGrid({ split: shownSplit, digits: [], predicted: [], sort: 'suspect' })}>
        Show suspect labels
      </button>
    </section>
  );
}
