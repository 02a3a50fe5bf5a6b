// What MNIST is and where it comes from: the dataset card and scripts/prepare-data.ts read these
// facts from here (its published files' sizes and hashes are in publishedFiles.ts).
import { AZURE_MNIST_URL } from '../sources/publishers';
import { MNIST_FILES, type MnistFileName } from './mnist';
import { PUBLISHED } from './publishedFiles';
import type { FileSlot } from './fileSlots';

/** MNIST's published files: every size and hash known. */
type MnistPublishedFile = (typeof PUBLISHED.mnist)[FileSlot];

export const MNIST_CARD = {
  name: 'MNIST',
  summary: '70,000 handwritten digits 0–9 (60,000 for training, 10,000 for testing), each a 28 × 28 greyscale image.',
  description:
    'The MNIST database of handwritten digits was made from NIST Special Databases 1 and 3, written by Census Bureau employees and high-school students. Each digit was size-normalized into a 20 × 20 box, anti-aliased (so pixels take 0–255 grey levels, 0 the background) and centred by its centre of mass in a 28 × 28 image. The test set was written by different people than the training set.',
  creators: 'Yann LeCun, Corinna Cortes, Christopher J. C. Burges',
  citation:
    'Y. LeCun, L. Bottou, Y. Bengio and P. Haffner, “Gradient-based learning applied to document recognition,” Proceedings of the IEEE, 86(11):2278–2324, 1998.',
  licence: 'Creative Commons Attribution-Share Alike 3.0 (copyright Yann LeCun and Corinna Cortes)',
  licenceUrl: 'https://creativecommons.org/licenses/by-sa/3.0/',
  homePage: 'http://yann.lecun.com/exdb/mnist/',
  azurePage: 'https://learn.microsoft.com/azure/open-datasets/dataset-mnist',
  azureContainer: AZURE_MNIST_URL,
} as const;

/** MNIST's published files by their names (scripts/prepare-data.ts checks what it serves against them). */
export const PUBLISHED_FILES: Readonly<Record<MnistFileName, MnistPublishedFile>> = Object.fromEntries(
  MNIST_FILES.map((f) => [f.name, PUBLISHED.mnist[f.slot]]),
) as Record<MnistFileName, MnistPublishedFile>;
