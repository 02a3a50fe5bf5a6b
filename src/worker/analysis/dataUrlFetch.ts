// embedding-atlas's WASM module is inlined in its code as a data: URL, which it fetches. The
// page's Content-Security-Policy allows no data: in connect-src (nothing else should ever fetch
// one), so in this worker, and only here, a fetch of a data: URL is answered locally: its base64
// decoded, no request made. Every other fetch goes through untouched.
const networkFetch = globalThis.fetch.bind(globalThis);

function urlOf(input: RequestInfo | URL): string {
  return input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
}

export function answerDataUrlsLocally(): void {
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    const match = /^data:([^;,]+);base64,/.exec(url);
    if (!match) return networkFetch(input, init);
    const text = atob(url.slice(match[0].length));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return Promise.resolve(new Response(bytes, { headers: { 'Content-Type': match[1]! } }));
  };
}
