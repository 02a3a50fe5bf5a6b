// The visitor's zip archive through the real handler, on real zip bytes: read entry by entry, and
// when it cannot be, a failure that says what is wrong with the archive (never a lost connection:
// an archive on this computer touches no network).
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { loadFailureWords } from '../../data/sources/loadFailureWords';
import { failureIn, final, goodFiles, run } from '../../testing/loaderHarness';
import { withCentralField, zipBytes, type ZipEntrySpec } from '../../testing/zipFiles';

/** Any network request fails the test: an archive is read where it is. */
const noNetwork: typeof fetch = (input) => Promise.reject(new Error(`network asked for ${input instanceof Request ? input.url : input.toString()}`));

const mnistEntries = (changes: Partial<Record<string, Partial<ZipEntrySpec>>> = {}): ZipEntrySpec[] =>
  MNIST_FILES.map((f) => ({ name: `mnist/${f.name}`, bytes: goodFiles[f.name]!, ...changes[f.name] }));

async function loadArchive(bytes: Uint8Array, name = 'mnist.zip') {
  const { handle, replies, done } = run(noNetwork);
  handle({ type: 'load', requestId: 1, urls: {}, local: { names: {}, archive: new File([bytes as BlobPart], name) } });
  await done;
  return replies;
}

describe('a zip archive of the files', () => {
  it('loads entry by entry, each named inside the archive', async () => {
    const replies = await loadArchive(await zipBytes(mnistEntries()));
    const loaded = final(replies)[0];
    if (loaded?.type !== 'loaded') throw new Error(`expected a dataset, got ${JSON.stringify(loaded)}`);
    expect(loaded.dataset.train.count).toBe(30);
    expect(loaded.files.map((f) => f.name)).toEqual(MNIST_FILES.map((f) => `mnist.zip/mnist/${f.name}`));
  });

  it('archive-encrypted: a password-protected entry is refused, by name, without asking for a password', async () => {
    const zip = await zipBytes(mnistEntries({ 't10k-labels-idx1-ubyte.gz': { password: 'secret' } }));
    const failure = failureIn(await loadArchive(zip));
    expect(failure).toMatchObject({ code: 'archive-encrypted', slot: 'test-labels', name: 'mnist.zip/mnist/t10k-labels-idx1-ubyte.gz' });
    const words = loadFailureWords(failure);
    expect(words).toMatch(/password-protected archives are not read/);
    expect(words).not.toMatch(/connection|bytes/);
  });

  it('archive (inconsistent): a central directory pointing an entry at the wrong place', async () => {
    const zip = withCentralField(await zipBytes(mnistEntries()), 'mnist/train-labels-idx1-ubyte.gz', 'localHeaderOffset', 7);
    const failure = failureIn(await loadArchive(zip));
    expect(failure).toMatchObject({
      code: 'archive',
      detail: { problem: 'inconsistent', reason: 'Local file header not found' },
      slot: 'train-labels',
      name: 'mnist.zip/mnist/train-labels-idx1-ubyte.gz',
    });
    const words = loadFailureWords(failure);
    expect(words).toMatch(/^mnist\.zip\/mnist\/train-labels-idx1-ubyte\.gz: the archive is damaged: its directory does not match/);
    expect(words).not.toMatch(/connection lost/);
  });

  it('archive (inconsistent): a central directory understating an entry’s size', async () => {
    const zip = withCentralField(await zipBytes(mnistEntries()), 'mnist/t10k-images-idx3-ubyte.gz', 'uncompressedSize', 100);
    const failure = failureIn(await loadArchive(zip));
    expect(failure).toMatchObject({ code: 'archive', detail: { problem: 'inconsistent' }, slot: 'test-images' });
    expect(loadFailureWords(failure)).toMatch(/the archive is damaged/);
  });

  it('archive (damaged-data): an entry whose compressed data cannot be inflated', async () => {
    const zip = withCentralField(await zipBytes(mnistEntries()), 'mnist/t10k-images-idx3-ubyte.gz', 'compressedSize', 10);
    const failure = failureIn(await loadArchive(zip));
    expect(failure).toMatchObject({ code: 'archive', detail: { problem: 'damaged-data' }, slot: 'test-images' });
    expect(loadFailureWords(failure)).toMatch(/the archive is damaged: the compressed data of an entry is corrupt/);
  });

  it('archive (not-a-zip): a cut-short archive, named by its own name', async () => {
    const zip = await zipBytes(mnistEntries());
    const failure = failureIn(await loadArchive(zip.subarray(0, zip.length - 30), 'broken.zip'));
    expect(failure).toEqual({ code: 'archive', detail: { problem: 'not-a-zip', reason: 'End of central directory not found' }, slot: null, name: 'broken.zip', url: null });
    expect(loadFailureWords(failure)).toMatch(/^broken\.zip: not a zip archive that can be read/);
  });

  it('files-unmatched: an archive without IDX files', async () => {
    const zip = await zipBytes([{ name: 'notes.txt', bytes: new TextEncoder().encode('no digits here') }]);
    const failure = failureIn(await loadArchive(zip, 'notes.zip'));
    expect(failure).toMatchObject({ code: 'files-unmatched', name: 'notes.zip', slot: null });
    expect(loadFailureWords(failure)).toBe('notes.zip: the archive holds no IDX image or label files');
  });
});
