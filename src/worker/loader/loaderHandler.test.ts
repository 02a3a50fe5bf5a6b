import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { fileUrls } from '../../data/sources/sources';
import { gzipBytes, syntheticSplit } from '../../testing/idxFiles';
import { createLoaderHandler } from './loaderHandler';
import type { LoaderReply } from './protocol';

const BASE = 'http://files.test/mnist/';
const train = syntheticSplit(30);
const test = syntheticSplit(12, [7, 3]);
const rawFiles: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': train.images,
  'train-labels-idx1-ubyte.gz': train.labels,
  't10k-images-idx3-ubyte.gz': test.images,
  't10k-labels-idx1-ubyte.gz': test.labels,
};
const goodFiles: Record<string, Uint8Array> = {
  'train-images-idx3-ubyte.gz': gzipBytes(train.images),
  'train-labels-idx1-ubyte.gz': gzipBytes(train.labels),
  't10k-images-idx3-ubyte.gz': gzipBytes(test.images),
  't10k-labels-idx1-ubyte.gz': gzipBytes(test.labels),
};

/** A fetch over an in-memory folder: the network boundary, not the code under test. */
function folderFetch(files: Record<string, Uint8Array | number>, options: { stallOn?: string } = {}): typeof fetch {
  return (input, init) => Promise.resolve(respond(input instanceof Request ? input.url : input.toString(), init));
  function respond(url: string, init: RequestInit | undefined): Response {
    const name = url.slice(BASE.length);
    const body = files[name];
    if (body === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
    if (typeof body === 'number') return new Response('', { status: body });
    if (name === options.stallOn) {
      // Sends the first half, then never finishes until aborted.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(body.subarray(0, body.length >> 1));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(stream, { headers: { 'content-length': String(body.length) } });
    }
    return new Response(body.slice(), { headers: { 'content-length': String(body.length) } });
  }
}

function run(fetchImpl: typeof fetch, shared = false, stallTimeoutMs?: number) {
  const replies: LoaderReply[] = [];
  let settle: () => void = () => {};
  const done = new Promise<void>((resolve) => (settle = resolve));
  const handle = createLoaderHandler({
    fetch: fetchImpl,
    shared,
    stallTimeoutMs,
    post: (reply) => {
      replies.push(reply);
      if (isOutcome(reply)) settle();
    },
  });
  return { handle, replies, done };
}

/** How a load ends; progress, partial data, hashes and caching are on the way or after. */
const isOutcome = (r: LoaderReply) => r.type === 'loaded' || r.type === 'error' || r.type === 'cancelled';
const final = (replies: LoaderReply[]) => replies.filter(isOutcome);

describe('loader worker protocol', () => {
  it('reports progress per file, then the decoded dataset', async () => {
    const { handle, replies, done } = run(folderFetch(goodFiles));
    handle({ type: 'load', requestId: 1, urls: fileUrls(BASE) });
    await done;
    const loaded = final(replies).at(-1);
    if (loaded?.type !== 'loaded') throw new Error(`expected loaded, got ${JSON.stringify(loaded)}`);
    expect(loaded.requestId).toBe(1);
    expect(loaded.dataset.train.count).toBe(30);
    expect(loaded.dataset.test.count).toBe(12);
    expect(Array.from(loaded.dataset.test.labels.subarray(0, 4))).toEqual([7, 3, 7, 3]);
    expect(loaded.dataset.train.images).toEqual(train.images.subarray(16));
    const progressed = new Set(replies.filter((r) => r.type === 'progress').map((r) => r.type === 'progress' && r.slot));
    expect(progressed).toEqual(new Set(MNIST_FILES.map((f) => f.slot)));
    // Progress is throttled (the dataset itself says "all of it"), but always within the file.
    const size = goodFiles['train-images-idx3-ubyte.gz']!.length;
    for (const r of replies) {
      if (r.type !== 'progress' || r.slot !== 'train-images') continue;
      expect(r.progress.total).toBe(size);
      expect(r.progress.received).toBeLessThanOrEqual(size);
    }
  });

  it('describes each file, then sends the SHA-256 of the served bytes after the data', async () => {
    const replies: LoaderReply[] = [];
    let hashed: () => void = () => {};
    const done = new Promise<void>((r) => (hashed = r));
    const handle = createLoaderHandler({
      fetch: folderFetch(goodFiles),
      shared: false,
      post: (reply) => {
        replies.push(reply);
        if (reply.type === 'hashes') hashed();
      },
    });
    handle({ type: 'load', requestId: 9, urls: fileUrls(BASE) });
    await done;
    const loaded = replies.find((r) => r.type === 'loaded');
    if (loaded?.type !== 'loaded') throw new Error('no loaded reply');
    const info = loaded.files.find((f) => f.slot === 'test-images')!;
    expect(info).toMatchObject({ servedBytes: goodFiles['t10k-images-idx3-ubyte.gz']!.length, format: 'gzip', magic: '00 00 08 03', dims: [12, 28, 28], inflatedBytes: 16 + 12 * 784, sha256: null });
    expect(new Uint8Array(await info.blob.arrayBuffer())).toEqual(goodFiles['t10k-images-idx3-ubyte.gz']);
    const hashes = replies.filter((r) => r.type !== 'idle').at(-1);
    if (hashes?.type !== 'hashes') throw new Error('hashes must come last (before idle)');
    for (const { slot, name } of MNIST_FILES) {
      expect(hashes.sha256[slot]).toBe(createHash('sha256').update(goodFiles[name]!).digest('hex'));
      // The IDX hash is of the file as inflated: the raw bytes the .gz was made from.
      expect(hashes.idxSha256[slot]).toBe(createHash('sha256').update(rawFiles[name]!).digest('hex'));
    }
  });

  it('decodes into SharedArrayBuffers when the page is cross-origin isolated', async () => {
    const { handle, replies, done } = run(folderFetch(goodFiles), true);
    handle({ type: 'load', requestId: 2, urls: fileUrls(BASE) });
    await done;
    const loaded = replies.find((r) => r.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.shared).toBe(true);
    expect(loaded?.type === 'loaded' && loaded.dataset.train.images.buffer).toBeInstanceOf(SharedArrayBuffer);
    // Before that, the training digits decoded so far, in the very buffers being filled.
    const partial = replies.find((r) => r.type === 'partial');
    if (partial?.type !== 'partial' || loaded?.type !== 'loaded') throw new Error('expected partial data before the dataset');
    expect(replies.indexOf(partial)).toBeLessThan(replies.indexOf(loaded));
    expect(partial.dataset.train.count).toBeGreaterThan(0);
    expect(partial.dataset.train.images.buffer).toBe(loaded.dataset.train.images.buffer);
    expect(partial.dataset.test.count).toBe(0);
  });

  it('names the file and the HTTP status when a file is missing', async () => {
    const { 't10k-labels-idx1-ubyte.gz': _, ...missing } = goodFiles;
    const { handle, replies, done } = run(folderFetch(missing));
    handle({ type: 'load', requestId: 3, urls: fileUrls(BASE) });
    await done;
    expect(final(replies)).toEqual([
      {
        type: 'error',
        requestId: 3,
        file: 'test-labels',
        url: `${BASE}t10k-labels-idx1-ubyte.gz`,
        message: `t10k-labels-idx1-ubyte.gz: HTTP 404 Not Found from ${BASE}t10k-labels-idx1-ubyte.gz (the file is not there)`,
      },
    ]);
  });

  it('names the labels file when its count disagrees with the images', async () => {
    const files = { ...goodFiles, 'train-labels-idx1-ubyte.gz': gzipBytes(syntheticSplit(29).labels) };
    const { handle, replies, done } = run(folderFetch(files));
    handle({ type: 'load', requestId: 4, urls: fileUrls(BASE) });
    await done;
    expect(final(replies)[0]).toMatchObject({ type: 'error', file: 'train-labels', message: expect.stringMatching(/29 labels but .* 30 images/) });
  });

  it('names the file and the decoder reason for a corrupt file', async () => {
    const files = { ...goodFiles, 't10k-images-idx3-ubyte.gz': goodFiles['t10k-images-idx3-ubyte.gz']!.subarray(0, 100) };
    const { handle, replies, done } = run(folderFetch(files));
    handle({ type: 'load', requestId: 5, urls: fileUrls(BASE) });
    await done;
    expect(final(replies)[0]).toMatchObject({ type: 'error', file: 'test-images', message: expect.stringContaining('cut short') });
  });

  it('fails a file whose server stops sending, naming it and how much arrived', async () => {
    const { handle, replies, done } = run(folderFetch(goodFiles, { stallOn: 'train-images-idx3-ubyte.gz' }), false, 60);
    handle({ type: 'load', requestId: 10, urls: fileUrls(BASE) });
    await done;
    const half = goodFiles['train-images-idx3-ubyte.gz']!.length >> 1;
    expect(final(replies)).toEqual([
      expect.objectContaining({
        type: 'error',
        file: 'train-images',
        message: `train-images-idx3-ubyte.gz: the server stalled: no data for 0.1 s after ${half.toLocaleString('en-US')} bytes`,
      }),
    ]);
  });

  it('refuses, unread, a file declaring more than the request allows', async () => {
    const { handle, replies, done } = run(folderFetch(goodFiles));
    handle({ type: 'load', requestId: 11, urls: fileUrls(BASE), maxBytes: 20 * 784 });
    await done;
    expect(final(replies)[0]).toMatchObject({
      type: 'error',
      file: 'train-images',
      message: expect.stringContaining('30 × 28 × 28 = 23,520 bytes, over the limit of 15,680'),
    });
  });

  it('refuses the file that would take the whole dataset past its limit, before allocating it, naming it', async () => {
    const { handle, replies, done } = run(folderFetch(goodFiles));
    // The four files declare 23,520 + 30 + 9,408 + 12 = 32,970 bytes.
    handle({ type: 'load', requestId: 13, urls: fileUrls(BASE), maxTotalBytes: 30_000 });
    await done;
    const outcome = final(replies)[0];
    expect(outcome).toMatchObject({ type: 'error', message: expect.stringMatching(/over the limit of 30,000 for a whole dataset .*nothing was allocated for it/) });
    expect(outcome?.type === 'error' && MNIST_FILES.some((f) => f.slot === outcome.file && outcome.message.startsWith(`${f.name}: its `))).toBe(true);
    const { handle: again, replies: fine, done: loaded } = run(folderFetch(goodFiles));
    again({ type: 'load', requestId: 14, urls: fileUrls(BASE), maxTotalBytes: 32_970 });
    await loaded;
    expect(final(fine)[0]?.type).toBe('loaded');
  });

  it('stops reading a file at the size limit, even where the decoders see nothing wrong (endless empty gzip members)', async () => {
    const emptyMember = gzipBytes(new Uint8Array(0));
    const padded = new Uint8Array(goodFiles['t10k-labels-idx1-ubyte.gz']!.length + 6000 * emptyMember.length);
    padded.set(goodFiles['t10k-labels-idx1-ubyte.gz']!);
    for (let i = 0; i < 6000; i++) padded.set(emptyMember, goodFiles['t10k-labels-idx1-ubyte.gz']!.length + i * emptyMember.length);
    const { handle, replies, done } = run(folderFetch({ ...goodFiles, 't10k-labels-idx1-ubyte.gz': padded }));
    handle({ type: 'load', requestId: 12, urls: fileUrls(BASE), maxBytes: 30 * 784 });
    await done;
    expect(final(replies)[0]).toMatchObject({
      type: 'error',
      file: 'test-labels',
      message: expect.stringContaining('more data than the file holds'),
    });
  });

  it('cancels a load in flight', async () => {
    const { handle, replies, done } = run(folderFetch(goodFiles, { stallOn: 'train-images-idx3-ubyte.gz' }));
    handle({ type: 'load', requestId: 6, urls: fileUrls(BASE) });
    await new Promise((r) => setTimeout(r, 20));
    handle({ type: 'cancel', requestId: 6 });
    await done;
    expect(final(replies)).toEqual([{ type: 'cancelled', requestId: 6 }]);
  });

  it('lets a newer load supersede an older one, replying to each by id', async () => {
    const replies: LoaderReply[] = [];
    const stalled = folderFetch(goodFiles, { stallOn: 'train-images-idx3-ubyte.gz' });
    const good = folderFetch(goodFiles);
    let calls = 0;
    let finished: () => void = () => {};
    const bothDone = new Promise<void>((r) => (finished = r));
    const handle = createLoaderHandler({
      // The first load's four requests stall on train images; the second load's succeed.
      fetch: (input, init) => (calls++ < 4 ? stalled(input, init) : good(input, init)),
      shared: false,
      post: (reply) => {
        replies.push(reply);
        if (final(replies).length === 2) finished();
      },
    });
    handle({ type: 'load', requestId: 7, urls: fileUrls(BASE) });
    await new Promise((r) => setTimeout(r, 20));
    handle({ type: 'load', requestId: 8, urls: fileUrls(BASE) });
    await bothDone;
    expect(final(replies).map((r) => [r.type, r.requestId])).toEqual(
      expect.arrayContaining([
        ['cancelled', 7],
        ['loaded', 8],
      ]),
    );
    expect(replies.some((r) => r.type === 'progress' && r.requestId === 7 && replies.indexOf(r) > replies.findIndex((x) => x.type === 'cancelled'))).toBe(false);
  });

  describe('a source with a relay (Azure)', () => {
    const DIRECT = 'https://blob.test/mnist/';
    const RELAY = 'http://app.test/azure-mnist/';
    /** Direct URLs behave as `direct` says; relay URLs serve the files unless `relayMissing`. */
    function twoWayFetch(direct: 'cors' | 'no-cors', relayMissing = false) {
      const asked: string[] = [];
      const relay = folderFetch(goodFiles);
      const fetchImpl: typeof fetch = (input, init) => {
        const url = input instanceof Request ? input.url : input.toString();
        asked.push(`${init?.method ?? 'GET'} ${url}`);
        if (url.startsWith(DIRECT)) {
          // A host without CORS headers looks to the page like a network failure.
          if (direct === 'no-cors') return Promise.reject(new TypeError('Failed to fetch'));
          return relay(url.replace(DIRECT, BASE), init);
        }
        if (relayMissing) return Promise.resolve(new Response('not found', { status: 404, statusText: 'Not Found' }));
        return relay(url.replace(RELAY, BASE), init);
      };
      return { fetchImpl, asked };
    }

    it('reads the files directly when the host allows it, asking once', async () => {
      const { fetchImpl, asked } = twoWayFetch('cors');
      const { handle, replies, done } = run(fetchImpl);
      handle({ type: 'load', requestId: 1, urls: fileUrls(DIRECT), relayUrls: fileUrls(RELAY) });
      await done;
      const loaded = replies.find((r) => r.type === 'loaded');
      if (loaded?.type !== 'loaded') throw new Error('expected a dataset');
      expect(loaded.files.map((f) => f.url)).toEqual(MNIST_FILES.map((f) => `${DIRECT}${f.name}`));
      expect(asked.filter((a) => a.includes(RELAY))).toEqual([]);
      expect(asked[0]).toBe(`HEAD ${DIRECT}t10k-labels-idx1-ubyte.gz`);
    });

    it('goes through the relay when the browser may not read the host', async () => {
      const { fetchImpl, asked } = twoWayFetch('no-cors');
      const { handle, replies, done } = run(fetchImpl);
      handle({ type: 'load', requestId: 1, urls: fileUrls(DIRECT), relayUrls: fileUrls(RELAY) });
      await done;
      const loaded = replies.find((r) => r.type === 'loaded');
      if (loaded?.type !== 'loaded') throw new Error('expected a dataset');
      expect(loaded.dataset.train.count).toBe(30);
      expect(loaded.files.map((f) => f.url)).toEqual(MNIST_FILES.map((f) => `${RELAY}${f.name}`));
      expect(asked.filter((a) => a.includes(DIRECT))).toHaveLength(1);
    });

    it('says there is no relay on this host when neither way works, naming the file and the cause', async () => {
      const { fetchImpl } = twoWayFetch('no-cors', true);
      const { handle, replies, done } = run(fetchImpl);
      handle({ type: 'load', requestId: 1, urls: fileUrls(DIRECT), relayUrls: fileUrls(RELAY) });
      await done;
      const error = final(replies).at(-1);
      if (error?.type !== 'error') throw new Error('expected an error');
      expect(error.message).toMatch(/404/);
      expect(error.message).toContain('no working relay at /azure-mnist/');
      expect(error.message).toContain('static host');
      expect(error.message).toContain('CORS');
    });

    it('does not blame the relay for a source that has none', async () => {
      const { handle, replies, done } = run(folderFetch({}));
      handle({ type: 'load', requestId: 1, urls: fileUrls(BASE) });
      await done;
      const error = final(replies).at(-1);
      if (error?.type !== 'error') throw new Error('expected an error');
      expect(error.message).not.toContain('relay');
    });
  });

  it('starts its after-load work (hashing) only once the page says it drew the data', async () => {
    const replies: LoaderReply[] = [];
    let loaded: () => void = () => {};
    let hashed: () => void = () => {};
    const loadedNow = new Promise<void>((r) => (loaded = r));
    const hashedNow = new Promise<void>((r) => (hashed = r));
    const handle = createLoaderHandler({
      fetch: folderFetch(goodFiles),
      shared: true,
      shownTimeoutMs: 60_000,
      post: (reply) => {
        replies.push(reply);
        if (reply.type === 'loaded') loaded();
        if (reply.type === 'hashes') hashed();
      },
    });
    handle({ type: 'load', requestId: 4, urls: fileUrls(BASE) });
    await loadedNow;
    // Time for any hashing that does not wait: none may happen.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(replies.some((r) => r.type === 'hashes')).toBe(false);
    handle({ type: 'shown', requestId: 4 });
    await hashedNow;
    expect(replies.filter((r) => r.type !== 'idle').at(-1)?.type).toBe('hashes');
  });

  it('says it is idle once all work for the newest load is over (data shown, hashed), never for a superseded one', async () => {
    const replies: LoaderReply[] = [];
    let idle: () => void = () => {};
    const idleNow = new Promise<void>((r) => (idle = r));
    // The first load stalls on one file until it is superseded; the second gets every file.
    const stalling = folderFetch(goodFiles, { stallOn: 't10k-images-idx3-ubyte.gz' });
    const whole = folderFetch(goodFiles);
    let loads = 0;
    const fetchImpl: typeof fetch = (input, init) => ((input instanceof Request ? input.url : input.toString()).endsWith('t10k-images-idx3-ubyte.gz') && loads++ === 0 ? stalling : whole)(input, init);
    const handle = createLoaderHandler({
      fetch: fetchImpl,
      shared: true,
      shownTimeoutMs: 60_000,
      post: (reply) => {
        replies.push(reply);
        if (reply.type === 'loaded') handle({ type: 'shown', requestId: reply.requestId });
        if (reply.type === 'idle') idle();
      },
    });
    handle({ type: 'load', requestId: 1, urls: fileUrls(BASE) });
    await new Promise((r) => setTimeout(r, 20));
    handle({ type: 'load', requestId: 2, urls: fileUrls(BASE) });
    await idleNow;
    await new Promise((r) => setTimeout(r, 20));
    expect(replies.filter((r) => r.type === 'idle')).toEqual([{ type: 'idle', requestId: 2 }]);
    expect(replies.some((r) => r.type === 'cancelled' && r.requestId === 1)).toBe(true);
    // Last of all: after the data and its hashes.
    expect(replies.at(-1)).toEqual({ type: 'idle', requestId: 2 });
    const loadedAt = replies.findIndex((r) => r.type === 'loaded' && r.requestId === 2);
    expect(loadedAt).toBeGreaterThanOrEqual(0);
    expect(replies.findIndex((r) => r.type === 'hashes' && r.requestId === 2)).toBeGreaterThan(loadedAt);
  });

  it('says it is idle after a failed load too', async () => {
    const { handle, replies, done } = run(folderFetch({ ...goodFiles, 't10k-labels-idx1-ubyte.gz': 404 }));
    handle({ type: 'load', requestId: 7, urls: fileUrls(BASE) });
    await done;
    await new Promise((r) => setTimeout(r, 0));
    expect(replies.at(-2)?.type).toBe('error');
    expect(replies.at(-1)).toEqual({ type: 'idle', requestId: 7 });
  });
});
