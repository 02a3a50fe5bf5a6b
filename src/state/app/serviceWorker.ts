// The page's side of the service worker (src/sw/serviceWorker.ts). Registered only where it is
// needed: a host that sends no isolation headers (GitHub Pages, any static host), or where it
// already runs. Under `npm start` and `npm run dev` the server isolates the page itself, and
// nothing is installed.
import { explorerStore } from '../store/explorerStore';

/** Set just before the one reload that puts a new visitor's page under the worker's headers. */
const RELOADED_KEY = 'mnist-explorer:isolation-reload';

/** Whether this page may have a service worker at all (a production build, in a secure context). */
const canHaveWorker = () => !import.meta.env.DEV && 'serviceWorker' in navigator && window.isSecureContext;

/**
 * Whether a load now should hand its answers to the service worker: a first visit to a host that
 * does not isolate the page, where the worker is about to be installed and keeps the data files
 * from what the page fetched (sw/dataFiles.ts), instead of downloading them a second time.
 */
export function serviceWorkerWantsHandOver(): boolean {
  return canHaveWorker() && navigator.serviceWorker.controller === null && !window.crossOriginIsolated;
}

/**
 * Registers the worker where it is needed, once `loaderIdle` resolves: installing it fills the
 * precache and adopts the handed-over data files, which must be complete by then and must not
 * compete with the first paint.
 */
export function startServiceWorker(loaderIdle: () => Promise<void>): void {
  if (!canHaveWorker()) return;
  const container = navigator.serviceWorker;
  const wasControlled = container.controller !== null;
  // Isolated by the server itself: nothing to add (and nothing to cache under a dev server).
  if (window.crossOriginIsolated && !wasControlled) return;
  container.addEventListener('controllerchange', () => {
    if (!wasControlled && !window.crossOriginIsolated) {
      // First visit: the worker now answers this page's requests, with the headers. One reload
      // makes the page itself isolated (shared memory); the link keeps what was on screen.
      if (readFlag()) return;
      writeFlag();
      window.location.reload();
      return;
    }
    // A new build took over: say so, and let the visitor choose when to reload.
    explorerStore.getState().appUpdated();
  });
  if (window.crossOriginIsolated) clearFlag();
  const register = () =>
    container.register(new URL(`${import.meta.env.BASE_URL}serviceWorker.js`, window.location.href), { updateViaCache: 'none' }).catch(() => {
      // No worker (private mode, a browser setting): the app works as before, without isolation.
    });
  const pageLoaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  void pageLoaded.then(loaderIdle).then(register);
}

function readFlag(): boolean {
  try {
    return sessionStorage.getItem(RELOADED_KEY) === '1';
  } catch {
    return true; // no storage: never risk a reload loop
  }
}
function writeFlag(): void {
  try {
    sessionStorage.setItem(RELOADED_KEY, '1');
  } catch {
    // readFlag then says true next time
  }
}
function clearFlag(): void {
  try {
    sessionStorage.removeItem(RELOADED_KEY);
  } catch {
    // nothing kept
  }
}
