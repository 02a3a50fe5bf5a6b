// The shape of MNIST, named once. Everything else imports these instead of writing 28 or 784.

export const IMAGE_SIDE = 28;
export const PIXELS_PER_IMAGE = IMAGE_SIDE * IMAGE_SIDE;
export const LABEL_COUNT = 10;

export const SPLITS = ['train', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** How many records each split of the original MNIST holds. */
export const SPLIT_SIZES: Record<Split, number> = { train: 60_000, test: 10_000 };

export type FileRole = 'images' | 'labels';

export interface MnistFile {
  readonly name: string;
  readonly split: Split;
  readonly role: FileRole;
}

/** The four files, in the order a loader reports them: the names every MNIST mirror uses. */
export const MNIST_FILES = [
  { name: 'train-images-idx3-ubyte.gz', split: 'train', role: 'images' },
  { name: 'train-labels-idx1-ubyte.gz', split: 'train', role: 'labels' },
  { name: 't10k-images-idx3-ubyte.gz', split: 'test', role: 'images' },
  { name: 't10k-labels-idx1-ubyte.gz', split: 'test', role: 'labels' },
] as const satisfies readonly MnistFile[];

export type MnistFileName = (typeof MNIST_FILES)[number]['name'];

export function mnistFileFor(split: Split, role: FileRole): MnistFile {
  const file = MNIST_FILES.find((f) => f.split === split && f.role === role);
  if (!file) throw new Error(`no MNIST file for ${split} ${role}`);
  return file;
}
