// The published files of the datasets whose bytes are known here: their sizes and SHA-256, as
// gzip and as the IDX bytes inside. The Files view compares what was loaded with them, and files
// opened without saying what they are are recognised by them (the IDX bytes: the same for the
// original .gz and any recompressed copy).
import { CATALOG, type DatasetId } from './catalog';
import type { Dataset } from './dataset';
import { FILE_SLOTS, type FileSlot } from './fileSlots';

export interface PublishedFile {
  /** The .gz file as its publisher serves it, where its bytes are known. */
  readonly gzBytes: number | null;
  readonly gzSha256: string | null;
  /** The same file inflated: the IDX bytes every mirror must reproduce. */
  readonly idxBytes: number;
  readonly idxSha256: string;
}

export const PUBLISHED = {
  mnist: {
    'train-images': { gzBytes: 9_912_422, gzSha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609', idxBytes: 47_040_016, idxSha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db' },
    'train-labels': { gzBytes: 28_881, gzSha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c', idxBytes: 60_008, idxSha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5' },
    'test-images': { gzBytes: 1_648_877, gzSha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6', idxBytes: 7_840_016, idxSha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7' },
    'test-labels': { gzBytes: 4_542, gzSha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6', idxBytes: 10_008, idxSha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2' },
  },
  // The IDX bytes of Zalando's release, as Debian's dataset-fashion-mnist ships them (its .gz
  // files are recompressed, so their own hashes are not the publisher's and are not listed).
  'fashion-mnist': {
    'train-images': { gzBytes: null, gzSha256: null, idxBytes: 47_040_016, idxSha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888' },
    'train-labels': { gzBytes: null, gzSha256: null, idxBytes: 60_008, idxSha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9' },
    'test-images': { gzBytes: null, gzSha256: null, idxBytes: 7_840_016, idxSha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b' },
    'test-labels': { gzBytes: null, gzSha256: null, idxBytes: 10_008, idxSha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34' },
  },
} as const satisfies Partial<Record<DatasetId, Readonly<Record<FileSlot, PublishedFile>>>>;

/** The published file of `dataset` in `slot`, when its bytes are known here. */
export function publishedFile(dataset: DatasetId, slot: FileSlot): PublishedFile | null {
  return (PUBLISHED as Partial<Record<DatasetId, Readonly<Record<FileSlot, PublishedFile>>>>)[dataset]?.[slot] ?? null;
}

/**
 * The dataset whose published files these are, by the SHA-256 of their IDX bytes: every slot
 * given must match (one split alone is recognised too); null when no dataset's files match.
 */
export function recogniseDataset(idxSha256: Partial<Record<FileSlot, string>>): DatasetId | null {
  const given = FILE_SLOTS.filter((f) => idxSha256[f.slot] !== undefined);
  if (given.length === 0) return null;
  for (const [id, files] of Object.entries(PUBLISHED) as [DatasetId, Record<FileSlot, PublishedFile>][]) {
    if (given.every((f) => files[f.slot].idxSha256 === idxSha256[f.slot])) return id;
  }
  return null;
}

/**
 * The catalogue's dataset that `dataset`'s files are the published files of, when it is not the
 * one they were opened as and its shape is theirs (its class names then apply); else null.
 */
export function recognisedAs(dataset: Dataset, idxSha256: Partial<Record<FileSlot, string>>): DatasetId | null {
  const id = recogniseDataset(idxSha256);
  if (id === null || id === dataset.info.id) return null;
  const { shape, transposed } = CATALOG[id];
  const fits = (!shape || (shape.rows === dataset.rows && shape.cols === dataset.cols)) && transposed === dataset.info.transposed;
  return fits ? id : null;
}
