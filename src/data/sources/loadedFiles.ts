// What the page knows of each file a dataset was loaded from: as served, as inflated, and its
// IDX header. Made by the loader worker, shown by the Files view, kept with the decoded copy.
import type { FileFormat } from '../decode/fileDecoder';
import type { FileSlot } from '../dataset/fileSlots';

export interface FileProgress {
  readonly received: number;
  /** From Content-Length; null when the server does not say. */
  readonly total: number | null;
}

/** What the file view shows of each file: as served, as inflated, and its IDX header. */
export interface LoadedFileInfo {
  /** Its place in the dataset: the key hashes and progress use. */
  readonly slot: FileSlot;
  /** The file's own name (the dataset's name for it, or the visitor's own file's). */
  readonly name: string;
  readonly url: string;
  readonly servedBytes: number;
  readonly format: FileFormat;
  /** Header plus data, as the IDX file is once inflated. */
  readonly inflatedBytes: number;
  readonly magic: string;
  readonly idxType: number;
  readonly dims: readonly number[];
  /**
   * SHA-256 of the bytes as served. Null until the worker has hashed them, which it does after
   * the data is on screen (the 'hashes' reply), keeping the hashing off the load.
   */
  readonly sha256: string | null;
  /**
   * SHA-256 of the IDX file as inflated (header and data): the same for the original .gz and any
   * recompressed copy of it. Null until hashed, like `sha256`.
   */
  readonly idxSha256: string | null;
  /**
   * The transport encoding the server declared (Content-Encoding, when the page may see it), or
   * null. When set, the browser inflated the file on the way: `servedBytes`, `sha256` and the
   * download are of the bytes received after that, not of what the server stored.
   */
  readonly transportEncoding?: string | null;
  /** Exactly the bytes that were served, for download. */
  readonly blob: Blob;
}
