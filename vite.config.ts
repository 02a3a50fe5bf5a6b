import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from './scripts/vite-csp.ts';
import { serveGzipFilesAsIs } from './scripts/vite-serve-gz.ts';
import { RELAYS } from './src/data/azure.ts';

// SharedArrayBuffer needs a cross-origin isolated page: these two headers on every response.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Azure's container (and Fashion-MNIST's and KMNIST's hosts) send no CORS headers, so the app's own
// server fetches them on the page's behalf: one fixed path per publisher, never an open proxy.
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  RELAYS.map(({ path, target }) => {
    const url = new URL(target);
    return [path, { target: url.origin, changeOrigin: true, rewrite: (p: string) => url.pathname + p.slice(path.length) }];
  }),
);

const port = Number(process.env.PORT) || undefined;

export default defineConfig({
  plugins: [react(), serveGzipFilesAsIs(crossOriginIsolation), contentSecurityPolicy(), contentSecurityPolicyHeader()],
  worker: { format: 'es' },
  server: {
    port: port ?? 5173,
    strictPort: true,
    headers: crossOriginIsolation,
    proxy,
    // `npm run dev` opens a browser unless BROWSER=none (or CI) says there is nobody to look.
    open: process.env.BROWSER !== 'none' && !process.env.CI,
  },
  // `npm start` builds and previews: the production bundle, at the address the README gives.
  preview: {
    port: port ?? 5173,
    strictPort: true,
    headers: crossOriginIsolation,
    proxy,
    open: process.env.BROWSER !== 'none' && !process.env.CI,
  },
});
