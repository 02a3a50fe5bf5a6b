import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../data/dataset/mnist';
import type { FileUrls } from '../../data/sources/sources';
import { canValidate, findDamagedFile, isSameFile, parseCacheMeta, validatorOf } from './decodedCache';

const v = (etag: string | null, lastModified: string | null, contentLength: string | null) => ({ etag, lastModified, contentLength });

describe('kept-copy validation', () => {
  it('reads ETag, Last-Modified and Content-Length from a response', () => {
    const headers = new Headers({ etag: '"abc"', 'last-modified': 'Tue, 24 Nov 2026 13:48:55 GMT', 'content-length': '4210' });
    expect(validatorOf(headers)).toEqual(v('"abc"', 'Tue, 24 Nov 2026 13:48:55 GMT', '4210'));
  });

  it('keeps a copy only when the server identifies the file', () => {
    expect(canValidate(v('"a"', null, null))).toBe(true);
    expect(canValidate(v(null, 'Mon, 01 Jan 2024 00:00:00 GMT', '10'))).toBe(true);
    expect(canValidate(v(null, null, '10'))).toBe(false);
    expect(canValidate(v(null, 'Mon, 01 Jan 2024 00:00:00 GMT', null))).toBe(false);
  });

  it('trusts an ETag over dates, and needs date and length to both match otherwise', () => {
    expect(isSameFile(v('"a"', 'x', '1'), v('"a"', 'y', '2'))).toBe(true);
    expect(isSameFile(v('"a"', 'x', '1'), v('"b"', 'x', '1'))).toBe(false);
    expect(isSameFile(v('"a"', 'x', '1'), v(null, 'x', '1'))).toBe(false);
    expect(isSameFile(v(null, 'x', '1'), v(null, 'x', '1'))).toBe(true);
    expect(isSameFile(v(null, 'x', '1'), v(null, 'x', '2'))).toBe(false);
    expect(isSameFile(v(null, 'x', '1'), v(null, 'z', '1'))).toBe(false);
  });
});

describe('kept meta.json is validated field by field', () => {
  const urls = Object.fromEntries(MNIST_FILES.map((f) => [f.name, `http://h.example/m/${f.name}`])) as FileUrls;
  const hex = (c: string) => c.repeat(64);
  const fileMeta = (name: string, dims: number[]) => ({
    name,
    url: `http://h.example/m/${name}`,
    servedBytes: 1234,
    format: 'gzip',
    inflatedBytes: 4 + 4 * dims.length + dims.reduce((a, b) => a * b, 1),
    magic: `00 00 08 0${dims.length}`,
    idxType: 8,
    dims,
    sha256: hex('a'),
    idxSha256: hex('b'),
    validator: { etag: '"x"', lastModified: null, contentLength: '1234' },
    dataBytes: dims.reduce((a, b) => a * b, 1),
    headerBytes: 4 + 4 * dims.length,
  });
  const valid = () => ({
    version: 2,
    files: [fileMeta(MNIST_FILES[0].name, [60000, 28, 28]), fileMeta(MNIST_FILES[1].name, [60000]), fileMeta(MNIST_FILES[2].name, [10000, 28, 28]), fileMeta(MNIST_FILES[3].name, [10000])],
  });

  it('accepts a consistent meta', () => {
    expect(parseCacheMeta(valid(), urls)?.files).toHaveLength(4);
  });

  it.each([
    ['a shrunk image count (30,000 digits silently dropped)', (m: ReturnType<typeof valid>) => (m.files[0]!.dims = [30000, 28, 28])],
    ['a data size that disagrees with the shape', (m: ReturnType<typeof valid>) => (m.files[1]!.dataBytes = 59999)],
    ['another file name', (m: ReturnType<typeof valid>) => (m.files[2]!.name = 'evil.gz')],
    ['another URL', (m: ReturnType<typeof valid>) => (m.files[3]!.url = 'http://evil.example/x')],
    ['a malformed hash', (m: ReturnType<typeof valid>) => (m.files[0]!.sha256 = 'zz')],
    ['a wrong magic', (m: ReturnType<typeof valid>) => (m.files[0]!.magic = '00 00 0d 03')],
    ['a negative dimension', (m: ReturnType<typeof valid>) => (m.files[1]!.dims = [-1])],
    ['a huge validator', (m: ReturnType<typeof valid>) => (m.files[1]!.validator.etag = 'x'.repeat(5000))],
    ['an old version', (m: ReturnType<typeof valid>) => (m.version = 1)],
    ['a missing file', (m: ReturnType<typeof valid>) => m.files.pop()],
    ['a transport encoding that is not a token', (m: ReturnType<typeof valid>) => Object.assign(m.files[0]!, { transportEncoding: '<b>gzip</b>' })],
  ])('refuses %s', (_what, tamper) => {
    const meta = valid();
    tamper(meta);
    expect(parseCacheMeta(meta, urls)).toBeNull();
  });

  it('refuses what is not a meta at all', () => {
    for (const junk of [null, 42, 'x', [], { version: 2 }, { version: 2, files: [null, null, null, null] }]) expect(parseCacheMeta(junk, urls)).toBeNull();
  });
});

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
        const info = { idxSha256: sha(idx), sha256: sha(served), idxType: 8 };
        if (tamper?.file === i && tamper.what === 'data') data[0] = data[0]! ^ 1;
        if (tamper?.file === i && tamper.what === 'served') served[49] = served[49]! ^ 1;
        return [f.name, { info: { ...info, blob: new Blob([served]) }, data, dims }];
      }),
    ) as unknown as Parameters<typeof findDamagedFile>[0];
  }

  it('passes an intact copy and names the first damaged file and what changed', async () => {
    const signal = new AbortController().signal;
    expect(await findDamagedFile(kept(), signal)).toBeNull();
    expect(await findDamagedFile(kept({ file: 2, what: 'data' }), signal)).toEqual({ file: MNIST_FILES[2].name, what: 'data' });
    expect(await findDamagedFile(kept({ file: 1, what: 'served' }), signal)).toEqual({ file: MNIST_FILES[1].name, what: 'served bytes' });
  });
});
