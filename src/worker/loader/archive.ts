// The visitor's zip archive (EMNIST ships as one 535 MB gzip.zip): read with zip.js, a maintained
// zip reader, by random access to the File (its central directory, then only the entries wanted),
// each entry streamed out as it is inflated — the archive is never held in memory, let alone
// twice. The entries (.gz or raw IDX) then go through the loader's own decoding like any file.
import {
  BlobReader,
  configure,
  ERR_AMBIGUOUS_ARCHIVE,
  ERR_BAD_FORMAT,
  ERR_CENTRAL_DIRECTORY_NOT_FOUND,
  ERR_ENCRYPTED,
  ERR_ENCRYPTED_CENTRAL_DIRECTORY,
  ERR_ENTRY_DATA_OUT_OF_BOUNDS,
  ERR_EOCDR_LOCATOR_ZIP64_NOT_FOUND,
  ERR_EOCDR_NOT_FOUND,
  ERR_INVALID_COMPRESSED_DATA,
  ERR_INVALID_CRC32,
  ERR_INVALID_UNCOMPRESSED_SIZE,
  ERR_LOCAL_FILE_HEADER_NOT_FOUND,
  ERR_OVERLAPPING_ENTRY,
  ERR_SPLIT_ZIP_FILE,
  ERR_UNSUPPORTED_COMPRESSION,
  ERR_UNSUPPORTED_ENCRYPTION,
  ZipReader,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js/lib/zip-native.js';
import type { ArchiveProblem } from '../../data/sources/loadFailure';
import { LoadFailureError } from './loadFailureError';

// No worker of its own (CSP allows no blob: workers, and this is a worker already); the zip
// container is inflated by the browser's DecompressionStream.
configure({ useWebWorkers: false, useCompressionStream: true });

export interface OpenedArchive {
  /** Every file in the archive, by its path inside it. */
  readonly names: readonly string[];
  /**
   * The inflated bytes of one entry as a stream (a Response, so the loader reads it like a
   * download). The stream fails with a LoadFailureError saying what is wrong with the archive.
   */
  entryResponse(name: string): Response;
  close(): Promise<void>;
}

/** zip.js's refusals (its messages are its exported ERR_ constants), by what they say of the archive. */
const PROBLEMS = new Map<string, ArchiveProblem | 'encrypted'>([
  [ERR_EOCDR_NOT_FOUND, 'not-a-zip'],
  [ERR_EOCDR_LOCATOR_ZIP64_NOT_FOUND, 'not-a-zip'],
  [ERR_BAD_FORMAT, 'not-a-zip'],
  [ERR_CENTRAL_DIRECTORY_NOT_FOUND, 'inconsistent'],
  [ERR_LOCAL_FILE_HEADER_NOT_FOUND, 'inconsistent'],
  [ERR_AMBIGUOUS_ARCHIVE, 'inconsistent'],
  [ERR_OVERLAPPING_ENTRY, 'inconsistent'],
  [ERR_ENTRY_DATA_OUT_OF_BOUNDS, 'inconsistent'],
  [ERR_INVALID_UNCOMPRESSED_SIZE, 'inconsistent'],
  [ERR_INVALID_COMPRESSED_DATA, 'damaged-data'],
  [ERR_INVALID_CRC32, 'damaged-data'],
  [ERR_SPLIT_ZIP_FILE, 'unsupported'],
  [ERR_UNSUPPORTED_COMPRESSION, 'unsupported'],
  [ERR_ENCRYPTED, 'encrypted'],
  [ERR_UNSUPPORTED_ENCRYPTION, 'encrypted'],
  [ERR_ENCRYPTED_CENTRAL_DIRECTORY, 'encrypted'],
]);

/** What zip.js's `error` says is wrong with the archive, as a load failure (no file named yet). */
export function archiveFailure(error: unknown): LoadFailureError {
  if (error instanceof LoadFailureError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const problem = PROBLEMS.get(reason) ?? 'unreadable';
  return problem === 'encrypted'
    ? new LoadFailureError({ code: 'archive-encrypted', detail: {} })
    : new LoadFailureError({ code: 'archive', detail: { problem, reason } });
}

function isFile(entry: Entry): entry is FileEntry {
  return !entry.directory;
}

/** Opens `file` as a zip archive; throws a LoadFailureError (code archive or archive-encrypted) saying why it is not one. */
export async function openArchive(file: Blob): Promise<OpenedArchive> {
  const reader = new ZipReader(new BlobReader(file));
  let entries: FileEntry[];
  try {
    entries = (await reader.getEntries()).filter(isFile);
  } catch (error) {
    throw archiveFailure(error);
  }
  const byName = new Map(entries.map((entry) => [entry.filename, entry]));
  return {
    names: entries.map((entry) => entry.filename),
    entryResponse: (name) => {
      const entry = byName.get(name);
      if (!entry) return new Response(null, { status: 404, statusText: 'not in the archive' });
      // Said before any byte is read: no password is ever asked for.
      if (entry.encrypted) return new Response(failedStream(archiveFailure(new Error(ERR_ENCRYPTED))));
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      // Errors (a damaged entry, a bad CRC) reach the reader as a failed stream.
      entry.getData(writable).catch((error: unknown) => writable.abort(error).catch(() => undefined));
      return new Response(withArchiveFailures(readable), { headers: { 'Content-Length': String(entry.uncompressedSize) } });
    },
    close: () => reader.close(),
  };
}

function failedStream(error: unknown): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.error(error) });
}

/**
 * `inner`, read on demand (so zip.js inflates no further ahead than the loader reads), with its
 * failure said as what is wrong with the archive: zip.js's own error may reach the stream first
 * (piping aborts it), so the mapping is done where the bytes are read, not where they are written.
 */
function withArchiveFailures(inner: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(archiveFailure(error));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}
