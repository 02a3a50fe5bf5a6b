// The benchmark's references, run in a fresh worker of the same browser as the app: how long
// pako alone, and the browser's own DecompressionStream, take to inflate the same .gz bytes the
// app loads. Nothing of the app is imported: this is the floor the app's decode is compared with.
import { inflate } from 'pako';

interface Request {
  readonly kind: 'pako' | 'native';
  readonly files: readonly ArrayBuffer[];
}

async function nativeInflate(bytes: ArrayBuffer): Promise<number> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { kind, files } = event.data;
  const started = performance.now();
  let inflated = 0;
  for (const file of files) inflated += kind === 'pako' ? inflate(new Uint8Array(file)).length : await nativeInflate(file);
  self.postMessage({ ms: performance.now() - started, inflated });
};
