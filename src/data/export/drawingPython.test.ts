// The drawing as Python: the text read back two ways — as the nested list it spells, and by
// numpy itself where there is one — gives the 28 × 28 bytes drawn.
import { describe, expect, it } from 'vitest';
import { patternBytes } from '../../testing/idxFiles';
import { PYTHON_WITH_NUMPY, runPython } from '../../testing/numpy';
import { drawingPython } from './drawingPython';

const bytes = patternBytes(784, 3);
const rowsOf = (bytes: Uint8Array) => Array.from({ length: 28 }, (_, y) => Array.from(bytes.subarray(y * 28, (y + 1) * 28)));

describe('drawingPython', () => {
  it('spells the bytes as a 28 × 28 list, one image row per line', () => {
    const code = drawingPython(bytes, { noun: 'digit', transposed: false });
    const list = /np\.array\((\[[\s\S]*\])\s*,\s*dtype=np\.uint8\)/.exec(code)?.[1];
    expect(JSON.parse(list!.replace(/,\s*\]/g, ']'))).toEqual(rowsOf(bytes));
    expect(code).toContain('# MNIST Explorer: the digit drawn');
    expect(code).not.toContain('drawn_stored');
    expect(code.split('\n').filter((line) => line.startsWith('    ['))).toHaveLength(28);
  });

  it('refuses bytes that are not 28 × 28', () => {
    expect(() => drawingPython(new Uint8Array(783), { noun: 'digit', transposed: false })).toThrow(RangeError);
  });

  it.skipIf(!PYTHON_WITH_NUMPY)('is read by numpy as the uint8 array, and its transpose for data stored column by column', () => {
    const code = drawingPython(bytes, { noun: 'character', transposed: true });
    const out = runPython(PYTHON_WITH_NUMPY!, `${code}\nimport json\nprint(json.dumps([str(drawn.dtype), list(drawn.shape), drawn.tolist(), drawn_stored.tolist()]))`);
    const [dtype, shape, drawn, stored] = JSON.parse(out) as [string, number[], number[][], number[][]];
    expect([dtype, shape]).toEqual(['uint8', [28, 28]]);
    expect(drawn).toEqual(rowsOf(bytes));
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) expect(stored[x]![y]).toBe(bytes[y * 28 + x]);
  });
});
