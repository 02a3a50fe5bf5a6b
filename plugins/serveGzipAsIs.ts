// Vite's static server (sirv) answers a request for `x.gz` with `Content-Encoding: gzip`, so the
// browser inflates the file itself and the app's progress and pako path never see the real bytes.
// This plugin serves .gz files from the public folder (dev) or the build (preview) as what they
// are: application/gzip bytes with an honest Content-Length, as Azure and any plain server do.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';

type Next = (error?: unknown) => void;

function gzFileHandler(rootDir: () => string, extraHeaders: Record<string, string>) {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!pathname.endsWith('.gz') || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const root = rootDir();
    const path = normalize(join(root, pathname));
    if (!path.startsWith(root + sep)) return next();
    let size: number;
    let mtime: Date;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) return next();
      size = stat.size;
      mtime = stat.mtime;
    } catch {
      return next();
    }
    res.writeHead(200, {
      ...extraHeaders,
      'Content-Type': 'application/gzip',
      'Content-Length': String(size),
      'Last-Modified': mtime.toUTCString(),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(path).pipe(res);
  };
}

export function serveGzipFilesAsIs(headers: Record<string, string>): Plugin {
  let publicDir = '';
  let outDir = '';
  return {
    name: 'mnist-explorer:serve-gz-as-is',
    configResolved(config) {
      publicDir = normalize(config.publicDir);
      outDir = normalize(join(config.root, config.build.outDir));
    },
    configureServer(server) {
      server.middlewares.use(gzFileHandler(() => publicDir, headers));
    },
    configurePreviewServer(server) {
      server.middlewares.use(gzFileHandler(() => outDir, headers));
    },
  };
}
