// The reference worker, bundled on its own (pako and nothing of the app) for the data server.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { ROOT } from '../config';

export async function buildInflateWorker(): Promise<string> {
  const output = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: { entry: fileURLToPath(new URL('inflate.worker.ts', import.meta.url)), formats: ['es'], fileName: 'ref-worker' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const chunk = chunks.find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('reference worker did not build');
  return chunk.code;
}
