import type { ReactNode } from 'react';

interface Props<V extends string> {
  /** Shown beside it and its accessible name. */
  readonly label: string;
  readonly value: V;
  readonly options: readonly V[];
  readonly optionLabel: (value: V) => string;
  readonly onChange: (value: V) => void;
  /** Said after it (a hint). */
  readonly children?: ReactNode;
}

/** A select with its label, as every control of the toolbar and the source picker shows one. */
export function LabelledSelect<V extends string>({ label, value, options, optionLabel, onChange, children }: Props<V>) {
  return (
    <label className="control">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      {children}
    </label>
  );
}
