// The visitor's zip archive: the entries of the dataset it holds (see chooseArchiveEntries), each
// streamed from the archive into the same decoding as a download. Nothing is kept.
import { CATALOG, type DatasetEntry } from '../../../data/dataset/catalog';
import type { FileSlot } from '../../../data/dataset/fileSlots';
import { chooseArchiveEntries } from '../../../data/sources/localFiles';
import type { FileUrls } from '../../../data/sources/sources';
import type { OpenedArchive } from '../archive';
import type { Load } from '../loadContext';
import { LoadFailureError } from '../loadFailureError';
import { loadFromNetwork } from './fromNetwork';
import { hashAndKeep } from './hashAndKeep';

/** How an archive's entry is named to the loader: a URL no network request can have. */
const ARCHIVE_URL_PREFIX = 'archive:';

export async function loadFromArchive(load: Load, file: File, requested: DatasetEntry): Promise<void> {
  const archiveFile = { slot: null, name: file.name, url: null };
  // The zip reader (130 KB) is fetched only when an archive is opened: every other load starts without it.
  const { openArchive } = await import('../archive');
  let archive: OpenedArchive;
  try {
    archive = await openArchive(file);
  } catch (error) {
    throw error instanceof LoadFailureError ? error.onFile(archiveFile) : error;
  }
  try {
    load.throwIfSuperseded();
    const choice = chooseArchiveEntries(archive.names, requested, Object.values(CATALOG));
    if (!choice.ok) throw new LoadFailureError({ code: 'files-unmatched', detail: { reason: choice.reason } }, archiveFile);
    const urls: Partial<FileUrls> = {};
    const names: Partial<Record<FileSlot, string>> = {};
    for (const [slot, path] of Object.entries(choice.files) as [FileSlot, string][]) {
      urls[slot] = `${ARCHIVE_URL_PREFIX}${encodeURIComponent(path)}`;
      names[slot] = `${file.name}/${path}`;
    }
    const fromArchive: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(ARCHIVE_URL_PREFIX)) return load.deps.fetch(input, init);
      return Promise.resolve(archive.entryResponse(decodeURIComponent(url.slice(ARCHIVE_URL_PREFIX.length))));
    };
    const fetched = await loadFromNetwork(load, { urls, entry: choice.dataset, names, fetch: fromArchive });
    if (fetched) await hashAndKeep(load, null, fetched);
  } finally {
    await archive.close().catch(() => undefined);
  }
}
