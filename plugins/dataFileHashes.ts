// The data files the build publishes (public/data/*.gz), each with its size and SHA-256, as the
// virtual module `virtual:data-file-hashes`: the service worker keeps a data file only when the
// bytes it was handed (or fetched) are exactly these. Hashed from the files themselves at build
// time, so the list cannot drift from what is served. No data folder: an empty list (nothing kept).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { BUNDLED_DATA_PATH } from '../src/data/sources/sources.ts';
import type { DataFileHash } from '../src/data/sources/keptDataFiles.ts';

export const DATA_FILE_HASHES_MODULE = 'virtual:data-file-hashes';
const RESOLVED = `\0${DATA_FILE_HASHES_MODULE}`;
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/** Every published data file (relative to the app's base), its size and SHA-256. */
export function dataFileHashes(publicDir = PUBLIC_DIR): DataFileHash[] {
  const dir = join(publicDir, BUNDLED_DATA_PATH);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.gz')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const bytes = readFileSync(join(dir, name));
    return { path: `${BUNDLED_DATA_PATH}${name}`, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

export function dataFileHashesModule(publicDir = PUBLIC_DIR): Plugin {
  return {
    name: 'mnist-explorer:data-file-hashes',
    resolveId: (id) => (id === DATA_FILE_HASHES_MODULE ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(dataFileHashes(publicDir))};` : null),
  };
}
