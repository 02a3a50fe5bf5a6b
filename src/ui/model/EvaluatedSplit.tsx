// Which split the per-class table and the confusion matrix are of: the test split, predicted by
// the first model, or the train split, cross-validated — once the folds are there. The two are
// never pooled: they are different models, with confidences of their own.
import type { Split } from '../../data/dataset/fileSlots';

interface Props {
  readonly value: Split;
  readonly available: Readonly<Record<Split, boolean>>;
  readonly onChange: (split: Split) => void;
}

const NAMES: Record<Split, string> = { test: 'Test (the first model)', train: 'Train (cross-validated)' };
const WAITING: Record<Split, string> = { test: 'once the first model is trained', train: 'once the cross-validation is done' };

export function EvaluatedSplit({ value, available, onChange }: Props) {
  return (
    <fieldset className="model-split-choice">
      <legend>Evaluated split</legend>
      {(['test', 'train'] as const).map((split) => (
        <label key={split}>
          <input
            type="radio"
            name="model-evaluated-split"
            value={split}
            checked={value === split}
            disabled={!available[split]}
            aria-describedby={available[split] ? undefined : `model-split-${split}-waiting`}
            onChange={() => onChange(split)}
          />
          {NAMES[split]}
          {!available[split] && (
            <span className="hint" id={`model-split-${split}-waiting`}>
              {' '}
              ({WAITING[split]})
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
