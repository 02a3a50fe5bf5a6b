import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import { findDamagedFile } from './decodedCopy';


describe('kept copies are checked against the hashes recorded when they were kept', () => {
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  function kept(tamper?: { file: number; what: 'data' | 'served' }) {
    return Object.fromEntries(
      MNIST_FILES.map((f, i) => {
        const dims = f.role === 'images' ? [2, 28, 28] : [2];
        const data = Uint8Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, k) => (k * 7 + i) % 256);
        const served = Uint8Array.from({ length: 50 }, (_, k) => (k + i) % 256);
        const idx = new Uint8Array(4 + 4 * dims.length + data.length);
        const view = new DataView(idx.buffer);
        view.setUint8(2, 8);
        view.setUint8(3, dims.length);
        dims.forEach((d, j) => view.setUint32(4 + 4 * j, d));
        idx.set(data, 4 + 4 * dims.length);
        const info = { idxSha256: sha(idx), sha256: sha(served), idxType: 8, name: f.name };
        if (tamper?.file === i && tamper.what === 'data') data[0] = data[0]! ^ 1;
        if (tamper?.file === i && tamper.what === 'served') served[49] = served[49]! ^ 1;
        return [f.slot, { info: { ...info, blob: new Blob([served]) }, data, dims }];
      }),
    ) as unknown as Parameters<typeof findDamagedFile>[0];
  }

  it('passes an intact copy and names the first damaged file and what changed', async () => {
    const signal = new AbortController().signal;
    expect(await findDamagedFile(kept(), signal)).toBeNull();
    expect(await findDamagedFile(kept({ file: 2, what: 'data' }), signal)).toEqual({ slot: MNIST_FILES[2].slot, file: MNIST_FILES[2].name, what: 'data' });
    expect(await findDamagedFile(kept({ file: 1, what: 'served' }), signal)).toEqual({ slot: MNIST_FILES[1].slot, file: MNIST_FILES[1].name, what: 'served bytes' });
  });
});
