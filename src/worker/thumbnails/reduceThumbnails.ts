// The thumbnail worker's logic, apart from `self` so it runs in Node tests.
import { reduceInto } from '../../render/gridViewport';
import type { ThumbnailsReply, ThumbnailsRequest } from './protocol';

export function reduceThumbnails(request: ThumbnailsRequest, reply: (message: ThumbnailsReply) => void): void {
  const started = performance.now();
  try {
    const { pixels, size, ids, start, bytes, made } = request;
    const side = Math.max(pixels.geometry.rows, pixels.geometry.cols);
    if (!(size > 0 && size < side) || made.length < pixels.total || bytes.length < pixels.total * size * size) {
      throw new Error(`no thumbnails of ${size} px for ${pixels.total} digits of ${pixels.geometry.rows} × ${pixels.geometry.cols} in ${bytes.length} bytes`);
    }
    reduceInto({ bytes, made }, pixels, size, ids, start);
    reply({ type: 'reduced', ms: performance.now() - started });
  } catch (error) {
    reply({ type: 'reduce-failed', message: error instanceof Error ? error.message : String(error) });
  }
}
