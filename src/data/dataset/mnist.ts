// The shape of MNIST, named once. Everything else imports these instead of writing 28 or 784.
import type { FileRole, FileSlot, Split } from './fileSlots';

export const IMAGE_SIDE = 28;
export const PIXELS_PER_IMAGE = IMAGE_SIDE * IMAGE_SIDE;
export const LABEL_COUNT = 10;

/** How many records each split of the original MNIST holds. */
export const SPLIT_SIZES: Record<Split, number> = { train: 60_000, test: 10_000 };

/** MNIST's four files, in slot order, by the names every mirror uses (other datasets have their own, in the catalogue). */
export const MNIST_FILES = [
  { slot: 'train-images', split: 'train', role: 'images', name: 'train-images-idx3-ubyte.gz' },
  { slot: 'train-labels', split: 'train', role: 'labels', name: 'train-labels-idx1-ubyte.gz' },
  { slot: 'test-images', split: 'test', role: 'images', name: 't10k-images-idx3-ubyte.gz' },
  { slot: 'test-labels', split: 'test', role: 'labels', name: 't10k-labels-idx1-ubyte.gz' },
] as const satisfies readonly { slot: FileSlot; split: Split; role: FileRole; name: string }[];

export type MnistFile = (typeof MNIST_FILES)[number];
export type MnistFileName = MnistFile['name'];
