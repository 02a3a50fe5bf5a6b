import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { dataFileHashesModule } from './plugins/dataFileHashes.ts';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from './plugins/csp.ts';
import { serveGzipFilesAsIs } from './plugins/serveGzipAsIs.ts';
import { RELAYS } from './src/data/sources/publishers.ts';
import { UMAP_MODULE_ALIAS } from './plugins/umapModule.ts';

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

/**
 * The service worker for static hosts (src/sw/serviceWorker.ts, registered by
 * src/state/app/serviceWorker.ts): Workbox precaches the shell; the bundled data is kept from
 * what the page fetched, checked against the SHA-256s the build takes of it
 * (plugins/dataFileHashes.ts); every response it gives carries the isolation headers such hosts
 * cannot send. The manifest makes the
 * app installable. All paths relative, so the build works from any sub-path.
 */
const serviceWorker = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'serviceWorker.ts',
  // Registered by the app itself, and only where it is needed.
  injectRegister: false,
  manifest: {
    name: 'MNIST Explorer',
    short_name: 'MNIST Explorer',
    description: 'Browse every MNIST digit (and Fashion-MNIST, KMNIST, EMNIST, your own IDX files) in the browser.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#ffffff',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  injectManifest: {
    // The shell only: precaching the four bundled MNIST files downloaded them (11 MB) a second
    // time beside the page's own fetch; the worker keeps the page's answers instead.
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    buildPlugins: { vite: [dataFileHashesModule()] },
    // A classic script: module service workers are not in every browser yet.
    rollupFormat: 'iife',
  },
  devOptions: { enabled: false },
});

export default defineConfig({
  // Relative asset paths: the same build works at a host's root and under any sub-path
  // (https://<user>.github.io/<repo>/).
  base: './',
  resolve: { alias: UMAP_MODULE_ALIAS },
  plugins: [react(), serveGzipFilesAsIs(crossOriginIsolation), contentSecurityPolicy(), contentSecurityPolicyHeader(), serviceWorker],
  worker: { format: 'es' },
  // The workers' dependencies, pre-bundled when the dev server starts: found only when a worker
  // first imports them, they made the dev server re-bundle mid-session and answer 504 for the
  // old bundle (a page then stayed at "No digits loaded").
  optimizeDeps: { include: ['pako', 'ml-matrix', '@zip.js/zip.js/lib/zip-native.js'] },
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
