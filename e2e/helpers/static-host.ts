// A plain static host for browser tests, as GitHub Pages or any bucket serves a build: the files
// of dist/ with their types, an ETag and Last-Modified, and nothing else — no cross-origin
// isolation headers (so no SharedArrayBuffer), no Azure relay, no Content-Encoding on .gz files.
// Reads each file when asked, so it can start before the build exists.
//   /health                    200 once the server is up
//   /octo/mnist-explorer/…     the same files under a sub-path (STATIC_SUB_PATH), as Pages serves a repository
//   /deploy                    from now on the sub-path serves a "new build": its serviceWorker.js
//                              differs by a comment, as a redeploy's would
//   /fresh/<name>/…            the same files again under a sub-path of the test's own, so its
//                              service worker and request log are its own
//   /requests?under=<path>     the requests the host was asked for under <path> so far, as JSON
//                              [{ method, path }] in order, paths without their query
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATIC_HOST_PORT, STATIC_SUB_PATH } from './ports';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
};

/** How many times /deploy was asked: each is one new build of the sub-path's service worker. */
let deployed = 0;

/** Every request the files were asked for (not the host's own paths), the newest last; bounded. */
const requests: { method: string; path: string }[] = [];
const MAX_LOGGED = 20_000;
const FRESH = /^\/fresh\/[\w-]+\//;

const server = createServer((req, res) => {
  const asked = new URL(req.url ?? '/', 'http://x');
  let pathname = decodeURIComponent(asked.pathname);
  if (pathname === '/requests') {
    const under = asked.searchParams.get('under') ?? '/';
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    return void res.end(JSON.stringify(requests.filter((r) => r.path.startsWith(under))));
  }
  requests.push({ method: req.method ?? 'GET', path: pathname });
  if (requests.length > MAX_LOGGED) requests.splice(0, requests.length - MAX_LOGGED);
  const fresh = FRESH.exec(pathname);
  if (fresh) pathname = `/${pathname.slice(fresh[0].length)}`;
  const underSubPath = pathname.startsWith(STATIC_SUB_PATH);
  if (pathname === '/deploy') {
    deployed++;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    return void res.end(String(deployed));
  }
  if (underSubPath) pathname = `/${pathname.slice(STATIC_SUB_PATH.length)}`;
  else if (`${pathname}/` === STATIC_SUB_PATH) {
    // As Pages does: the folder without its slash is redirected to it.
    res.writeHead(301, { Location: STATIC_SUB_PATH });
    return void res.end();
  }
  if (pathname === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    return void res.end('OK');
  }
  let path = normalize(join(dist, pathname));
  if (path !== dist && !path.startsWith(dist + sep)) {
    res.writeHead(403);
    return void res.end();
  }
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    const stat = statSync(path);
    let bytes = readFileSync(path);
    if (underSubPath && deployed > 0 && pathname === '/serviceWorker.js') bytes = Buffer.concat([bytes, Buffer.from(`\n// build ${deployed + 1}\n`)]);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Last-Modified': stat.mtime.toUTCString(),
      ETag: `"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`,
      'Cache-Control': 'no-cache',
    });
    res.end(bytes); // Node sends no body for HEAD
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
  }
});

server.listen(STATIC_HOST_PORT, '127.0.0.1', () => {
  console.log(`static host on http://127.0.0.1:${STATIC_HOST_PORT}`);
});
