// Every dataset the explorer knows by name, one entry each: where its files are, what its labels
// mean, its shape, and how to cite it. The source picker, labels, filters, checks and links are
// all derived from this table; nothing else in the code assumes MNIST's 60,000 / 10,000 / 28 / 10.
import { AZURE_MNIST_URL, FASHION_MNIST_URL, KMNIST_URL } from '../sources/publishers';
import type { Split } from './fileSlots';
import { MAX_LABEL } from '../limits';


export const DATASET_IDS = [
  'mnist',
  'fashion-mnist',
  'kmnist',
  'emnist-balanced',
  'emnist-byclass',
  'emnist-letters',
  'emnist-digits',
  'emnist-mnist',
  'idx',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** How the page speaks of one item: MNIST's own words stay exactly as before (tests outside rely on them). */
export interface Noun {
  readonly one: string;
  readonly many: string;
  /** The accessible name of the label filter. */
  readonly filter: string;
}

export const DIGIT_NOUN: Noun = { one: 'digit', many: 'digits', filter: 'Digit filter' };
const IMAGE_NOUN: Noun = { one: 'image', many: 'images', filter: 'Class filter' };

export interface SplitFiles {
  readonly images: string;
  readonly labels: string;
}

export interface DatasetEntry {
  readonly id: DatasetId;
  readonly title: string;
  readonly summary: string;
  readonly noun: Noun;
  /**
   * The name of each label value, indexed by the label byte; null where a value is no class
   * (EMNIST letters count from 1). Null for `idx`: classes are the labels the files hold.
   */
  readonly classNames: readonly (string | null)[] | null;
  /** The image shape every file must have; null for `idx` (any N × H × W up to MAX_IMAGE_SIDE). */
  readonly shape: { readonly rows: number; readonly cols: number } | null;
  /** Images stored column by column (EMNIST): drawn transposed so they stand upright. */
  readonly transposed: boolean;
  /** The published split sizes, when known (said in the picker; the files are the truth). */
  readonly splitSizes: Readonly<Record<Split, number>> | null;
  /** The file names, as the publisher (and a mirror) names them. */
  readonly files: Readonly<Record<Split, SplitFiles>>;
  /**
   * Where the publisher serves the four .gz files, or null when they come only inside an archive
   * (EMNIST's one zip): then the picker points to `archiveUrl` and the visitor opens it as their own file.
   */
  readonly publicBaseUrl: string | null;
  readonly archiveUrl: string | null;
  readonly homePage: string | null;
  readonly citation: string | null;
  readonly licence: string | null;
}

const MNIST_FILE_NAMES: Readonly<Record<Split, SplitFiles>> = {
  train: { images: 'train-images-idx3-ubyte.gz', labels: 'train-labels-idx1-ubyte.gz' },
  test: { images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz' },
};

const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));
const UPPER = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
const LOWER = Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i));

const EMNIST_CITATION =
  'G. Cohen, S. Afshar, J. Tapson and A. van Schaik, “EMNIST: an extension of MNIST to handwritten letters,” arXiv:1702.05373, 2017.';
const EMNIST_HOME = 'https://www.nist.gov/itl/products-and-services/emnist-dataset';
const EMNIST_ZIP = 'https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip';

/** What a dataset made to be a drop-in replacement for MNIST shares with it: shape, split sizes, file names. */
const MNIST_SHAPED = {
  shape: { rows: 28, cols: 28 },
  transposed: false,
  splitSizes: { train: 60_000, test: 10_000 },
  files: MNIST_FILE_NAMES,
  archiveUrl: null,
} as const;

