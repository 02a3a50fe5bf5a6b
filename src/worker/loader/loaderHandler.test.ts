import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { fileUrls } from '../../data/sources/sources';
import { BASE, DIRECT, final, folderFetch, goodFiles, rawFiles, RELAY, relayFetch, run, train } from '../../testing/loaderHarness';
import { createLoaderHandler } from './loaderHandler';
import type { LoaderReply } from './protocol';

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
    it('reads the files directly when the host allows it, asking once', async () => {
      const { fetchImpl, asked } = relayFetch('cors');
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
      const { fetchImpl, asked } = relayFetch('no-cors');
      const { handle, replies, done } = run(fetchImpl);
      handle({ type: 'load', requestId: 1, urls: fileUrls(DIRECT), relayUrls: fileUrls(RELAY) });
      await done;
      const loaded = replies.find((r) => r.type === 'loaded');
      if (loaded?.type !== 'loaded') throw new Error('expected a dataset');
      expect(loaded.dataset.train.count).toBe(30);
      expect(loaded.files.map((f) => f.url)).toEqual(MNIST_FILES.map((f) => `${RELAY}${f.name}`));
      expect(asked.filter((a) => a.includes(DIRECT))).toHaveLength(1);
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
