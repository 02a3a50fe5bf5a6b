// A file server for browser tests that serves the real MNIST files from public/data, or fails
// on purpose. Cross-origin to the app (another port), so it sends CORS headers like a real mirror.
//   /ok/<file>                 the real file
//   /missing/<file>            404
//   /broken/<token>/<file>     404 until /heal/<token> is asked, then the real file (tests Retry)
//   /broken/<token>/planted/<file>  the same, healed to the planted set's files
//   /originals/<file>          the original .gz files from $MNIST_DIR (default ../shared/mnist)
//   /slow/<file>               the real file in 64 KiB pieces, one every 50 ms (progress, Cancel)
//   /versioned/<token>/<file>  the real file with a Last-Modified that /bump/<token> changes
//   /versioned/<token>/planted/<file>  the same with the planted set's files
//   /fault/<kind>/<file>       the planted set's files, except one file broken as FAULTS[kind] says
//                              (the faults are the point, not the size of the files)
//   /headstall/<token>/<file>  the real file; once /stallhead/<token> is asked, HEAD requests
//                              get no answer at all (GET still works)
//   /headstall/<token>/planted/<file>  the same with the planted set's files
//   /encoded/<file>            the real .gz bytes marked Content-Encoding: gzip, as some static
//                              hosts mark .gz files: the browser inflates them on the way
//   /counted/<token>/<file>    the real file, counting every request (GET, HEAD) per token
//   /hits/<token>              how many requests /counted/<token>/ has had, as text
//   /fashion/<file>            Fashion-MNIST's real files from Debian's dataset-fashion-mnist
//                              ($FASHION_MNIST_DIR), with a Last-Modified like a static host
//   /planted/<file>            a small dataset with planted near-duplicates (helpers/planted.ts), gzip'd
//   /health                    200 once the server is up
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MNIST_FILES } from '../../src/data/dataset/mnist';
import { gzipSync } from 'node:zlib';
import { makeIdx, withBadCrc, withBadLength } from '../../src/testing/idxFiles';
import { FAULT_SERVER_PORT, FAULT_SERVER_ALIAS } from './ports';
import { FAULTS, type FaultKind } from './faults';
import { plantedFiles } from './planted';
import { FASHION_MNIST_DIR } from './datasets';

/** Fashion-MNIST's files do not change: one Last-Modified, so the app keeps its decoded copy. */
const FASHION_SERVED_SINCE = new Date('2017-08-25T00:00:00Z');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, 'public/data');
const originalsDir = resolve(root, process.env.MNIST_DIR ?? '../shared/mnist');
const fashionDir = process.env.FASHION_MNIST_DIR ?? FASHION_MNIST_DIR;
const fileNames = new Set<string>(MNIST_FILES.map((f) => f.name));
const healed = new Set<string>();
const versions = new Map<string, number>();
const hits = new Map<string, number>();
const headStalled = new Set<string>();

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