function emnist(
  split: 'balanced' | 'byclass' | 'letters' | 'digits' | 'mnist',
  summary: string,
  classNames: readonly (string | null)[],
  splitSizes: Record<Split, number>,
): DatasetEntry {
  const digitsOnly = split === 'digits' || split === 'mnist';
  return {
    id: `emnist-${split}`,
    title: `EMNIST ${split.charAt(0).toUpperCase()}${split.slice(1)}`,
    summary,
    noun: digitsOnly ? DIGIT_NOUN : { one: 'character', many: 'characters', filter: 'Class filter' },
    classNames,
    shape: { rows: 28, cols: 28 },
    transposed: true,
    splitSizes,
    files: {
      train: { images: `emnist-${split}-train-images-idx3-ubyte.gz`, labels: `emnist-${split}-train-labels-idx1-ubyte.gz` },
      test: { images: `emnist-${split}-test-images-idx3-ubyte.gz`, labels: `emnist-${split}-test-labels-idx1-ubyte.gz` },
    },
    publicBaseUrl: null,
    archiveUrl: EMNIST_ZIP,
    homePage: EMNIST_HOME,
    citation: EMNIST_CITATION,
    licence: 'Published by NIST (a U.S. Government work); see the home page for terms of use',
  };
}

export const CATALOG: Readonly<Record<DatasetId, DatasetEntry>> = {
  mnist: {
    id: 'mnist',
    title: 'MNIST',
    summary: 'Handwritten digits 0–9, 28 × 28 grey levels.',
    noun: DIGIT_NOUN,
    classNames: DIGITS,
    ...MNIST_SHAPED,
    publicBaseUrl: AZURE_MNIST_URL,
    homePage: 'http://yann.lecun.com/exdb/mnist/',
    citation: 'Y. LeCun, L. Bottou, Y. Bengio and P. Haffner, “Gradient-based learning applied to document recognition,” Proceedings of the IEEE, 86(11):2278–2324, 1998.',
    licence: 'Creative Commons Attribution-Share Alike 3.0',
  },
  'fashion-mnist': {
    id: 'fashion-mnist',
    title: 'Fashion-MNIST',
    summary: 'Zalando article photos in ten classes, a drop-in replacement for MNIST (same shape and files).',
    noun: IMAGE_NOUN,
    classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
    ...MNIST_SHAPED,
    publicBaseUrl: FASHION_MNIST_URL,
    homePage: 'https://github.com/zalandoresearch/fashion-mnist',
    citation: 'H. Xiao, K. Rasul and R. Vollgraf, “Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms,” arXiv:1708.07747, 2017.',
    licence: 'MIT',
  },
  kmnist: {
    id: 'kmnist',
    title: 'Kuzushiji-MNIST',
    summary: 'Ten cursive Japanese (Kuzushiji) hiragana, a drop-in replacement for MNIST.',
    noun: { one: 'character', many: 'characters', filter: 'Class filter' },
    classNames: ['お o', 'き ki', 'す su', 'つ tsu', 'な na', 'は ha', 'ま ma', 'や ya', 'れ re', 'を wo'],
    ...MNIST_SHAPED,
    publicBaseUrl: KMNIST_URL,
    homePage: 'http://codh.rois.ac.jp/kmnist/',
    citation: 'T. Clanuwat, M. Bober-Irizar, A. Kitamoto, A. Lamb, K. Yamamoto and D. Ha, “Deep Learning for Classical Japanese Literature,” arXiv:1812.01718, 2018.',
    licence: 'Creative Commons Attribution-Share Alike 4.0 (KMNIST by ROIS-DS Center for Open Data in the Humanities, adapted from the Kuzushiji Dataset by NIJL)',
  },
  'emnist-balanced': emnist(
    'balanced',
    'Handwritten digits and letters in 47 balanced classes (similar upper and lower case letters merged).',
    [...DIGITS, ...UPPER, 'a', 'b', 'd', 'e', 'f', 'g', 'h', 'n', 'q', 'r', 't'],
    { train: 112_800, test: 18_800 },
  ),
  'emnist-byclass': emnist('byclass', 'All 814,255 handwritten characters in 62 unbalanced classes: digits, upper and lower case letters.', [...DIGITS, ...UPPER, ...LOWER], {
    train: 697_932,
    test: 116_323,
  }),
  'emnist-letters': emnist(
    'letters',
    'Handwritten letters, upper and lower case merged into 26 classes (labels 1–26).',
    [null, ...UPPER.map((u, i) => `${u}/${LOWER[i]!}`)],
    { train: 124_800, test: 20_800 },
  ),
  'emnist-digits': emnist('digits', 'Handwritten digits 0–9, 280,000 balanced.', DIGITS, { train: 240_000, test: 40_000 }),
  'emnist-mnist': emnist('mnist', 'Handwritten digits 0–9 in MNIST’s split sizes, from the EMNIST conversion.', DIGITS, { train: 60_000, test: 10_000 }),
  idx: {
    id: 'idx',
    title: 'Other IDX files',
    summary: 'Any unsigned-byte IDX images (N × H × W, up to 256 × 256) with labels 0–254.',
    noun: IMAGE_NOUN,
    classNames: null,
    shape: null,
    transposed: false,
    splitSizes: null,
    files: MNIST_FILE_NAMES,
    publicBaseUrl: null,
    archiveUrl: null,
    homePage: null,
    citation: null,
    licence: null,
  },
};

