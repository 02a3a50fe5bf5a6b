// A file server for browser tests that serves the real MNIST files from public/data, or fails
// on purpose. Cross-origin to the app (another port), so it sends CORS headers like a real mirror.
//   /ok/<file>                 the real file
//   /missing/<file>            404
//   /broken/<token>/<file>     404 until /heal/<token> is asked, then the real file (tests Retry)
//   /originals/<file>          the original .gz files from $MNIST_DIR (default ../shared/mnist)
//   /slow/<file>               the real file in 64 KiB pieces, one every 50 ms (progress, Cancel)
//   /versioned/<token>/<file>  the real file with a Last-Modified that /bump/<token> changes
//   /health                    200 once the server is up
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MNIST_FILES } from '../../src/data/mnist';
import { FAULT_SERVER_PORT } from './ports';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, 'public/data');
const originalsDir = resolve(root, process.env.MNIST_DIR ?? '../shared/mnist');
const fileNames = new Set<string>(MNIST_FILES.map((f) => f.name));
const healed = new Set<string>();
const versions = new Map<string, number>();

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function sendFile(res: ServerResponse, name: string, dir = dataDir, lastModified?: Date): void {
  if (!fileNames.has(name) || !existsSync(join(dir, name))) return sendStatus(res, 404, 'Not Found');
  const bytes = readFileSync(join(dir, name));
  res.writeHead(200, {
    ...corsHeaders,
    'Content-Type': 'application/gzip',
    'Content-Length': bytes.length,
    ...(lastModified ? { 'Last-Modified': lastModified.toUTCString() } : {}),
  });
  res.end(bytes); // Node sends no body for HEAD
}

function sendSlowly(res: ServerResponse, name: string): void {
  if (!fileNames.has(name)) return sendStatus(res, 404, 'Not Found');
  const bytes = readFileSync(join(dataDir, name));
  res.writeHead(200, { ...corsHeaders, 'Content-Type': 'application/gzip', 'Content-Length': bytes.length });
  let at = 0;
  const timer = setInterval(() => {
    if (res.destroyed || at >= bytes.length) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(bytes.subarray(at, at + 65_536));
    at += 65_536;
  }, 50);
  res.on('close', () => clearInterval(timer));
}

function sendStatus(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, text, { ...corsHeaders, 'Content-Type': 'text/plain' });
  res.end(text);
}

const server = createServer((req, res) => {
  const parts = new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean);
  const [route, ...rest] = parts;
  if (req.method === 'OPTIONS') return sendStatus(res, 204, 'No Content');
  switch (route) {
    case 'health':
      return sendStatus(res, 200, 'OK');
    case 'ok':
      return sendFile(res, rest[0] ?? '');
    case 'originals':
      return sendFile(res, rest[0] ?? '', originalsDir);
    case 'versioned': {
      const version = versions.get(rest[0] ?? '') ?? 0;
      return sendFile(res, rest[1] ?? '', dataDir, new Date(Date.UTC(2020, 0, 1 + version)));
    }
    case 'bump':
      versions.set(rest[0] ?? '', (versions.get(rest[0] ?? '') ?? 0) + 1);
      return sendStatus(res, 200, 'bumped');
    case 'slow':
      return sendSlowly(res, rest[0] ?? '');
    case 'missing':
      return sendStatus(res, 404, 'Not Found');
    case 'heal':
      healed.add(rest[0] ?? '');
      return sendStatus(res, 200, 'healed');
    case 'broken':
      if (!healed.has(rest[0] ?? '')) return sendStatus(res, 404, 'Not Found');
      return sendFile(res, rest[1] ?? '');
    default:
      return sendStatus(res, 404, 'Not Found');
  }
});

server.listen(FAULT_SERVER_PORT, '127.0.0.1', () => {
  console.log(`fault server on http://127.0.0.1:${FAULT_SERVER_PORT}`);
});
