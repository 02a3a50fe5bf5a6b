// The page's side of the service worker (src/sw/serviceWorker.ts). Registered only where it is
// needed: a host that sends no isolation headers (GitHub Pages, any static host), or where it
// already runs. Under `npm start` and `npm run dev` the server isolates the page itself, and
// nothing is installed.
import { explorerStore } from '../store/explorerStore';

/** Set just before the one reload that puts a new visitor's page under the worker's headers. */
const RELOADED_KEY = 'mnist-explorer:isolation-reload';

export function startServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !window.isSecureContext) return;
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
  // After the page has loaded: installing precaches the shell and the bundled data (11 MB), which
  // must not compete with the first paint.
  const register = () =>
    container.register(new URL(`${import.meta.env.BASE_URL}serviceWorker.js`, window.location.href), { updateViaCache: 'none' }).catch(() => {
      // No worker (private mode, a browser setting): the app works as before, without isolation.
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
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
