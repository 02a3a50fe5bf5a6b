// The Content-Security-Policy of the built app: sent as a header by the preview server, and as
// a <meta> in the built index.html for static hosts that cannot set headers. Not in dev: Vite's
// dev client and React Refresh inject inline scripts and styles.
import type { Plugin } from 'vite';
import { AZURE_MNIST_URL } from '../src/data/sources/publishers.ts';

const directives: Record<string, string> = {
  'default-src': "'self'",
  // 'wasm-unsafe-eval' lets the page compile WebAssembly (the neighbour search's SIMD scan) and
  // nothing else: eval and new Function stay refused.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  // Data sources: the app itself (bundled copy, relays), the Azure container, the http(s) base
  // URLs a person may type, and blob: for the files a visitor opens from their own computer (the
  // loader worker reads them by a blob: URL the page made). Nothing else.
  'connect-src': `'self' ${new URL(AZURE_MNIST_URL).origin} http: https: blob:`,
  'img-src': "'self' blob: data:",
  'style-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(directives)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
// frame-ancestors only works as a header; a <meta> with it draws a console warning.
const HEADER_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'mnist-explorer:csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export function contentSecurityPolicyHeader(): Plugin {
  return {
    name: 'mnist-explorer:csp-header',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', HEADER_POLICY);
        next();
      });
    },
  };
}
