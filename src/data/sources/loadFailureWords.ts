// The one place a failed load is put into words: a sentence naming the file and the cause, and
// what the visitor can do about it. Everything it says comes from the failure's code and facts.
import { safeEcho } from '../safeText';
import type { ArchiveProblem, LoadFailure, TransportCause } from './loadFailure';

/** Names and URLs can be the visitor's or a link's: shown safe, and short enough for a banner. */
const MAX_NAME = 160;
const MAX_URL = 300;

const bytes = (n: number) => n.toLocaleString('en-US');
const seconds = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;

/** The sentence for `failure`, starting with the file it is about, if any. */
export function loadFailureWords(failure: LoadFailure): string {
  const cause = causeWords(failure);
  return failure.name === null ? cause : `${safeEcho(failure.name, MAX_NAME)}: ${cause}`;
}

function causeWords(failure: LoadFailure): string {
  const url = failure.url === null ? 'the server' : safeEcho(failure.url, MAX_URL);
  switch (failure.code) {
    case 'http':
    case 'stall':
    case 'network':
    case 'redirect':
    case 'html-page':
      return transportWords(failure, url);
    case 'relay-missing':
      return (
        `${transportWords(failure.detail.cause, url)}. The browser could not read the files directly (their host sends no CORS headers), ` +
        `and this server has no working relay at ${safeEcho(failure.detail.relayPath, MAX_URL)}: the relay exists only in the servers of ` +
        '`npm start` and `npm run dev`, not on a static host. Choose the bundled copy, run the app with `npm start`, ' +
        'or give a Custom URL of a mirror that sends CORS headers (Access-Control-Allow-Origin)'
      );
    case 'too-large':
      return `more data than the file holds: over ${bytes(failure.detail.limitBytes)} bytes, so the rest was not read`;
    case 'not-gzip-or-idx':
    case 'gzip-corrupt':
    case 'gzip-truncated':
    case 'gzip-trailing-data':
    case 'idx-bad-magic':
    case 'idx-unsupported-type':
    case 'idx-bad-dimensions':
    case 'idx-too-large':
    case 'idx-truncated':
    case 'idx-too-long':
    case 'dataset-mismatch':
      // The decoders' own account names what they found (the bytes, the sizes, the counts).
      return failure.detail.reason;
    case 'archive':
      return `${archiveWords(failure.detail.problem)} (the zip reader says: ${safeEcho(failure.detail.reason, 120)}). Open the files inside it instead, or a fresh copy of it`;
    case 'archive-encrypted':
      return 'the archive is password-protected (encrypted), and password-protected archives are not read: unpack it and open the files inside it';
    case 'files-unmatched':
      return failure.detail.reason;
    case 'archive-with-files':
      return 'open the archive on its own, or the files inside it without it';
    case 'local-only':
      return `${failure.detail.datasetTitle} has no files to load from a URL: open them as your own files`;
    case 'worker-crashed':
      return `the loader worker failed (${safeEcho(failure.detail.reason, 200)}); Retry starts a fresh one`;
    case 'unexpected':
      return `unexpected failure: ${safeEcho(failure.detail.reason, 200)}`;
  }
}

function transportWords(cause: TransportCause, url: string): string {
  switch (cause.code) {
    case 'http': {
      const { status, statusText } = cause.detail;
      // A success without a body (204, 205): nothing came, which is not a file either.
      if (status >= 200 && status < 300) return `empty response (HTTP ${status}) from ${url}`;
      return `HTTP ${status}${statusText ? ` ${safeEcho(statusText, 80)}` : ''} from ${url}${statusHint(status)}`;
    }
    case 'stall': {
      const { receivedBytes } = cause.detail;
      const limit = seconds(cause.detail.seconds);
      return receivedBytes === null
        ? `${url} did not answer within ${limit}`
        : `the server stalled: no data for ${limit} after ${bytes(receivedBytes)} bytes`;
    }
    case 'network': {
      const { receivedBytes, reason } = cause.detail;
      return receivedBytes === null
        ? `could not connect to ${url} (${safeEcho(reason, 200)}; the server may be down, or it may not allow cross-origin requests)`
        : `connection lost after ${bytes(receivedBytes)} bytes (${safeEcho(reason, 200)})`;
    }
    case 'redirect':
      return `${url} redirected to another origin (${safeEcho(cause.detail.toOrigin, MAX_URL)}); redirects to other sites are not followed`;
    case 'html-page':
      return `${url} answered with an HTML page instead of the file (the file is probably missing there)`;
  }
}

function statusHint(status: number): string {
  if (status === 404) return ' (the file is not there)';
  if (status === 502 || status === 504) return ' (the server could not reach the source it relays; is it online?)';
  if (status === 401 || status === 403) return ' (the server refuses access)';
  return '';
}

function archiveWords(problem: ArchiveProblem): string {
  switch (problem) {
    case 'not-a-zip':
      return 'not a zip archive that can be read: it has no zip directory at its end (it is cut short, or not a zip file)';
    case 'inconsistent':
      return 'the archive is damaged: its directory does not match the entries it lists (their places or sizes are wrong)';
    case 'damaged-data':
      return 'the archive is damaged: the compressed data of an entry is corrupt';
    case 'unsupported':
      return 'the archive uses a zip feature the explorer does not read (a split archive, or a compression method other than deflate)';
    case 'unreadable':
      return 'the archive could not be read';
  }
}
