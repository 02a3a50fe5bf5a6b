import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryDirectory } from '../../testing/memoryDirectory';
import { forgetResult, keepResult, KEPT_ROOT, readResult, RESULTS_DIR, setKeptRoot } from './keptStorage';

const bytes = (n: number) => () => Promise.resolve(new Uint8Array([n, n + 1, n + 2]));

describe('kept storage', () => {
  let disk: MemoryDirectory;
  beforeEach(() => {
    disk = new MemoryDirectory();
    setKeptRoot(disk.asHandle());
  });
  afterEach(() => setKeptRoot(null));

  const results = async () => (await (await disk.getDirectoryHandle(KEPT_ROOT)).getDirectoryHandle(RESULTS_DIR)).names();

  it('writes, reads back and forgets a result', async () => {
    expect(await readResult('map-1.bin')).toBeNull();
    expect(await keepResult('map-1.bin', bytes(7), 'map-', 4)).toBe(true);
    expect(Array.from((await readResult('map-1.bin'))!)).toEqual([7, 8, 9]);
    await forgetResult('map-1.bin');
    expect(await readResult('map-1.bin')).toBeNull();
  });

  it('keeps at most so many of a kind, the newest, and leaves other kinds alone', async () => {
    await keepResult('neighbours-a.bin', bytes(0), 'neighbours-', 1);
    for (let i = 1; i <= 5; i++) await keepResult(`map-${i}.bin`, bytes(i), 'map-', 3);
    expect(await results()).toEqual(['map-3.bin', 'map-4.bin', 'map-5.bin', 'neighbours-a.bin']);
  });

  it('forgets the folder older versions kept their statistics in', async () => {
    await (await (await disk.getDirectoryHandle(KEPT_ROOT, { create: true })).getDirectoryHandle('statistics', { create: true })).getFileHandle('statistics-x.bin', { create: true });
    await keepResult('map-1.bin', bytes(1), 'map-', 4);
    expect((await disk.getDirectoryHandle(KEPT_ROOT)).names()).toEqual([RESULTS_DIR]);
  });

  it('says "not kept" when there is no storage, never throws', async () => {
    setKeptRoot(null);
    // Node has no navigator.storage: the browser's OPFS is absent, as in a sandboxed frame.
    expect(await keepResult('map-1.bin', bytes(1), 'map-', 4)).toBe(false);
    expect(await readResult('map-1.bin')).toBeNull();
  });
});
