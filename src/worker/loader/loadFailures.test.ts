// Every way a load fails, through the real handler: the code, the file (slot, own name, URL) and
// the facts in the 'error' reply, and a loose look at the words a person is shown for it.
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { loadFailureWords } from '../../data/sources/loadFailureWords';
import { fileUrls } from '../../data/sources/sources';
import { BASE, DIRECT, failureIn, final, folderFetch, goodFiles, RELAY, relayFetch, run } from '../../testing/loaderHarness';
import { gzipBytes, syntheticSplit } from '../../testing/idxFiles';

const TEST_LABELS = { slot: 'test-labels', name: 't10k-labels-idx1-ubyte.gz', url: `${BASE}t10k-labels-idx1-ubyte.gz` } as const;

async function failureOfLoad(fetchImpl: typeof fetch, request: { maxBytes?: number; maxTotalBytes?: number } = {}, stallTimeoutMs?: number) {
  const { handle, replies, done } = run(fetchImpl, false, stallTimeoutMs);
  handle({ type: 'load', requestId: 3, urls: fileUrls(BASE), ...request });
  await done;
  expect(final(replies)).toHaveLength(1);
  return failureIn(replies);
}

describe('a failed load says its code, its file and the facts', () => {
  it('http: the status of a missing file', async () => {
    const { 't10k-labels-idx1-ubyte.gz': _, ...missing } = goodFiles;
    const failure = await failureOfLoad(folderFetch(missing));
    expect(failure).toEqual({ code: 'http', detail: { status: 404, statusText: 'Not Found' }, ...TEST_LABELS });
    expect(loadFailureWords(failure)).toMatch(/^t10k-labels-idx1-ubyte\.gz: HTTP 404 Not Found from http:\/\/files\.test\/.* not there/);
  });

  it('http: a server error, without a status text', async () => {
    const failure = await failureOfLoad(folderFetch({ ...goodFiles, 't10k-labels-idx1-ubyte.gz': 500 }));
    expect(failure).toMatchObject({ code: 'http', detail: { status: 500 }, slot: 'test-labels' });
    expect(loadFailureWords(failure)).toMatch(/HTTP 500 from/);
  });

  it('network: no connection at all', async () => {
    const failure = await failureOfLoad(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(failure).toMatchObject({ code: 'network', detail: { receivedBytes: null, reason: 'Failed to fetch' } });
    expect(MNIST_FILES.some((f) => f.slot === failure.slot && f.name === failure.name)).toBe(true);
    expect(loadFailureWords(failure)).toMatch(/could not connect to .*Failed to fetch.*cross-origin/);
  });

  it('network: the connection lost mid-file, with how much arrived', async () => {
    const failure = await failureOfLoad(folderFetch(goodFiles, { dropOn: 'train-images-idx3-ubyte.gz' }));
    const half = goodFiles['train-images-idx3-ubyte.gz']!.length >> 1;
    expect(failure).toMatchObject({ code: 'network', detail: { receivedBytes: half }, slot: 'train-images', name: 'train-images-idx3-ubyte.gz' });
    expect(loadFailureWords(failure)).toMatch(/connection lost after [\d,]+ bytes/);
  });

  it('stall: a file whose server stops sending, naming it and how much arrived', async () => {
    const failure = await failureOfLoad(folderFetch(goodFiles, { stallOn: 'train-images-idx3-ubyte.gz' }), {}, 60);
    const half = goodFiles['train-images-idx3-ubyte.gz']!.length >> 1;
    expect(failure).toMatchObject({ code: 'stall', detail: { seconds: 0.06, receivedBytes: half }, slot: 'train-images' });
    expect(loadFailureWords(failure)).toBe(`train-images-idx3-ubyte.gz: the server stalled: no data for 0.1 s after ${half.toLocaleString('en-US')} bytes`);
  });

  it('stall: a server that never answers', async () => {
    const failure = await failureOfLoad(() => new Promise<Response>(() => {}), {}, 60);
    expect(failure).toMatchObject({ code: 'stall', detail: { receivedBytes: null } });
    expect(loadFailureWords(failure)).toMatch(/did not answer within 0\.1 s/);
  });

  it('redirect: to another origin, refused', async () => {
    const redirected = () => {
      const response = new Response(goodFiles['t10k-labels-idx1-ubyte.gz']!.slice());
      Object.defineProperties(response, { redirected: { value: true }, url: { value: 'http://elsewhere.test/t10k-labels-idx1-ubyte.gz' } });
      return response;
    };
    const failure = await failureOfLoad(folderFetch({ ...goodFiles, 't10k-labels-idx1-ubyte.gz': redirected }));
    expect(failure).toEqual({ code: 'redirect', detail: { toOrigin: 'http://elsewhere.test' }, ...TEST_LABELS });
    expect(loadFailureWords(failure)).toMatch(/redirected to another origin \(http:\/\/elsewhere\.test\)/);
  });

  it('html-page: a single-page app answering for a missing file', async () => {
    const page = () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const failure = await failureOfLoad(folderFetch({ ...goodFiles, 't10k-labels-idx1-ubyte.gz': page }));
    expect(failure).toEqual({ code: 'html-page', detail: { contentType: 'text/html; charset=utf-8' }, ...TEST_LABELS });
    expect(loadFailureWords(failure)).toMatch(/HTML page instead of the file/);
  });

  it('dataset-mismatch: the labels file whose count disagrees with the images', async () => {
    const failure = await failureOfLoad(folderFetch({ ...goodFiles, 'train-labels-idx1-ubyte.gz': gzipBytes(syntheticSplit(29).labels) }));
    expect(failure).toMatchObject({ code: 'dataset-mismatch', slot: 'train-labels', name: 'train-labels-idx1-ubyte.gz' });
    expect(loadFailureWords(failure)).toMatch(/^train-labels-idx1-ubyte\.gz: .*29 labels but .* 30 images/);
  });

  it('gzip-truncated: a file cut short, with the decoder’s reason', async () => {
    const failure = await failureOfLoad(folderFetch({ ...goodFiles, 't10k-images-idx3-ubyte.gz': goodFiles['t10k-images-idx3-ubyte.gz']!.subarray(0, 100) }));
    expect(failure).toMatchObject({ code: 'gzip-truncated', slot: 'test-images', name: 't10k-images-idx3-ubyte.gz' });
    expect(loadFailureWords(failure)).toContain('cut short');
  });

  it('idx-too-large: a file declaring more than the request allows, refused unread', async () => {
    const failure = await failureOfLoad(folderFetch(goodFiles), { maxBytes: 20 * 784 });
    expect(failure).toMatchObject({ code: 'idx-too-large', slot: 'train-images' });
    expect(loadFailureWords(failure)).toContain('30 × 28 × 28 = 23,520 bytes, over the limit of 15,680');
  });

  it('idx-too-large: the file that would take the whole dataset past its limit, before allocating it, named', async () => {
    // The four files declare 23,520 + 30 + 9,408 + 12 = 32,970 bytes.
    const failure = await failureOfLoad(folderFetch(goodFiles), { maxTotalBytes: 30_000 });
    expect(failure.code).toBe('idx-too-large');
    const file = MNIST_FILES.find((f) => f.slot === failure.slot);
    expect(failure.name).toBe(file?.name);
    expect(loadFailureWords(failure)).toMatch(new RegExp(`^${file!.name.replace(/\./g, '\\.')}: its .*over the limit of 30,000 for a whole dataset .*nothing was allocated for it`));
    const { handle, replies, done } = run(folderFetch(goodFiles));
    handle({ type: 'load', requestId: 14, urls: fileUrls(BASE), maxTotalBytes: 32_970 });
    await done;
    expect(final(replies)[0]?.type).toBe('loaded');
  });

  it('too-large: reading stops at the size limit, even where the decoders see nothing wrong (endless empty gzip members)', async () => {
    const emptyMember = gzipBytes(new Uint8Array(0));
    const good = goodFiles['t10k-labels-idx1-ubyte.gz']!;
    const padded = new Uint8Array(good.length + 6000 * emptyMember.length);
    padded.set(good);
    for (let i = 0; i < 6000; i++) padded.set(emptyMember, good.length + i * emptyMember.length);
    const failure = await failureOfLoad(folderFetch({ ...goodFiles, 't10k-labels-idx1-ubyte.gz': padded }), { maxBytes: 30 * 784 });
    expect(failure).toMatchObject({ code: 'too-large', slot: 'test-labels', detail: { limitBytes: expect.any(Number) } });
    expect(loadFailureWords(failure)).toContain('more data than the file holds');
  });

  describe('a source with a relay (Azure)', () => {
    it('relay-missing: neither way works; the file, the relay’s path and the relay’s own answer are said', async () => {
      const { fetchImpl } = relayFetch('no-cors', true);
      const { handle, replies, done } = run(fetchImpl);
      handle({ type: 'load', requestId: 1, urls: fileUrls(DIRECT), relayUrls: fileUrls(RELAY) });
      await done;
      const failure = failureIn(replies);
      expect(failure).toMatchObject({ code: 'relay-missing', detail: { relayPath: '/azure-mnist/', cause: { code: 'http', detail: { status: 404 } } } });
      expect(failure.url?.startsWith(RELAY)).toBe(true);
      expect(MNIST_FILES.some((f) => f.slot === failure.slot && f.name === failure.name)).toBe(true);
      const words = loadFailureWords(failure);
      expect(words).toMatch(/404/);
      expect(words).toContain('no working relay at /azure-mnist/');
      expect(words).toContain('static host');
      expect(words).toContain('CORS');
    });

    it('does not blame the relay for a source that has none', async () => {
      const failure = await failureOfLoad(folderFetch({}));
      expect(failure.code).toBe('http');
      expect(loadFailureWords(failure)).not.toContain('relay');
    });
  });
});
