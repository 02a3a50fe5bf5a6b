// What the service worker adds to every response it hands the page: the two headers that make a
// page cross-origin isolated (COOP + COEP), which a plain static host (GitHub Pages, a bucket)
// cannot send. With them the page gets SharedArrayBuffer, as under `npm start`. Pure, so it is
// tested in Node.

export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Our own files may be embedded by our own isolated page (and its workers).
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The response with the isolation headers set. An opaque response (status 0) cannot be read or
 * rebuilt and is passed on as it is; so is one that already says all three.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  if (Object.entries(ISOLATION_HEADERS).every(([name, value]) => response.headers.get(name) === value)) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
