// A plain file server for the 10× set (cross-origin to the app, as a mirror would be), the bundled
// files (for the references), and the reference page and its worker.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { MNIST_FILES } from '../../../src/data/dataset/mnist';
import { DATA_PORT, MNIST_DIR, X10_DIR } from '../config';

/** The blank page the references run in (and the renderer whose memory is the baseline). */
export const REFERENCE_PAGE = '/ref.html';
export const REFERENCE_WORKER = '/ref-worker.js';

const DIRS = new Map([
  ['x10', X10_DIR],
  ['mnist', MNIST_DIR],
]);

export function startDataServer(referenceWorkerCode: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const cors = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (url.pathname === REFERENCE_PAGE) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end('<!doctype html><title>bench references</title>');
    }
    if (url.pathname === REFERENCE_WORKER) {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return void res.end(referenceWorkerCode);
    }
    const [, route, name] = url.pathname.split('/');
    const dir = DIRS.get(route ?? '');
    if (!dir || !MNIST_FILES.some((f) => f.name === name)) {
      res.writeHead(404, cors);
      return void res.end();
    }
    const path = join(dir, name!);
    const stat = statSync(path);
    res.writeHead(200, {
      ...cors,
      'Content-Type': 'application/gzip',
      'Content-Length': stat.size,
      'Last-Modified': stat.mtime.toUTCString(),
      ETag: `"${stat.size}-${stat.mtimeMs}"`,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path).pipe(res);
  });
  return new Promise((r) => server.listen(DATA_PORT, '127.0.0.1', () => r(server)));
}
