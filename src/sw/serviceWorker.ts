// The service worker, for static hosts (built by vite-plugin-pwa's injectManifest; registered by
// state/app/serviceWorker.ts only where the host sends no isolation headers itself):
//  - every response it gives the page carries COOP + COEP (isolation.ts), so the page is
//    cross-origin isolated and gets shared memory, as under `npm start`;
//  - the shell is precached by Workbox; a new build is a new precache manifest, installed beside
//    the old and taking over at once (skipWaiting + clientsClaim), the page offering a reload;
//  - the bundled MNIST files are not precached (that downloaded them a second time beside the
//    page's own fetch): they are kept from what the page fetched (dataFiles.ts), each only if it
//    is the build's file byte for byte, so after the first visit the app opens offline.
import { clientsClaim } from 'workbox-core';
import { addPlugins, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import DATA_FILES from 'virtual:data-file-hashes';
import { adoptHandedOver, forgetStaleKept, keepFetched, keptAnswer } from './dataFiles';
import { withIsolationHeaders } from './isolation';

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

declare const self: {
  readonly __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  readonly location: Location;
  readonly caches: CacheStorage;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
};

const isolate = { handlerWillRespond: ({ response }: { response: Response }) => Promise.resolve(withIsolationHeaders(response)) };

void self.skipWaiting();
clientsClaim();

const base = self.location.href;
// Installed once the page's loader is idle: what it handed over is complete by then. Adopted
// before this worker takes over, so the reload that follows reads the files from here.
self.addEventListener('install', (event) => event.waitUntil(adoptHandedOver(self.caches, DATA_FILES, base)));
self.addEventListener('activate', (event) => event.waitUntil(forgetStaleKept(self.caches, DATA_FILES, base)));

// Precached files (shell, scripts, bundled data) come from the cache, with the headers.
addPlugins([isolate]);
precacheAndRoute(self.__WB_MANIFEST);
// Any page of the app (a shared link's ?query) is the precached index.html.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// The data files: the kept copy, else the network, whose answer is kept if it is the build's file.
registerRoute(
  ({ url, request }: { url: URL; request: Request }) => request.method === 'GET' && DATA_FILES.some((f) => new URL(f.path, base).pathname === url.pathname),
  async ({ request, event }: { request: Request; event: ExtendableEvent }) => {
    const kept = await keptAnswer(self.caches, request.url, DATA_FILES, base);
    if (kept) return withIsolationHeaders(kept);
    const response = await fetch(request);
    if (response.status === 200) event.waitUntil(keepFetched(self.caches, request.url, response.clone(), DATA_FILES, base));
    return withIsolationHeaders(response);
  },
);
// Anything else of our own origin from the network, with the headers too (other origins are
// left alone: the browser checks their CORS itself).
registerRoute(({ url, request }: { url: URL; request: Request }) => url.origin === self.location.origin && request.method === 'GET', new NetworkOnly({ plugins: [isolate] }));
