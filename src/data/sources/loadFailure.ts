// Why a load failed, as a code and the facts behind it: made by the loader worker (and the page,
// for what it refuses before asking it), carried in the 'error' reply and the store, worded for
// people in one place (loadFailureWords.ts), asserted by tests as codes.
import type { DecodeErrorCode } from '../decode/decodeError';
import type { FileSlot } from '../dataset/fileSlots';

/** What is wrong with a zip archive, as far as its reader can tell. */
export type ArchiveProblem =
  /** No zip directory at its end: cut short, or not a zip at all. */
  | 'not-a-zip'
  /** Its central directory disagrees with the entries (offsets, sizes, overlapping or doubled entries). */
  | 'inconsistent'
  /** An entry's compressed data is damaged (its checksum, or the data itself). */
  | 'damaged-data'
  /** A zip feature the reader does not take (split archives, another compression method). */
  | 'unsupported'
  /** Anything else the zip reader refused. */
  | 'unreadable';

/** A failure to get a response with the file in it: the ones a missing relay shows as. */
export type TransportCause =
  | { readonly code: 'http'; readonly detail: { readonly status: number; readonly statusText: string } }
  /** `receivedBytes` null: no answer at all within the stall limit. */
  | { readonly code: 'stall'; readonly detail: { readonly seconds: number; readonly receivedBytes: number | null } }
  /** `receivedBytes` null: no connection was made; else the connection was lost after that much. */
  | { readonly code: 'network'; readonly detail: { readonly receivedBytes: number | null; readonly reason: string } }
  | { readonly code: 'redirect'; readonly detail: { readonly toOrigin: string } }
  | { readonly code: 'html-page'; readonly detail: { readonly contentType: string } };

const TRANSPORT_CODES: readonly string[] = ['http', 'stall', 'network', 'redirect', 'html-page'] satisfies readonly TransportCause['code'][];

/** Whether the failure was in getting a response at all (what a missing relay shows as). */
export function isTransportFailure<F extends { readonly code: string }>(failure: F): failure is F & TransportCause {
  return TRANSPORT_CODES.includes(failure.code);
}

export type LoadFailureCause =
  /** The decoders' refusals (gzip, IDX, the files not forming a dataset), with their own account. */
  | { readonly code: DecodeErrorCode; readonly detail: { readonly reason: string } }
  | TransportCause
  /** A response longer than any file can be (what the decoders cannot see, such as endless empty gzip members). */
  | { readonly code: 'too-large'; readonly detail: { readonly limitBytes: number } }
  /** Read through the app's own relay (the host sends no CORS headers), and the relay failed too. */
  | { readonly code: 'relay-missing'; readonly detail: { readonly relayPath: string; readonly cause: TransportCause } }
  | { readonly code: 'archive'; readonly detail: { readonly problem: ArchiveProblem; readonly reason: string } }
  /** An entry (or the directory) is encrypted: password-protected archives are not read. */
  | { readonly code: 'archive-encrypted'; readonly detail: Readonly<Record<never, never>> }
  /** The visitor's files (or an archive's entries) cannot be matched to the dataset's files. */
  | { readonly code: 'files-unmatched'; readonly detail: { readonly reason: string } }
  /** An archive opened together with other files. */
  | { readonly code: 'archive-with-files'; readonly detail: Readonly<Record<never, never>> }
  /** A dataset that has no files on any server: only the visitor's own copy can be opened. */
  | { readonly code: 'local-only'; readonly detail: { readonly datasetTitle: string } }
  /** The loader worker failed to start or crashed (said by the page). */
  | { readonly code: 'worker-crashed'; readonly detail: { readonly reason: string } }
  /** A bug: a failure nothing above describes. */
  | { readonly code: 'unexpected'; readonly detail: { readonly reason: string } };

export type LoadFailureCode = LoadFailureCause['code'];

/**
 * A failed load: its cause, and the file it failed on — its slot, its own name (the dataset's name
 * for it, the visitor's file's, or an archive's or its entry's) and URL — or nulls when the failure
 * is not about one file.
 */
export type LoadFailure = LoadFailureCause & {
  readonly slot: FileSlot | null;
  readonly name: string | null;
  readonly url: string | null;
};

/** The file a failure is about; nulls for one that is about none. */
export interface FailedFile {
  readonly slot: FileSlot | null;
  readonly name: string | null;
  readonly url: string | null;
}

export const NO_FILE: FailedFile = { slot: null, name: null, url: null };

/** `cause` on `file`. */
export function failureOf(cause: LoadFailureCause, file: FailedFile = NO_FILE): LoadFailure {
  return { ...cause, slot: file.slot, name: file.name, url: file.url };
}
