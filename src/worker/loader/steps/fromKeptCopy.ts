// Step 2: the kept copy, if the server still has the same files: shown, then (once on screen)
// proved to be the bytes that were kept.
import type { DatasetEntry } from '../../../data/dataset/catalog';
import { FILE_SLOTS, type FileSlot } from '../../../data/dataset/fileSlots';
import { releaseBuffer } from '../../../data/decode/bytes';
import type { DecodedIdx } from '../../../data/decode/idx';
import type { FileUrls } from '../../../data/sources/sources';
import { findDamagedFile, forgetDecodedCopy, readDecodedCopy } from '../decodedCopy';
import type { Load } from '../loadContext';
import { assembleNamed } from '../loadDataset';

/** Shows the kept copy of `urls` and checks it; false when there is none to use. */
export async function loadFromKeptCopy(load: Load, urls: FileUrls, entry: DatasetEntry): Promise<boolean> {
  const read = await readDecodedCopy(urls, load.deps.fetch, load.allocate, load.signal, load.stallMs, load.deps.caches);
  load.throwIfSuperseded();
  if (!read) return false;
  const cached = read.files;
  const bySlot = new Map(
    FILE_SLOTS.map((f): [FileSlot, DecodedIdx] => {
      const { info, data, dims } = cached[f.slot];
      const headerBytes = info.inflatedBytes - data.length;
      return [f.slot, { header: { type: info.idxType, dims, headerBytes, dataBytes: data.length }, data }];
    }),
  );
  // Transferred buffers leave with the reply: without shared memory the check reads a copy.
  const shared = load.deps.shared;
  const toCheck = shared
    ? cached
    : (Object.fromEntries(FILE_SLOTS.map((f) => [f.slot, { ...cached[f.slot], data: cached[f.slot].data.slice() }])) as typeof cached);
  const shown = load.untilShown();
  load.postLoaded(assembleNamed(bySlot, urls, entry), FILE_SLOTS.map((f) => cached[f.slot].info), { fromKeptCopy: true, offline: read.offline });
  await shown;
  if (load.signal.aborted) return true;
  const damaged = await findDamagedFile(toCheck, load.signal);
  if (!shared) for (const f of FILE_SLOTS) releaseBuffer(toCheck[f.slot].data);
  if (load.signal.aborted) return true;
  if (damaged) {
    await forgetDecodedCopy(urls);
    load.post({ type: 'kept-copy-damaged', requestId: load.requestId, ...damaged });
  } else {
    load.post({ type: 'kept-copy-checked', requestId: load.requestId });
  }
  return true;
}
