// Entry point of the loader worker: wires the worker scope to the handler, nothing else.
// Typed with the DOM lib (the app's tsconfig); the calls used here have the same shape in a worker.
import { createLoaderHandler } from './loaderHandler';
import type { LoaderRequest } from './protocol';

const handle = createLoaderHandler({
  post: (reply, transfer) => self.postMessage(reply, { transfer }),
  fetch: (input, init) => fetch(input, init),
  // Secure contexts only (a plain-http host has none).
  caches: 'caches' in self ? self.caches : null,
  // Without cross-origin isolation SharedArrayBuffer is missing or cannot be posted.
  shared: self.crossOriginIsolated && typeof SharedArrayBuffer !== 'undefined',
});

self.addEventListener('message', (event: MessageEvent<LoaderRequest>) => handle(event.data));
