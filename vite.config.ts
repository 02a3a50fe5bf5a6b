import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from './scripts/vite-csp.ts';
import { serveGzipFilesAsIs } from './scripts/vite-serve-gz.ts';
import { AZURE_MNIST_URL, AZURE_PROXY_PATH } from './src/data/azure.ts';

// SharedArrayBuffer needs a cross-origin isolated page: these two headers on every response.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The Azure container sends no CORS headers, so the app's own server fetches it on the page's behalf.
const azureUrl = new URL(AZURE_MNIST_URL);
const proxy: Record<string, ProxyOptions> = {
  [AZURE_PROXY_PATH]: {
    target: azureUrl.origin,
    changeOrigin: true,
    rewrite: (path) => path.replace(AZURE_PROXY_PATH, azureUrl.pathname),
  },
};

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
