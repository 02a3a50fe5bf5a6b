// The bundled MNIST the app serves: the original files when ../shared/mnist has them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MNIST_DIR, ROOT, SHARED_MNIST } from '../config';

/** Puts the original MNIST files in public/data when ../shared/mnist has them (else keeps what is there). */
export function prepareData(): void {
  const env = existsSync(join(SHARED_MNIST, 'SHA256SUMS')) ? { ...process.env, MNIST_DIR: SHARED_MNIST } : process.env;
  const result = spawnSync('npx', ['tsx', 'scripts/prepare-data.ts'], { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('prepare-data failed');
}

/** Where the bundled files came from, as scripts/prepare-data.ts wrote it in their manifest. */
export function describeMnistSource(): string {
  try {
    return (JSON.parse(readFileSync(join(MNIST_DIR, 'manifest.json'), 'utf8')) as { source: string }).source;
  } catch {
    return 'unknown';
  }
}
