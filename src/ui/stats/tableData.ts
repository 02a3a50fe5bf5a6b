// A figure's numbers as a table: how they read on screen, and as CSV.
/** A figure's numbers: a header and rows of numbers or words. */
export interface TableData {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (number | string)[])[];
}

const COUNT = new Intl.NumberFormat('en-US');

/**
 * How a number reads in the table: integers with separators, others to 4 decimals (correctly
 * rounded from the float64; the CSV carries every digit), missing ones as a dash.
 */
export function formatCell(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isNaN(value)) return '—';
  return Number.isInteger(value) ? COUNT.format(value) : value.toFixed(4);
}

/** CSV with every digit of each number (JavaScript's shortest round-trip form, as numpy prints a float64). */
export function csvOf(table: TableData): string {
  const field = (v: number | string) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}