export function isDatasetId(value: string): value is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(value);
}

/**
 * What a loaded dataset is, carried with its data so every view can name its labels: the entry's
 * words, and the class names (for `idx`, numbered from the labels the files hold).
 */
export interface DatasetInfo {
  readonly id: DatasetId;
  readonly title: string;
  readonly noun: Noun;
  /** Indexed by label byte; null where that value is no class. Its length is one past the largest class. */
  readonly classNames: readonly (string | null)[];
  readonly transposed: boolean;
}

export function infoFor(entry: DatasetEntry, largestLabel: number): DatasetInfo {
  const classNames = entry.classNames ?? Array.from({ length: Math.min(largestLabel, MAX_LABEL) + 1 }, (_, label) => String(label));
  return { id: entry.id, title: entry.title, noun: entry.noun, classNames, transposed: entry.transposed };
}

export const MNIST_INFO: DatasetInfo = infoFor(CATALOG.mnist, 9);

/** The labels that are classes, ascending: what the label filter offers. */
export function classLabels(info: DatasetInfo): readonly number[] {
  let list = classLabelMemo.get(info.classNames);
  if (!list) {
    list = info.classNames.flatMap((name, label) => (name === null ? [] : [label]));
    classLabelMemo.set(info.classNames, list);
  }
  return list;
}
const classLabelMemo = new WeakMap<readonly (string | null)[], readonly number[]>();

export function isClassLabel(info: DatasetInfo, label: number): boolean {
  return label < info.classNames.length && info.classNames[label] !== null;
}

/** A label as people read it: `5` for MNIST, `9 (Ankle boot)` where the class has a name. */
export function labelText(info: DatasetInfo, label: number): string {
  const name = info.classNames[label];
  return name === undefined || name === null || name === String(label) ? String(label) : `${label} (${name})`;
}

/** The shortest way to show a label (grid strips, buttons): the class name, or the number. */
export function labelShort(info: DatasetInfo, label: number): string {
  return info.classNames[label] ?? String(label);
}

/** A label filter in words: `all digits`, `digits 3, 7`; `all images`, `classes Trouser, Bag`. */
export function describeLabels(digits: readonly number[], info: DatasetInfo): string {
  if (digits.length === 0) return `all ${info.noun.many}`;
  const digitData = info.noun === DIGIT_NOUN || info.noun.one === 'digit';
  const word = digitData ? 'digit' : 'class';
  const plural = digitData ? 'digits' : 'classes';
  return `${digits.length === 1 ? word : plural} ${digits.map((d) => labelShort(info, d)).join(', ')}`;
}

/** The start of a download's file name: data set, split, filter (`mnist-train-37`). */
export function fileStemOf(info: DatasetInfo, split: string, digits: readonly number[]): string {
  const filter = digits.length === 0 ? 'all' : digits.join(info.classNames.length <= 10 ? '' : '-');
  return `${info.id}-${split}-${filter}`;
}
