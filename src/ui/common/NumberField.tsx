import { useId, useState } from 'react';
import { formatCount } from './format';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onCommit: (value: number) => void;
}

/**
 * A whole-number input that lets a person type freely (an empty box, a half-typed number) and
 * commits only valid values. The range stands beside it; a number outside it (or with a
 * fraction) is clamped and rounded when the field is left or Enter is pressed, never dropped in
 * silence.
 */
export function NumberField({ label, value, min, max, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const hintId = useId();
  const valid = (text: string) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
  const text = draft ?? String(value);
  const invalid = draft !== null && !valid(draft);
  const settle = () => {
    if (draft !== null && !valid(draft)) {
      const number = Number(draft);
      if (draft.trim() !== '' && Number.isFinite(number)) onCommit(Math.min(max, Math.max(min, Math.round(number))));
    }
    setDraft(null);
  };
  return (
    <label className="control">
      <span>{label}</span>
      <input
        type="number"
        aria-label={label}
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={invalid}
        aria-describedby={hintId}
        onChange={(e) => {
          setDraft(e.target.value);
          if (valid(e.target.value)) onCommit(Number(e.target.value));
        }}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') settle();
        }}
      />
      <span id={hintId} className={invalid ? 'field-error' : 'hint'}>
        {invalid ? `whole number ${formatCount(min)}–${formatCount(max)}; Enter to use the nearest` : `${formatCount(min)}–${formatCount(max)}`}
      </span>
    </label>
  );
}
