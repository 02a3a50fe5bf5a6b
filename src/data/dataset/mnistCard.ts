// What MNIST is, where it comes from and how its published files look: the dataset card, the
// Files view's comparison and scripts/prepare-data.ts all read these facts from here.
import { AZURE_MNIST_URL } from '../sources/publishers';
import type { MnistFileName } from './mnist';

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

export interface PublishedFile {
  /** The .gz file as the original page and the Azure container serve it. */
  readonly gzBytes: number;
  readonly gzSha256: string;
  /** The same file inflated: the IDX bytes every mirror must reproduce. */
  readonly idxBytes: number;
  readonly idxSha256: string;
}

export const PUBLISHED_FILES: Readonly<Record<MnistFileName, PublishedFile>> = {
  'train-images-idx3-ubyte.gz': {
    gzBytes: 9_912_422,
    gzSha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609',
    idxBytes: 47_040_016,
    idxSha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  },
  'train-labels-idx1-ubyte.gz': {
    gzBytes: 28_881,
    gzSha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c',
    idxBytes: 60_008,
    idxSha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  },
  't10k-images-idx3-ubyte.gz': {
    gzBytes: 1_648_877,
    gzSha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6',
    idxBytes: 7_840_016,
    idxSha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  },
  't10k-labels-idx1-ubyte.gz': {
    gzBytes: 4_542,
    gzSha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6',
    idxBytes: 10_008,
    idxSha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
  },
};
