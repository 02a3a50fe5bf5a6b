import { describe, expect, it } from 'vitest';
import { safeEcho } from './safeText';

describe('safeEcho', () => {
  it('replaces every control and bidirectional control character, one by one', () => {
    const unsafe = [0x00, 0x1f, 0x7f, 0x9f, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const code of unsafe) expect(safeEcho(`a${String.fromCharCode(code)}b`, 10)).toBe('a?b');
    // Letters from right-to-left scripts are text, not controls: kept.
    expect(safeEcho('שלום', 10)).toBe('שלום');
  });

  it('cuts long text', () => {
    expect(safeEcho('x'.repeat(2048), 24)).toBe(`${'x'.repeat(24)}…`);
    expect(safeEcho('short', 24)).toBe('short');
  });
});
