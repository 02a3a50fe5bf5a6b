import { describe, expect, it } from 'vitest';
import { decodeIdx } from './idx';
import { assembleDataset } from './dataset';
import { CSV_HEADER, csvRows, frameCell, frameInfo } from './dataFrame';
import { makeIdx, patternBytes } from '../testing/idxFiles';

const images = patternBytes(4 * 784, 3);
const dataset = assembleDataset({
  train: { images: decodeIdx(makeIdx({ dims: [3, 28, 28], data: images.subarray(0, 3 * 784) })), labels: decodeIdx(makeIdx({ dims: [3], data: Uint8Array.of(5, 0, 4) })) },
  test: { images: decodeIdx(makeIdx({ dims: [1, 28, 28], data: images.subarray(3 * 784) })), labels: decodeIdx(makeIdx({ dims: [1], data: Uint8Array.of(7) })) },
});

describe('data frame', () => {
  it('describes itself like df.info(): entries, 785 columns, dtypes, memory', () => {
    expect(frameInfo(70_000, false)).toEqual({ entries: 70_000, columns: 785, dtypes: 'uint8(785)', memoryBytes: 54_950_000 });
    expect(frameInfo(10, true)).toEqual({ entries: 10, columns: 785, dtypes: 'float64(784), uint8(1)', memoryBytes: 10 * (1 + 784 * 8) });
  });

  it('reads the label from column 0 and pixel i from column 1 + i, raw or / 255', () => {
    expect(frameCell(dataset, 3, 0, false)).toBe('7');
    expect(frameCell(dataset, 1, 1 + 10, false)).toBe(String(images[784 + 10]));
    expect(frameCell(dataset, 1, 1 + 10, true)).toBe((images[784 + 10]! / 255).toFixed(3));
  });

  it('writes CSV rows of label + 784 pixels under a header of 785 names', () => {
    expect(CSV_HEADER.trim().split(',')).toHaveLength(785);
    expect(CSV_HEADER.startsWith('label,pixel0,pixel1,')).toBe(true);
    const csv = csvRows(dataset, Uint32Array.of(3, 0), 0, 2, false);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = lines[0]!.split(',').map(Number);
    expect(first).toHaveLength(785);
    expect(first[0]).toBe(7);
    expect(first.slice(1)).toEqual(Array.from(images.subarray(3 * 784)));
    expect(lines[1]!.split(',')[0]).toBe('5');
  });

  it('writes normalized values with three decimals', () => {
    const values = csvRows(dataset, Uint32Array.of(0), 0, 1, true).trim().split(',').slice(1);
    expect(values.every((v) => /^[01]\.\d{3}$/.test(v))).toBe(true);
    expect(values[0]).toBe((images[0]! / 255).toFixed(3));
  });
});
