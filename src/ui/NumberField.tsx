import { useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onCommit: (value: number) => void;
}

/**
 * A whole-number input that lets a person type freely (an empty box, a half-typed number) and
 * commits only valid values; on leaving the field it shows the value in force again.
 */
export function NumberField({ label, value, min, max, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (text: string) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
  const text = draft ?? String(value);
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
        aria-invalid={draft !== null && !valid(draft)}
        onChange={(e) => {
          setDraft(e.target.value);
          if (valid(e.target.value)) onCommit(Number(e.target.value));
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
