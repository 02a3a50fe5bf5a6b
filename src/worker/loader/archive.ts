// The visitor's zip archive (EMNIST ships as one 535 MB gzip.zip): read with zip.js, a maintained
// zip reader, by random access to the File (its central directory, then only the entries wanted),
// each entry streamed out as it is inflated — the archive is never held in memory, let alone
// twice. The entries (.gz or raw IDX) then go through the loader's own decoding like any file.
import { BlobReader, configure, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js/lib/zip-native.js';

// No worker of its own (CSP allows no blob: workers, and this is a worker already); the zip
// container is inflated by the browser's DecompressionStream.
configure({ useWebWorkers: false, useCompressionStream: true });

export interface OpenedArchive {
  /** Every file in the archive, by its path inside it. */
  readonly names: readonly string[];
  /** The inflated bytes of one entry as a stream (a Response, so the loader reads it like a download). */
  entryResponse(name: string): Response;
  close(): Promise<void>;
}

function isFile(entry: Entry): entry is FileEntry {
  return !entry.directory;
}

/** Opens `file` as a zip archive; throws an Error saying why it is not one. */
export async function openArchive(file: Blob): Promise<OpenedArchive> {
  const reader = new ZipReader(new BlobReader(file));
  const entries = (await reader.getEntries()).filter(isFile);
  const byName = new Map(entries.map((entry) => [entry.filename, entry]));
  return {
    names: entries.map((entry) => entry.filename),
    entryResponse: (name) => {
      const entry = byName.get(name);
      if (!entry) return new Response(null, { status: 404, statusText: 'not in the archive' });
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      // Errors (a damaged entry, a bad CRC) reach the reader as a failed stream.
      entry.getData(writable).catch((error: unknown) => writable.abort(error).catch(() => undefined));
      return new Response(readable, { headers: { 'Content-Length': String(entry.uncompressedSize) } });
    },
    close: () => reader.close(),
  };
}
