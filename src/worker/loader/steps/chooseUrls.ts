// Step 1: where the files are read from. A source with a relay (Azure) is tried directly first:
// it works wherever the host sends CORS headers, and on a static host, which has no relay, it is
// the only way.
import { FILE_SLOTS } from '../../../data/dataset/fileSlots';
import type { FileUrls } from '../../../data/sources/sources';
import { headWithinStall } from '../decodedCopy';
import type { Load } from '../loadContext';

/** Whether the browser could read a relayed source directly, by its four URLs: asked once per worker. */
export type DirectlyReadable = Map<string, boolean>;

/**
 * Whether the browser may read `urls` itself: one HEAD request (the smallest file), under the
 * stall rule. A host without CORS headers fails it as a network error, as does no network.
 */
async function canReadDirectly(urls: FileUrls, load: Load): Promise<boolean> {
  try {
    return (await headWithinStall(urls['test-labels'], load.deps.fetch, load.signal, load.stallMs)).ok;
  } catch {
    return false;
  }
}

export async function chooseUrls(
  load: Load,
  requested: FileUrls,
  relayUrls: FileUrls | undefined,
  directlyReadable: DirectlyReadable,
): Promise<{ urls: FileUrls; viaRelay: boolean }> {
  if (!relayUrls) return { urls: requested, viaRelay: false };
  const key = FILE_SLOTS.map((f) => requested[f.slot]).join('\n');
  let direct = directlyReadable.get(key);
  if (direct === undefined) {
    direct = await canReadDirectly(requested, load);
    load.throwIfSuperseded();
    directlyReadable.set(key, direct);
  }
  return direct ? { urls: requested, viaRelay: false } : { urls: relayUrls, viaRelay: true };
}
