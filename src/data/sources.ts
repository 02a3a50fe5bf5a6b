import { AZURE_MNIST_URL, AZURE_PROXY_PATH } from './azure';
import { MNIST_FILES, type MnistFileName } from './mnist';
import { safeEcho } from './safeText';

export { AZURE_MNIST_URL, AZURE_PROXY_PATH };

/** Where the four files come from. */
export type DataSource =
  | { readonly kind: 'bundled' }
  | { readonly kind: 'azure' }
  | { readonly kind: 'custom'; readonly baseUrl: string };

export type SourceKind = DataSource['kind'];

/** Where scripts/prepare-data.ts writes the files, relative to the app's base URL. */
export const BUNDLED_DATA_PATH = 'data/';

export const SOURCE_LABELS: Record<SourceKind, string> = {
  bundled: 'Bundled copy',
  azure: 'Azure Open Datasets',
  custom: 'Custom URL',
};

export type FileUrls = Record<MnistFileName, string>;

/**
 * Checks a user-typed base URL: only http and https, resolved against the page, with a trailing
 * slash so the file names append. Returns the normalized URL or the reason it was refused.
 */
export function parseCustomBaseUrl(input: string, pageUrl: string): { ok: true; url: string } | { ok: false; reason: string } {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'enter a base URL that serves the four MNIST files' };
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return { ok: false, reason: `“${safeEcho(trimmed, 60)}” is not a URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `only http and https URLs can be loaded, not ${safeEcho(url.protocol, 16)}` };
  }
  // Never echoed: the refusal names no part of the URL, so the secret goes nowhere.
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'URLs with a user name or password are refused: they would put credentials into the address bar, history and shared links' };
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, url: url.href };
}

/** The base URL a source loads from, as the page sees it. */
export function sourceBaseUrl(source: DataSource, appBaseUrl: string): string {
  switch (source.kind) {
    case 'bundled':
      return new URL(BUNDLED_DATA_PATH, appBaseUrl).href;
    case 'azure':
      return new URL(AZURE_PROXY_PATH.slice(1), appBaseUrl).href;
    case 'custom':
      return source.baseUrl;
  }
}

/**
 * Where the worker fetches a source's four files: `urls` first; `relayUrls`, when present, if the
 * browser may not read `urls` itself. Azure is tried directly (it works wherever the container
 * sends CORS headers) and relayed by the app's own server otherwise.
 */
export function sourceFileUrls(source: DataSource, appBaseUrl: string): { urls: FileUrls; relayUrls?: FileUrls } {
  if (source.kind === 'azure') return { urls: fileUrls(AZURE_MNIST_URL), relayUrls: fileUrls(sourceBaseUrl(source, appBaseUrl)) };
  return { urls: fileUrls(sourceBaseUrl(source, appBaseUrl)) };
}

export function fileUrls(baseUrl: string): FileUrls {
  return Object.fromEntries(MNIST_FILES.map((f) => [f.name, new URL(f.name, baseUrl).href])) as FileUrls;
}

/**
 * Where a URL's host is, as far as its name tells: the visitor's own computer, a private network
 * (RFC 1918, link-local, unique-local IPv6, .local names), or the internet. Said when a link asks
 * to load from it, since a link pointing a browser at its own network is the risk.
 */
export type HostScope = 'this-computer' | 'private-network' | 'internet';

export function hostScope(url: string): HostScope {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'internet';
  }
  if (host.startsWith('[')) host = host.slice(1, -1);
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0') return 'this-computer';
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 127 || a === 0) return 'this-computer';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) {
      return 'private-network';
    }
    return 'internet';
  }
  if (host.includes(':')) {
    // IPv4-mapped IPv6 (URL writes ::ffff:7f00:1 for 127.0.0.1): judge the IPv4 inside.
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (mapped) {
      const high = parseInt(mapped[1]!, 16);
      const low = parseInt(mapped[2]!, 16);
      return hostScope(`http://${high >> 8}.${high & 255}.${low >> 8}.${low & 255}/`);
    }
    if (/^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host)) return 'private-network';
    return 'internet';
  }
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.lan') || !host.includes('.')) return 'private-network';
  return 'internet';
}
