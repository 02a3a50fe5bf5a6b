// Cache Storage in memory, with the part of the API the app uses (has, open, delete; put, match,
// keys, delete), so the service worker's data files and the loader's hand-over run in Node tests
// with real Responses — put, read back, damaged on purpose.

interface Stored {
  readonly status: number;
  readonly headers: [string, string][];
  /** The body's bytes, or null for a damaged entry whose body fails when read. */
  readonly bytes: Uint8Array | null;
}

const keyOf = (request: RequestInfo | URL) => (request instanceof Request ? request.url : new URL(String(request)).href);

export class MemoryCache {
  readonly entries = new Map<string, Stored>();

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    const bytes = new Uint8Array(await response.arrayBuffer());
    this.entries.set(keyOf(request), { status: response.status, headers: [...response.headers], bytes });
  }

  /** An entry whose body cannot be read (a damaged cache file). */
  putDamaged(url: string, headers: Record<string, string> = {}): void {
    this.entries.set(new URL(url).href, { status: 200, headers: Object.entries(headers), bytes: null });
  }

  match(request: RequestInfo | URL): Promise<Response | undefined> {
    const stored = this.entries.get(keyOf(request));
    if (!stored) return Promise.resolve(undefined);
    const body =
      stored.bytes === null
        ? new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new TypeError('cache entry unreadable')) })
        : stored.bytes.slice();
    return Promise.resolve(new Response(body, { status: stored.status, headers: stored.headers }));
  }

  keys(): Promise<Request[]> {
    return Promise.resolve([...this.entries.keys()].map((url) => new Request(url)));
  }

  delete(request: RequestInfo | URL): Promise<boolean> {
    return Promise.resolve(this.entries.delete(keyOf(request)));
  }
}

export class MemoryCacheStorage {
  readonly caches = new Map<string, MemoryCache>();

  has(name: string): Promise<boolean> {
    return Promise.resolve(this.caches.has(name));
  }

  open(name: string): Promise<MemoryCache> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new MemoryCache()));
    return Promise.resolve(cache);
  }

  delete(name: string): Promise<boolean> {
    return Promise.resolve(this.caches.delete(name));
  }

  /** As the app's code takes it. */
  get asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}
