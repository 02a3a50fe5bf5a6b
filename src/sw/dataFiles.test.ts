import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HAND_OVER_CACHE, KEPT_DATA_FILES_CACHE, KEPT_SHA256_HEADER, type DataFileHash } from '../data/sources/keptDataFiles';
import { MemoryCacheStorage } from '../testing/memoryCaches';
import { adoptHandedOver, forgetStaleKept, keepFetched, keptAnswer } from './dataFiles';

const BASE = 'https://app.test/octo/serviceWorker.js';
const url = (name: string) => `https://app.test/octo/data/${name}`;
const bytesOf = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const images = bytesOf(5000, 1);
const labels = bytesOf(300, 2);
// The build's list, computed here with Node's own hash, not the code under test.
const hashOf = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FILES: DataFileHash[] = [
  { path: 'data/images.gz', bytes: images.length, sha256: hashOf(images) },
  { path: 'data/labels.gz', bytes: labels.length, sha256: hashOf(labels) },
];
const answer = (bytes: Uint8Array, status = 200) => new Response(bytes.slice(), { status, headers: { 'content-type': 'application/gzip', etag: '"v1"' } });

async function handedOver(entries: [string, Response][]): Promise<MemoryCacheStorage> {
  const storage = new MemoryCacheStorage();
  const handOver = await storage.open(HAND_OVER_CACHE);
  for (const [u, r] of entries) await handOver.put(u, r);
  return storage;
}

describe('the service worker keeps the data files the page fetched', () => {
  it('adopts complete answers that are the build’s files byte for byte, with their validators, and empties the hand-over', async () => {
    const storage = await handedOver([
      [url('images.gz'), answer(images)],
      [url('labels.gz'), answer(labels)],
    ]);
    const adoption = await adoptHandedOver(storage.asCacheStorage, FILES, BASE);
    expect(adoption).toEqual({ adopted: [url('images.gz'), url('labels.gz')], refused: [] });
    expect(await storage.has(HAND_OVER_CACHE)).toBe(false);
    const kept = await keptAnswer(storage.asCacheStorage, `${url('images.gz')}?v=2`, FILES, BASE);
    expect(new Uint8Array(await kept!.arrayBuffer())).toEqual(images);
    expect(kept!.headers.get('etag')).toBe('"v1"');
    expect(kept!.headers.get(KEPT_SHA256_HEADER)).toBe(hashOf(images));
  });

  it('never keeps a range, a cut-short, a changed or an unreadable answer, nor another file; drops them all', async () => {
    const changed = images.slice();
    changed[1234]! ^= 1;
    const storage = await handedOver([
      [url('images.gz'), answer(images, 206)],
      [url('labels.gz'), answer(labels.subarray(0, 200))],
      ['https://app.test/octo/assets/index.js', answer(labels)],
    ]);
    (await storage.open(HAND_OVER_CACHE)).putDamaged(url('other.gz'));
    let adoption = await adoptHandedOver(storage.asCacheStorage, FILES, BASE);
    expect(adoption.adopted).toEqual([]);
    expect(Object.fromEntries(adoption.refused.map((r) => [r.url, r.refused]))).toEqual({
      [url('images.gz')]: { reason: 'status', status: 206 },
      [url('labels.gz')]: { reason: 'size', bytes: 200, expected: labels.length },
      'https://app.test/octo/assets/index.js': { reason: 'not-a-data-file' },
      [url('other.gz')]: { reason: 'not-a-data-file' },
    });
    // A wrong hash (same size), and a damaged entry of a data file.
    const second = await handedOver([[url('images.gz'), answer(changed)]]);
    (await second.open(HAND_OVER_CACHE)).putDamaged(url('labels.gz'));
    adoption = await adoptHandedOver(second.asCacheStorage, FILES, BASE);
    expect(adoption.adopted).toEqual([]);
    expect(adoption.refused.map((r) => r.refused.reason)).toEqual(['sha256', 'unreadable']);
    for (const s of [storage, second]) {
      expect(await s.has(HAND_OVER_CACHE)).toBe(false);
      expect((await s.open(KEPT_DATA_FILES_CACHE)).entries.size).toBe(0);
    }
  });

  it('with nothing handed over, adopts nothing and does not fail', async () => {
    const storage = new MemoryCacheStorage();
    expect(await adoptHandedOver(storage.asCacheStorage, FILES, BASE)).toEqual({ adopted: [], refused: [] });
  });

  it('keeps a network answer by the same rule, and answers only with files of this build', async () => {
    const storage = new MemoryCacheStorage();
    const s = storage.asCacheStorage;
    expect(await keepFetched(s, url('labels.gz'), answer(labels.subarray(1)), FILES, BASE)).toBe(false);
    expect(await keepFetched(s, 'https://app.test/octo/index.html', answer(labels), FILES, BASE)).toBe(false);
    expect(await keptAnswer(s, url('labels.gz'), FILES, BASE)).toBeNull();
    expect(await keepFetched(s, url('labels.gz'), answer(labels), FILES, BASE)).toBe(true);
    expect(new Uint8Array(await (await keptAnswer(s, url('labels.gz'), FILES, BASE))!.arrayBuffer())).toEqual(labels);
    // A new build publishes other labels: the old kept file is not answered, and is forgotten.
    const newer: DataFileHash[] = [FILES[0]!, { path: 'data/labels.gz', bytes: labels.length, sha256: hashOf(bytesOf(300, 9)) }];
    expect(await keptAnswer(s, url('labels.gz'), newer, BASE)).toBeNull();
    await forgetStaleKept(s, newer, BASE);
    expect((await storage.open(KEPT_DATA_FILES_CACHE)).entries.size).toBe(0);
  });
});
