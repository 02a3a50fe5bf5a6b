import { describe, expect, it } from 'vitest';
import { canValidate, isSameFile, validatorOf } from './decodedCache';

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
