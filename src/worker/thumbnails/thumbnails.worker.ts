// Entry point of the thumbnail worker: one reduction per worker; the page stops it by terminating it.
import type { ThumbnailsRequest } from './protocol';
import { reduceThumbnails } from './reduceThumbnails';

self.addEventListener('message', (event: MessageEvent<ThumbnailsRequest>) => reduceThumbnails(event.data, (reply) => self.postMessage(reply)));
