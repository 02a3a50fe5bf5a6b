import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { HAND_OVER_CACHE, KEPT_DATA_FILES_CACHE, KEPT_SHA256_HEADER, type DataFileHash } from '../../data/sources/keptDataFiles';
import { fileUrls } from '../../data/sources/sources';
import { adoptHandedOver } from '../../sw/dataFiles';
import { BASE, folderFetch, goodFiles } from '../../testing/loaderHarness';
import { MemoryCacheStorage } from '../../testing/memoryCaches';
import { servedBytesKeptByServiceWorker } from './keptByServiceWorker';
import { createLoaderHandler } from './loaderHandler';
import type { LoaderReply } from './protocol';

const hashOf = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** The build's list for the four files under BASE, computed here with Node's own hash. */
const BUILD: DataFileHash[] = MNIST_FILES.map(({ name }) => ({ path: name, bytes: goodFiles[name]!.length, sha256: hashOf(goodFiles[name]!) }));

/** Loads the four files with `handOver` asked for; resolves with the replies once the worker is idle. */
async function loadHandingOver(storage: MemoryCacheStorage, files: Parameters<typeof folderFetch>[0], handOver = true): Promise<LoaderReply[]> {
  const replies: LoaderReply[] = [];
  await new Promise<void>((resolve) => {
    const handle = createLoaderHandler({
      fetch: folderFetch(files),
      caches: storage.asCacheStorage,
      shared: false,
      shownTimeoutMs: 0,
      post: (reply) => {
        replies.push(reply);
        if (reply.type === 'idle') resolve();
      },
    });
    handle({ type: 'load', requestId: 1, urls: fileUrls(BASE), handOver });
  });
  return replies;
}

describe('the loader hands a first visit’s answers to the service worker', () => {
  it('puts each complete answer, its bytes as served, into the hand-over, which the service worker adopts whole', async () => {
    const storage = new MemoryCacheStorage();
    const replies = await loadHandingOver(storage, goodFiles);
    expect(replies.some((r) => r.type === 'loaded')).toBe(true);
    const handOver = await storage.open(HAND_OVER_CACHE);
    expect(handOver.entries.size).toBe(4);
    for (const { name } of MNIST_FILES) {
      const answer = (await handOver.match(`${BASE}${name}`))!;
      expect(answer.status).toBe(200);
      expect(new Uint8Array(await answer.arrayBuffer())).toEqual(goodFiles[name]);
    }
    const adoption = await adoptHandedOver(storage.asCacheStorage, BUILD, BASE);
    expect(adoption.adopted).toHaveLength(4);
    expect(adoption.refused).toEqual([]);
    // What the kept decoded copy records of its files (URL, served bytes' SHA-256) is now what the worker keeps.
    const kept = MNIST_FILES.map(({ name }) => ({ url: `${BASE}${name}`, sha256: hashOf(goodFiles[name]!) }));
    expect(await servedBytesKeptByServiceWorker(kept, storage.asCacheStorage)).toBe(true);
  });

  it('hands nothing over unless asked, and never a range (206) or an answer cut short', async () => {
    const none = new MemoryCacheStorage();
    await loadHandingOver(none, goodFiles, false);
    expect(await none.has(HAND_OVER_CACHE)).toBe(false);

    const labels = goodFiles['train-labels-idx1-ubyte.gz']!;
    const testLabels = goodFiles['t10k-labels-idx1-ubyte.gz']!;
    const storage = new MemoryCacheStorage();
    await loadHandingOver(storage, {
      ...goodFiles,
      // A whole file, but as a range answer; and one whose Content-Length promised more than came.
      'train-labels-idx1-ubyte.gz': () => new Response(labels.slice(), { status: 206, headers: { 'content-length': String(labels.length) } }),
      't10k-labels-idx1-ubyte.gz': () => new Response(testLabels.slice(), { headers: { 'content-length': String(testLabels.length + 10) } }),
    });
    const handed = [...(await storage.open(HAND_OVER_CACHE)).entries.keys()];
    expect(handed.sort()).toEqual([`${BASE}t10k-images-idx3-ubyte.gz`, `${BASE}train-images-idx3-ubyte.gz`]);
  });
});

describe('offline, a kept copy stands for the server only if its files are what the service worker keeps', () => {
  const files = MNIST_FILES.map(({ name }) => ({ url: `${BASE}${name}`, sha256: hashOf(goodFiles[name]!) }));

  async function keptBy(entries: readonly { url: string; sha256: string; status?: number }[]): Promise<MemoryCacheStorage> {
    const storage = new MemoryCacheStorage();
    const kept = await storage.open(KEPT_DATA_FILES_CACHE);
    for (const e of entries) await kept.put(e.url, new Response('x', { status: e.status ?? 200, headers: { [KEPT_SHA256_HEADER]: e.sha256 } }));
    return storage;
  }

  it('all four kept with the same SHA-256: yes', async () => {
    expect(await servedBytesKeptByServiceWorker(files, (await keptBy(files)).asCacheStorage)).toBe(true);
  });

  it('one kept with another SHA-256, one missing, a file never hashed, or no Cache Storage: no', async () => {
    const other = files.map((f, i) => (i === 2 ? { ...f, sha256: hashOf(new Uint8Array([1])) } : f));
    expect(await servedBytesKeptByServiceWorker(files, (await keptBy(other)).asCacheStorage)).toBe(false);
    expect(await servedBytesKeptByServiceWorker(files, (await keptBy(files.slice(1))).asCacheStorage)).toBe(false);
    const unhashed = files.map((f, i) => (i === 0 ? { ...f, sha256: null } : f));
    expect(await servedBytesKeptByServiceWorker(unhashed, (await keptBy(files)).asCacheStorage)).toBe(false);
    expect(await servedBytesKeptByServiceWorker(files, null)).toBe(false);
    expect(await servedBytesKeptByServiceWorker(files, new MemoryCacheStorage().asCacheStorage)).toBe(false);
  });
});
