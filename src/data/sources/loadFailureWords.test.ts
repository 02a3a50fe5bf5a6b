import { describe, expect, it } from 'vitest';
import { failureOf, type LoadFailureCause, type LoadFailureCode } from './loadFailure';
import { loadFailureWords } from './loadFailureWords';

const FILE = { slot: 'train-labels', name: 'train-labels-idx1-ubyte.gz', url: 'http://files.test/train-labels-idx1-ubyte.gz' } as const;
const reason = (text: string) => ({ reason: text });

/** One failure of every code, and what its words must say: a new code fails to compile here until it has words. */
const EXAMPLES = {
  'not-gzip-or-idx': [{ code: 'not-gzip-or-idx', detail: reason('not gzip or IDX: starts with 3c 21') }, /not gzip or IDX/],
  'gzip-corrupt': [{ code: 'gzip-corrupt', detail: reason('gzip CRC check failed: the file is corrupt') }, /CRC/],
  'gzip-truncated': [{ code: 'gzip-truncated', detail: reason('gzip stream is cut short') }, /cut short/],
  'gzip-trailing-data': [{ code: 'gzip-trailing-data', detail: reason('more data than the file holds: bytes after the end') }, /more data/],
  'idx-bad-magic': [{ code: 'idx-bad-magic', detail: reason('wrong magic number 12 34 08 01') }, /magic/],
  'idx-unsupported-type': [{ code: 'idx-unsupported-type', detail: reason('IDX element type 0x0D (float32) is not supported') }, /float32/],
  'idx-bad-dimensions': [{ code: 'idx-bad-dimensions', detail: reason('IDX dimension 2 is 0') }, /dimension/],
  'idx-too-large': [{ code: 'idx-too-large', detail: reason('over the limit of 1,024') }, /limit/],
  'idx-truncated': [{ code: 'idx-truncated', detail: reason('file is empty') }, /empty/],
  'idx-too-long': [{ code: 'idx-too-long', detail: reason('file is longer than its IDX header declares') }, /longer/],
  'dataset-mismatch': [{ code: 'dataset-mismatch', detail: reason('has 29 labels but x has 30 images') }, /29 labels/],
  http: [{ code: 'http', detail: { status: 403, statusText: 'Forbidden' } }, /HTTP 403 Forbidden from http:\/\/files\.test\/.*refuses access/],
  stall: [{ code: 'stall', detail: { seconds: 10, receivedBytes: 12345 } }, /no data for 10 s after 12,345 bytes/],
  network: [{ code: 'network', detail: { receivedBytes: null, reason: 'Failed to fetch' } }, /could not connect to http:\/\/files\.test\//],
  redirect: [{ code: 'redirect', detail: { toOrigin: 'http://elsewhere.test' } }, /another origin \(http:\/\/elsewhere\.test\)/],
  'html-page': [{ code: 'html-page', detail: { contentType: 'text/html' } }, /HTML page/],
  'too-large': [{ code: 'too-large', detail: { limitBytes: 2_000_000 } }, /over 2,000,000 bytes/],
  'relay-missing': [
    { code: 'relay-missing', detail: { relayPath: '/azure-mnist/', cause: { code: 'http', detail: { status: 404, statusText: 'Not Found' } } } },
    /HTTP 404 Not Found .*no working relay at \/azure-mnist\/.*static host/,
  ],
  archive: [{ code: 'archive', detail: { problem: 'inconsistent', reason: 'Local file header not found' } }, /archive is damaged.*Local file header not found/],
  'archive-encrypted': [{ code: 'archive-encrypted', detail: {} }, /password-protected archives are not read/],
  'files-unmatched': [{ code: 'files-unmatched', detail: reason('“a.gz” has no labels file beside it') }, /no labels file/],
  'archive-with-files': [{ code: 'archive-with-files', detail: {} }, /open the archive on its own/],
  'local-only': [{ code: 'local-only', detail: { datasetTitle: 'EMNIST Letters' } }, /EMNIST Letters has no files to load from a URL/],
  'worker-crashed': [{ code: 'worker-crashed', detail: reason('out of memory') }, /loader worker failed \(out of memory\).*Retry/],
  unexpected: [{ code: 'unexpected', detail: reason('TypeError: x is undefined') }, /unexpected failure: TypeError/],
} satisfies { [C in LoadFailureCode]: [LoadFailureCause & { readonly code: C }, RegExp] };

describe('a failed load in words', () => {
  for (const [code, [cause, words]] of Object.entries(EXAMPLES)) {
    it(`${code}: names the file, then the cause`, () => {
      const sentence = loadFailureWords(failureOf(cause, FILE));
      expect(sentence.startsWith('train-labels-idx1-ubyte.gz: ')).toBe(true);
      expect(sentence).toMatch(words);
    });
  }

  it('says only the cause when the failure is about no one file', () => {
    expect(loadFailureWords(failureOf({ code: 'worker-crashed', detail: reason('boom') }))).toMatch(/^the loader worker failed/);
  });

  it('shows a visitor’s file name safe: no control or bidi character reaches the page, and not endless', () => {
    const sentence = loadFailureWords(failureOf({ code: 'archive-encrypted', detail: {} }, { slot: null, name: `evil\u202Egpj.zip${'x'.repeat(500)}`, url: null }));
    expect(sentence).not.toMatch(/\u202E/);
    expect(sentence).toContain('evil?gpj.zip');
    expect(sentence.length).toBeLessThan(400);
  });

  it('says a success without a body is an empty response, not an HTTP error', () => {
    expect(loadFailureWords(failureOf({ code: 'http', detail: { status: 204, statusText: 'No Content' } }, FILE))).toMatch(/empty response \(HTTP 204\)/);
  });
});
