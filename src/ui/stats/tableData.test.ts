import { describe, expect, it } from 'vitest';
import { csvOf, formatCell } from './tableData';

describe('figure tables', () => {
  it('write every digit of a float64 in the CSV, quote text that needs it, and leave missing values empty', () => {
    const csv = csvOf({ columns: ['Label', 'Mean, train', 'Count'], rows: [[3, 33.318421449829934, 6131], ['a "b"', NaN, 0]] });
    expect(csv).toBe('Label,"Mean, train",Count\n3,33.318421449829934,6131\n"a ""b""",,0\n');
  });

  it('show counts with separators and other numbers correctly rounded to 4 decimals', () => {
    expect(formatCell(60000)).toBe('60,000');
    expect(formatCell(33.318421449829934)).toBe('33.3184');
    expect(formatCell(0.00005)).toBe('0.0001');
    expect(formatCell(NaN)).toBe('—');
    expect(formatCell('all')).toBe('all');
  });
});
