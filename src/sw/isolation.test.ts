import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, withIsolationHeaders } from './isolation';

describe('withIsolationHeaders', () => {
  it('adds COOP, COEP and CORP to a response, keeping its status, headers and body', async () => {
    const original = new Response('IDX bytes', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'application/gzip', 'Last-Modified': 'Wed, 21 Oct 2015 07:28:00 GMT' } });
    const isolated = withIsolationHeaders(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Content-Type')).toBe('application/gzip');
    expect(isolated.headers.get('Last-Modified')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect([isolated.status, isolated.statusText]).toEqual([200, 'OK']);
    expect(await isolated.text()).toBe('IDX bytes');
  });

  it('passes on a response that has them already, and an error status as it is', () => {
    const already = new Response(null, { headers: ISOLATION_HEADERS });
    expect(withIsolationHeaders(already)).toBe(already);
    const missing = withIsolationHeaders(new Response('Not Found', { status: 404 }));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });
});
