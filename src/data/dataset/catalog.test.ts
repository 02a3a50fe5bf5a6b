import { describe, expect, it } from 'vitest';
import { makeIdx } from '../../testing/idxFiles';
import { CATALOG, classLabels, describeLabels, labelText } from './catalog';
import { assembleDataset, describeDigit, pixelsOf, uprightIndex } from './dataset';
import { decodeIdx } from '../decode/idx';
import { labelsShown, normaliseLabels, selectIds } from './labelIndex';
import { assignLocalFiles, chooseArchiveEntries, datasetForFileNames } from '../sources/localFiles';

const idx = (dims: number[], data?: Uint8Array) => decodeIdx(makeIdx({ dims, data }));

describe('the dataset catalogue', () => {
  it('keeps MNIST’s words exactly, and names other classes', () => {
    const mnist = assembleDataset({ train: { images: idx([2, 28, 28]), labels: idx([2], Uint8Array.of(5, 0)) }, test: null });
    expect(describeDigit(mnist, 0)).toBe('train #0, label 5');
    const fashion = assembleDataset({ train: { images: idx([1, 28, 28]), labels: idx([1], Uint8Array.of(9)) }, test: null }, CATALOG['fashion-mnist']);
    expect(describeDigit(fashion, 0)).toBe('train #0, label 9 (Ankle boot)');
    expect(describeLabels([], fashion.info)).toBe('all images');
    expect(describeLabels([1, 8], fashion.info)).toBe('classes Trouser, Bag');
    expect(describeLabels([3], mnist.info)).toBe('digit 3');
  });

  it('has the published class counts and split sizes of each dataset', () => {
    const classes = (id: keyof typeof CATALOG) => classLabels({ ...CATALOG[id], classNames: CATALOG[id].classNames! });
    expect(classes('mnist')).toHaveLength(10);
    expect(classes('emnist-balanced')).toHaveLength(47);
    expect(classes('emnist-byclass')).toHaveLength(62);
    expect(classes('emnist-letters')).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(CATALOG['emnist-byclass'].splitSizes).toEqual({ train: 697_932, test: 116_323 });
    expect(Object.values(CATALOG).filter((e) => e.transposed).map((e) => e.id)).toEqual(['emnist-balanced', 'emnist-byclass', 'emnist-letters', 'emnist-digits', 'emnist-mnist']);
  });
});