const plantedGz = new Map<string, Buffer>();
/** A planted file, gzip'd once (a load asks for all four, and the kept copy's check for them again). */
function sendPlanted(res: ServerResponse, name: string, lastModified = new Date(Date.UTC(2021, 0, 1))): void {
  if (!plantedFiles()[name]) return sendStatus(res, 404, 'Not Found');
  const gz = plantedGzip(name);
  // A Last-Modified, as a static host sends one: the app keeps a decoded copy only of files it can revalidate.
  res.writeHead(200, { ...corsHeaders, 'Content-Type': 'application/gzip', 'Content-Length': gz.length, 'Last-Modified': lastModified.toUTCString() });
  res.end(gz); // Node sends no body for HEAD
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

/** The planted set's files, the ones the faults are made of: `raw` as IDX, `gz` as the server sends them. */
const plantedRaw = (name: string) => Buffer.from(plantedFiles()[name]!);
function plantedGzip(name: string): Buffer {
  let gz = plantedGz.get(name);
  if (!gz) plantedGz.set(name, (gz = gzipSync(plantedFiles()[name]!)));
  return gz;
}

/** Bytes for a broken file, built from the planted one. */
function brokenBytes(kind: FaultKind, name: string): Buffer | Uint8Array {
  const gz = plantedGzip(name);
  const raw = () => plantedRaw(name);
  switch (kind) {
    case 'truncated':
      return gz.subarray(0, gz.length >> 1);
    // Copies: a Buffer's slice() (which these call) is a view, and would break the kept planted file.
    case 'bad-crc':
      return withBadCrc(new Uint8Array(gz));
    case 'bad-length':
      return withBadLength(new Uint8Array(gz));
    case 'not-gzip':
      return Buffer.from('this is not a gzip file, and not IDX either\n');
    case 'bad-magic': {
      const bytes = Buffer.from(raw());
      bytes[0] = 0x12;
      bytes[1] = 0x34;
      return gzipSync(bytes);
    }
    case 'unsupported-type': {
      const bytes = Buffer.from(raw());
      bytes[2] = 0x0d;
      return gzipSync(bytes);
    }
    case 'absurd-size':
      return gzipSync(makeIdx({ dims: [4_000_000_000, 28, 28], data: new Uint8Array(64) }));
    case 'too-long':
      return gzipSync(Buffer.concat([raw(), Buffer.from([7])]));
    case 'count-mismatch': {
      const labels = raw().subarray(8);
      return gzipSync(makeIdx({ dims: [labels.length - 1], data: labels.subarray(0, labels.length - 1) }));
    }
    case 'odd-labels': {
      const bytes = Buffer.from(raw());
      bytes[8] = 12;
      bytes[9] = 255;
      return gzipSync(bytes);
    }
    case 'raw-idx':
      return raw();
    default:
      return gz;
  }
}

function sendFault(res: ServerResponse, kind: FaultKind, name: string): void {
  const fault = FAULTS[kind];
  if (!fileNames.has(name)) return sendStatus(res, 404, 'Not Found');
  if (kind === 'raw-idx') return sendBytes(res, plantedRaw(name), 'application/octet-stream');
  if (name !== fault.file) return sendPlanted(res, name);
  switch (kind) {
    case 'http-500':
      return sendStatus(res, 500, 'Internal Server Error');
    case 'redirect':
      res.writeHead(302, { ...corsHeaders, Location: `${FAULT_SERVER_ALIAS}/planted/${name}` });
      return void res.end();
    case 'endless-trailer': {
      const bytes = plantedGzip(name);
      res.writeHead(200, { ...corsHeaders, 'Content-Type': 'application/gzip', 'Content-Length': String(10 * 1024 ** 3) });
      res.write(bytes);
      // Zeros every 10 ms until the client gives up, for 30 s at most: bounded, never endless here.
      const zeros = Buffer.alloc(64 * 1024);
      const timer = setInterval(() => {
        if (res.destroyed || res.writableEnded) return clearInterval(timer);
        res.write(zeros);
      }, 10);
      setTimeout(() => {
        clearInterval(timer);
        res.destroy();
      }, 30_000);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'split-members': {
      const raw = plantedRaw(name);
      const cut = raw.length >> 1;
      const first = gzipSync(raw.subarray(0, cut));
      const second = gzipSync(raw.subarray(cut));
      res.writeHead(200, { ...corsHeaders, 'Content-Type': 'application/gzip', 'Content-Length': first.length + second.length });
      res.write(first);
      setTimeout(() => res.end(second), 100);
      return;
    }
    case 'drop':
    case 'stall': {
      const bytes = plantedGzip(name);
      res.writeHead(200, { ...corsHeaders, 'Content-Type': 'application/gzip', 'Content-Length': bytes.length });
      res.write(bytes.subarray(0, bytes.length >> 2));
      // drop: the connection dies mid-file; stall: it stays open and silent until the client gives up.
      if (kind === 'drop') setTimeout(() => res.socket?.destroy(), 100);
      return;
    }
    default:
      return sendBytes(res, brokenBytes(kind, name), 'application/gzip');
  }
}

function sendBytes(res: ServerResponse, bytes: Uint8Array, type: string): void {
  res.writeHead(200, { ...corsHeaders, 'Content-Type': type, 'Content-Length': bytes.length });
  res.end(bytes);
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
    case 'fashion':
      return sendFile(res, rest[0] ?? '', fashionDir, FASHION_SERVED_SINCE);
    case 'versioned': {
      const version = versions.get(rest[0] ?? '') ?? 0;
      const lastModified = new Date(Date.UTC(2020, 0, 1 + version));
      if (rest[1] === 'planted') return sendPlanted(res, rest[2] ?? '', lastModified);
      return sendFile(res, rest[1] ?? '', dataDir, lastModified);
    }
    case 'counted':
      hits.set(rest[0] ?? '', (hits.get(rest[0] ?? '') ?? 0) + 1);
      return sendFile(res, rest[1] ?? '');
    case 'hits':
      res.writeHead(200, { ...corsHeaders, 'Content-Type': 'text/plain' });
      return void res.end(String(hits.get(rest[0] ?? '') ?? 0));
    case 'headstall':
      // Accept the request, never answer it (the socket stays open until the client gives up).
      if (req.method === 'HEAD' && headStalled.has(rest[0] ?? '')) return;
      if (rest[1] === 'planted') return sendPlanted(res, rest[2] ?? '');
      return sendFile(res, rest[1] ?? '', dataDir, new Date(Date.UTC(2020, 0, 1)));
    case 'encoded': {
      const name = rest[0] ?? '';
      if (!fileNames.has(name)) return sendStatus(res, 404, 'Not Found');
      const bytes = readFileSync(join(dataDir, name));
      res.writeHead(200, {
        ...corsHeaders,
        'Access-Control-Expose-Headers': 'Content-Encoding',
        'Content-Type': 'application/gzip',
        'Content-Encoding': 'gzip',
        'Content-Length': bytes.length,
      });
      return void res.end(bytes);
    }
    case 'stallhead':
      headStalled.add(rest[0] ?? '');
      return sendStatus(res, 200, 'HEAD stalls now');
    case 'bump':
      versions.set(rest[0] ?? '', (versions.get(rest[0] ?? '') ?? 0) + 1);
      return sendStatus(res, 200, 'bumped');
    case 'fault':
      if (!((rest[0] ?? '') in FAULTS)) return sendStatus(res, 404, 'Not Found');
      return sendFault(res, rest[0] as FaultKind, rest[1] ?? '');
    case 'slow':
      return sendSlowly(res, rest[0] ?? '');
    case 'missing':
      return sendStatus(res, 404, 'Not Found');
    case 'planted':
      return sendPlanted(res, rest[0] ?? '');
    case 'heal':
      healed.add(rest[0] ?? '');
      return sendStatus(res, 200, 'healed');
    case 'broken':
      if (!healed.has(rest[0] ?? '')) return sendStatus(res, 404, 'Not Found');
      if (rest[1] === 'planted') return sendPlanted(res, rest[2] ?? '');
      return sendFile(res, rest[1] ?? '');
    default:
      return sendStatus(res, 404, 'Not Found');
  }
});

server.listen(FAULT_SERVER_PORT, '127.0.0.1', () => {
  console.log(`fault server on http://127.0.0.1:${FAULT_SERVER_PORT}`);
});
