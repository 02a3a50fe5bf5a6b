// The service worker, for static hosts (built by vite-plugin-pwa's injectManifest; registered by
// state/app/serviceWorker.ts only where the host sends no isolation headers itself):
//  - every response it gives the page carries COOP + COEP (isolation.ts), so the page is
//    cross-origin isolated and gets shared memory, as under `npm start`;
//  - the shell and the bundled MNIST files are precached by Workbox, so after the first visit the
//    app opens offline; a new build is a new precache manifest, installed beside the old and
//    taking over at once (skipWaiting + clientsClaim), the page offering a reload.
import { clientsClaim } from 'workbox-core';
import { addPlugins, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { withIsolationHeaders } from './isolation';

declare const self: {
  readonly __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  readonly location: Location;
  skipWaiting(): Promise<void>;
};

const isolate = { handlerWillRespond: ({ response }: { response: Response }) => Promise.resolve(withIsolationHeaders(response)) };

void self.skipWaiting();
clientsClaim();

// Precached files (shell, scripts, bundled data) come from the cache, with the headers.
addPlugins([isolate]);
precacheAndRoute(self.__WB_MANIFEST);
// Any page of the app (a shared link's ?query) is the precached index.html.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// Anything else of our own origin from the network, with the headers too (other origins are
// left alone: the browser checks their CORS itself).
registerRoute(({ url, request }: { url: URL; request: Request }) => url.origin === self.location.origin && request.method === 'GET', new NetworkOnly({ plugins: [isolate] }));