describe('any IDX shape', () => {
  it('takes N × H × W up to 256 × 256 for other IDX files, numbering classes from the labels; one split is enough', () => {
    const data = Uint8Array.from({ length: 3 * 5 * 7 }, (_, i) => i);
    const set = assembleDataset({ train: { images: idx([3, 5, 7], data), labels: idx([3], Uint8Array.of(0, 12, 4)) }, test: null }, CATALOG.idx);
    expect([set.rows, set.cols, set.train.count, set.test.count]).toEqual([5, 7, 3, 0]);
    expect(Array.from(pixelsOf(set, 2))).toEqual(Array.from(data.subarray(70, 105)));
    expect(classLabels(set.info)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(labelText(set.info, 12)).toBe('12');
    expect(() => assembleDataset({ train: { images: idx([1, 257, 2]), labels: idx([1]) }, test: null }, CATALOG.idx)).toThrow(/257 × 2 pixels; the explorer shows images from 1 × 1 up to 256 × 256/);
    // Both splits must have the same shape.
    const mixed = () => assembleDataset({ train: { images: idx([1, 5, 5]), labels: idx([1]) }, test: { images: idx([1, 6, 5]), labels: idx([1]) } }, CATALOG.idx);
    expect(mixed).toThrow(/holds 1 × 6 × 5 values, not N × 5 × 5 images/);
    expect(() => mixed()).toThrow(expect.objectContaining({ fileName: 't10k-images-idx3-ubyte.gz' }));
    // A catalogue dataset keeps its shape.
    expect(() => assembleDataset({ train: { images: idx([1, 32, 32]), labels: idx([1]) }, test: null }, CATALOG['fashion-mnist'])).toThrow(/not N × 28 × 28/);
  });

  it('counts labels that are no class of the dataset, under no filter', () => {
    const letters = assembleDataset({ train: { images: idx([3, 28, 28]), labels: idx([3], Uint8Array.of(0, 1, 26)) }, test: null }, CATALOG['emnist-letters']);
    expect(letters.warnings).toEqual(['emnist-letters-train-labels-idx1-ubyte.gz: 1 label that is no class of EMNIST Letters, shown under no class filter']);
    expect(Array.from(selectIds(letters, 'all', []))).toEqual([0, 1, 2]);
    expect(Array.from(selectIds(letters, 'all', labelsShown([], letters.info)))).toEqual([1, 2]);
  });

  it('stands transposed images upright, and fits a filter to the classes', () => {
    // Stored 2 × 3: [[0 1 2] [3 4 5]]; drawn transposed it is 3 × 2: [[0 3] [1 4] [2 5]].
    const { width, height, source } = uprightIndex({ rows: 2, cols: 3, transposed: true });
    expect([width, height, Array.from(source)]).toEqual([2, 3, [0, 3, 1, 4, 2, 5]]);
    expect(Array.from(uprightIndex({ rows: 2, cols: 3, transposed: false }).source)).toEqual([0, 1, 2, 3, 4, 5]);
    const info = { ...CATALOG['emnist-letters'], classNames: CATALOG['emnist-letters'].classNames! };
    expect(normaliseLabels([0, 3, 99, 3], info)).toEqual([3]);
    expect(normaliseLabels(Array.from({ length: 26 }, (_, i) => i + 1), info)).toEqual([]);
  });
});

describe('the visitor’s own files', () => {
  it('are told apart by their names: the publisher’s first, then train/t10k/test and images/labels', () => {
    const emnist = CATALOG['emnist-letters'];
    expect(assignLocalFiles(['emnist-letters-test-labels-idx1-ubyte.gz', 'emnist-letters-test-images-idx3-ubyte.gz'], emnist)).toEqual({
      ok: true,
      files: { 'test-labels': 0, 'test-images': 1 },
    });
    expect(assignLocalFiles(['my-images.idx3', 'my-labels.idx1'], CATALOG.idx)).toEqual({ ok: true, files: { 'train-images': 0, 'train-labels': 1 } });
    expect(assignLocalFiles(['train-images-idx3-ubyte.gz'], CATALOG.mnist)).toEqual({ ok: false, reason: expect.stringContaining('has no labels file beside it') });
    expect(assignLocalFiles(['a.gz'], CATALOG.mnist)).toEqual({ ok: false, reason: expect.stringContaining('does not say whether it holds images or labels') });
    expect(assignLocalFiles(['train-images.gz', 'train-images-idx3-ubyte'], CATALOG.mnist)).toEqual({ ok: false, reason: expect.stringContaining('both look like the train images') });
    expect(assignLocalFiles([], CATALOG.mnist).ok).toBe(false);
  });

  it('name their dataset where the names are the publisher’s own, else are the dataset on screen', () => {
    const entries = Object.values(CATALOG);
    expect(datasetForFileNames(['emnist-digits-train-images-idx3-ubyte.gz', 'emnist-digits-train-labels-idx1-ubyte.gz'], entries, CATALOG.mnist).id).toBe('emnist-digits');
    expect(datasetForFileNames(['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'], entries, CATALOG['fashion-mnist']).id).toBe('fashion-mnist');
    expect(datasetForFileNames(['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'], entries, CATALOG.mnist).id).toBe('mnist');
  });
});

describe('archives', () => {
  const emnistZip = ['gzip/', 'gzip/emnist-balanced-mapping.txt', ...['balanced', 'letters'].flatMap((s) => ['train-images-idx3', 'train-labels-idx1', 'test-images-idx3', 'test-labels-idx1'].map((f) => `gzip/emnist-${s}-${f}-ubyte.gz`))];
  it('opens the dataset asked for when the archive has it, else the first it holds by name', () => {
    const letters = chooseArchiveEntries(emnistZip, CATALOG['emnist-letters'], Object.values(CATALOG));
    expect(letters).toEqual({
      ok: true,
      dataset: CATALOG['emnist-letters'],
      files: {
        'train-images': 'gzip/emnist-letters-train-images-idx3-ubyte.gz',
        'train-labels': 'gzip/emnist-letters-train-labels-idx1-ubyte.gz',
        'test-images': 'gzip/emnist-letters-test-images-idx3-ubyte.gz',
        'test-labels': 'gzip/emnist-letters-test-labels-idx1-ubyte.gz',
      },
    });
    const picked = chooseArchiveEntries(emnistZip, CATALOG.mnist, Object.values(CATALOG));
    expect(picked.ok && picked.dataset.id).toBe('emnist-balanced');
  });

  it('takes loose IDX files from an archive of other names, and says when it has none', () => {
    const own = chooseArchiveEntries(['data/train-images.idx3', 'data/train-labels.idx1', 'README'], CATALOG.idx, Object.values(CATALOG));
    expect(own).toEqual({ ok: true, dataset: CATALOG.idx, files: { 'train-images': 'data/train-images.idx3', 'train-labels': 'data/train-labels.idx1' } });
    expect(chooseArchiveEntries(['README', 'notes.txt'], CATALOG.idx, Object.values(CATALOG))).toEqual({ ok: false, reason: 'the archive holds no IDX image or label files' });
  });
});
