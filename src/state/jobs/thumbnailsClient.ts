// The page's side of the thumbnail worker, and the only module that creates one. At the dense
// zooms each digit on screen is reduced once and kept (render/gridViewport.ts); where the kept
// thumbnails are in shared memory, a worker reduces the rest of the selection on the other core,
// so a fling right after a zoom change finds its digits ready instead of reducing them in its
// frames. Stopping it (a new selection, zoom or load) terminates it: what it wrote stays good,
// since a digit's flag is set only after its bytes.
import type { ThumbnailsReply, ThumbnailsRequest } from '../../worker/thumbnails/protocol';

export interface ThumbnailsRun {
  /** Ends the worker at once. */
  stop(): void;
}

/** Starts a worker on `request`; `onEnd` gets its reply (or the crash) unless it is stopped first. */
export function reduceThumbnailsInWorker(request: ThumbnailsRequest, onEnd: (reply: ThumbnailsReply) => void): ThumbnailsRun {
  const worker = new Worker(new URL('../../worker/thumbnails/thumbnails.worker.ts', import.meta.url), { type: 'module', name: 'grid-thumbnails' });
  let ended = false;
  const end = (reply: ThumbnailsReply) => {
    if (ended) return;
    ended = true;
    worker.terminate();
    onEnd(reply);
  };
  worker.addEventListener('message', (event: MessageEvent<ThumbnailsReply>) => end(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    end({ type: 'reduce-failed', message: event.message || 'the thumbnail worker crashed' });
  });
  worker.postMessage(request);
  return {
    stop() {
      ended = true;
      worker.terminate();
    },
  };
}
