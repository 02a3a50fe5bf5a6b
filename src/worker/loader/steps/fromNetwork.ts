// Step 3: the files from the network (or the visitor's own, or an archive's entries), decoded as
// they stream in, then shown; the training digits are posted while they fill, where memory is shared.
import { infoFor, type DatasetEntry } from '../../../data/dataset/catalog';
import { MAX_LABEL } from '../../../data/limits';
import type { FileSlot } from '../../../data/dataset/fileSlots';
import type { FileUrls } from '../../../data/sources/sources';
import type { Load } from '../loadContext';
import { loadMnist, type LoadedMnist, type TrainPrefix } from '../loadDataset';
import { throttle } from '../throttle';
import { hashIdxFiles } from './hashAndKeep';

/**
 * How often the page hears about newly decoded training digits: the first at once, then this.
 * Each message re-renders the page on the cores pako needs: at most four a second.
 */
const PARTIAL_INTERVAL_MS = 250;

/** What the network step hands to hashing and keeping. */
export interface Fetched {
  readonly loaded: LoadedMnist;
  /** The IDX hashes, when they had to be taken before the buffers moved (no shared memory). */
  readonly idxSha256: Record<FileSlot, string> | null;
  /** The decoded payloads to write to disk: the shared buffers, or copies of moved ones. */
  readonly toKeep: readonly Uint8Array[];
}

export interface NetworkFiles {
  readonly urls: Partial<FileUrls>;
  readonly entry: DatasetEntry;
  /** The files' own names where they differ from the entry's (the visitor's files, an archive's entries). */
  readonly names?: Partial<Record<FileSlot, string>>;
  /** Where the bytes come from: the network, unless an archive answers for its entries. */
  readonly fetch?: typeof fetch;
}

/** Null when the load was superseded meanwhile. */
export async function loadFromNetwork(load: Load, { urls, entry, names, fetch = load.deps.fetch }: NetworkFiles): Promise<Fetched | null> {
  const { shared } = load.deps;
  const loaded = await loadMnist({
    urls,
    names,
    entry,
    maxTotalBytes: load.maxTotalBytes,
    fetch,
    allocate: load.allocate,
    signal: load.signal,
    stallTimeoutMs: load.stallMs,
    maxBytes: load.maxBytes,
    // Only shared buffers can be shown while they fill; transferred ones move once, at the end.
    onTrainPrefix: shared
      ? throttle((prefix) => {
          if (!load.decodedAll) postPrefix(load, prefix, entry);
        }, PARTIAL_INTERVAL_MS)
      : undefined,
    onProgress: (file, progress) => load.progressOf(file)(progress),
  });
  load.decodedAll = true;
  if (load.signal.aborted) return null;
  const { dataset, files, decoded } = loaded;
  // Transferred buffers leave with the reply, so without shared memory the IDX bytes are
  // hashed first; shared ones stay readable here and are hashed after the digits are shown.
  const idxSha256 = shared ? null : await hashIdxFiles(files, decoded.map((d) => d.idx), load.signal);
  // Without shared memory the buffers move to the page, so a copy (55 MB, ~10 ms) is what
  // gets kept on disk; it is let go as soon as it is written. A plain static host gets the
  // same fast second visit as an isolated one.
  const toKeep = shared ? decoded.map((d) => d.idx.data) : decoded.map((d) => d.idx.data.slice());
  const shown = load.untilShown();
  load.postLoaded(dataset, files, { fromKeptCopy: false, offline: false });
  await shown;
  return { loaded, idxSha256, toKeep };
}

/** The training digits decoded so far, as views of the shared buffers still being filled. */
function postPrefix(load: Load, { images, labels, ready, rows, cols }: TrainPrefix, entry: DatasetEntry): void {
  if (!load.isCurrent()) return;
  const empty = new Uint8Array(0);
  let largest = 0;
  for (let i = 0; i < ready; i++) if (labels[i]! > largest && labels[i]! <= MAX_LABEL) largest = labels[i]!;
  load.post({
    type: 'partial',
    requestId: load.requestId,
    dataset: {
      train: { split: 'train', count: ready, images, labels: labels.subarray(0, ready) },
      test: { split: 'test', count: 0, images: empty, labels: empty },
      rows,
      cols,
      info: infoFor(entry, largest),
      warnings: [],
    },
  });
}
