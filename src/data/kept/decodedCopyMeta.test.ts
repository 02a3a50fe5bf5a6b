import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../dataset/mnist';
import type { FileUrls } from '../sources/sources';
import { canValidate, isSameFile, parseDecodedCopyMeta, validatorOf } from './decodedCopyMeta';

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
  const urls = Object.fromEntries(MNIST_FILES.map((f) => [f.slot, `http://h.example/m/${f.name}`])) as FileUrls;
  const hex = (c: string) => c.repeat(64);
  const fileMeta = ({ slot, name }: (typeof MNIST_FILES)[number], dims: number[]) => ({
    slot,
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
    version: 3,
    files: [fileMeta(MNIST_FILES[0], [60000, 28, 28]), fileMeta(MNIST_FILES[1], [60000]), fileMeta(MNIST_FILES[2], [10000, 28, 28]), fileMeta(MNIST_FILES[3], [10000])],
  });

  it('accepts a consistent meta', () => {
    expect(parseDecodedCopyMeta(valid(), urls)?.files).toHaveLength(4);
  });

  it.each([
    ['a shrunk image count (30,000 digits silently dropped)', (m: ReturnType<typeof valid>) => (m.files[0]!.dims = [30000, 28, 28])],
    ['a data size that disagrees with the shape', (m: ReturnType<typeof valid>) => (m.files[1]!.dataBytes = 59999)],
    ['a file in another slot', (m: ReturnType<typeof valid>) => ((m.files[2] as { slot: string }).slot = 'train-images')],
    ['a file with no name', (m: ReturnType<typeof valid>) => ((m.files[2] as { name: string }).name = '')],
    ['a meta of the version before files had slots', (m: ReturnType<typeof valid>) => ((m as { version: number }).version = 2)],
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
    expect(parseDecodedCopyMeta(meta, urls)).toBeNull();
  });

  it('refuses what is not a meta at all', () => {
    for (const junk of [null, 42, 'x', [], { version: 2 }, { version: 2, files: [null, null, null, null] }]) expect(parseDecodedCopyMeta(junk, urls)).toBeNull();
  });
});

