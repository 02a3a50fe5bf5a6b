import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeIdx } from '../decode/idx';
import { assembleDataset } from '../dataset/dataset';
import { csvHeader, csvRows, frameCell, frameInfo } from './dataFrame';
import { makeIdx, patternBytes } from '../../testing/idxFiles';

const images = patternBytes(4 * 784, 3);
const dataset = assembleDataset({
  train: { images: decodeIdx(makeIdx({ dims: [3, 28, 28], data: images.subarray(0, 3 * 784) })), labels: decodeIdx(makeIdx({ dims: [3], data: Uint8Array.of(5, 0, 4) })) },
  test: { images: decodeIdx(makeIdx({ dims: [1, 28, 28], data: images.subarray(3 * 784) })), labels: decodeIdx(makeIdx({ dims: [1], data: Uint8Array.of(7) })) },
});

describe('data frame', () => {
  it('describes itself like df.info(): entries, 785 columns, dtypes, memory', () => {
    expect(frameInfo(dataset, 70_000, false)).toEqual({ entries: 70_000, columns: 785, dtypes: 'uint8(785)', memoryBytes: 54_950_000 });
    expect(frameInfo(dataset, 10, true)).toEqual({ entries: 10, columns: 785, dtypes: 'float64(784), uint8(1)', memoryBytes: 10 * (1 + 784 * 8) });
  });

  it('reads the label from column 0 and pixel i from column 1 + i, raw or / 255', () => {
    expect(frameCell(dataset, 3, 0, false)).toBe('7');
    expect(frameCell(dataset, 1, 1 + 10, false)).toBe(String(images[784 + 10]));
    expect(frameCell(dataset, 1, 1 + 10, true)).toBe((images[784 + 10]! / 255).toFixed(6));
  });

  it('writes CSV rows of split, index, label + 784 pixels under a header of 787 names', () => {
    expect(csvHeader(dataset).trim().split(',')).toHaveLength(787);
    expect(csvHeader(dataset).startsWith('split,index,label,pixel0,pixel1,')).toBe(true);
    expect(csvHeader(dataset).trim().endsWith(',pixel783')).toBe(true);
    const csv = csvRows(dataset, Uint32Array.of(3, 0), 0, 2, false);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = lines[0]!.split(',');
    expect(first).toHaveLength(787);
    expect(first.slice(0, 3)).toEqual(['test', '0', '7']);
    expect(first.slice(3).map(Number)).toEqual(Array.from(images.subarray(3 * 784)));
    expect(lines[1]!.split(',').slice(0, 3)).toEqual(['train', '0', '5']);
  });

  it('writes normalized values as Python (and so pandas) writes v / 255.0: the shortest text that round-trips', () => {
    // Every byte value once: 256 pixels over the first image and a bit of the second.
    const all = Uint8Array.from({ length: 2 * 784 }, (_, i) => i % 256);
    const full = assembleDataset({
      train: { images: decodeIdx(makeIdx({ dims: [2, 28, 28], data: all })), labels: decodeIdx(makeIdx({ dims: [2], data: Uint8Array.of(1, 2) })) },
      test: { images: decodeIdx(makeIdx({ dims: [1, 28, 28], data: new Uint8Array(784) })), labels: decodeIdx(makeIdx({ dims: [1], data: Uint8Array.of(0) })) },
    });
    const written = csvRows(full, Uint32Array.of(0), 0, 1, true).trim().split(',').slice(3, 3 + 256);
    // Python's repr of each float, computed by Python itself: an independent reference.
    const python = execFileSync('python3', ['-c', 'print("\\n".join(repr(v / 255.0) for v in range(256)))'], { encoding: 'utf8' }).trim().split('\n');
    expect(written).toEqual(python);
    expect(written.every((v, i) => Number(v) === i / 255)).toBe(true);
  });
});
