import type { Page } from '@playwright/test';
import { KEPT_ROOT, RESULTS_DIR } from '../../src/state/kept/keptStorage';

/**
 * Flips one bit near the end of every kept analysis file whose name starts with `prefix`
 * (statistics-, map-, neighbours-) in the app's OPFS folder: a kept file damaged on disk.
 */
export async function damageKeptFiles(page: Page, prefix: string): Promise<void> {
  await page.evaluate(async ({ start, top, results }) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(top);
    const dir = await root.getDirectoryHandle(results);
    for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
      if (!name.startsWith(start)) continue;
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      bytes[bytes.length - 3]! ^= 0x10;
      const writable = await handle.createWritable();
      await writable.write(bytes);
      await writable.close();
    }
  }, { start: prefix, top: KEPT_ROOT, results: RESULTS_DIR });
}
