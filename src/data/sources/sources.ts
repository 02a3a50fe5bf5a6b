import { AZURE_MNIST_URL, AZURE_PROXY_PATH, RELAYS } from './publishers';
import { CATALOG, type DatasetEntry, type DatasetId } from '../dataset/catalog';
import { FILE_SLOTS, type FileSlot } from '../dataset/fileSlots';
import { safeEcho } from '../safeText';

export { AZURE_MNIST_URL, AZURE_PROXY_PATH };

/**
 * Where the files come from, and (for all but MNIST's own two) which dataset they are: MNIST's
 * bundled copy or Azure, a catalogue dataset's publisher, a base URL serving the files (a mirror),
 * or files the visitor opens on their own computer (never in a link: a link says `local`, and the
 * page asks for them).
 */
export type DataSource =
  | { readonly kind: 'bundled' }
  | { readonly kind: 'azure' }
  | { readonly kind: 'public'; readonly dataset: DatasetId }
  | { readonly kind: 'custom'; readonly baseUrl: string; readonly dataset?: DatasetId }
  | { readonly kind: 'local'; readonly dataset: DatasetId; readonly files: readonly File[] | null };

/** Which dataset a source's files are. */
export function datasetOfSource(source: DataSource): DatasetId {
  switch (source.kind) {
    case 'bundled':
    case 'azure':
      return 'mnist';
    case 'custom':
      return source.dataset ?? 'mnist';
    case 'public':
    case 'local':
      return source.dataset;
  }
}

/** Whether two sources are the same place (local files: the same dataset picked again counts as new). */
export function sameSource(a: DataSource, b: DataSource): boolean {
  if (a.kind !== b.kind || datasetOfSource(a) !== datasetOfSource(b)) return false;
  if (a.kind === 'custom' && b.kind === 'custom') return a.baseUrl === b.baseUrl;
  if (a.kind === 'local' && b.kind === 'local') return a.files === b.files;
  return true;
}

export type SourceKind = DataSource['kind'];

/** Where scripts/prepare-data.ts writes the files, relative to the app's base URL. */
export const BUNDLED_DATA_PATH = 'data/';

export const SOURCE_LABELS: Record<SourceKind, string> = {
  bundled: 'Bundled copy',
  azure: 'Azure Open Datasets',
  public: 'Publisher',
  custom: 'Custom URL',
  local: 'Your own files',
};

export type FileUrls = Record<FileSlot, string>;

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

/** The app's relay path for a publisher's folder, if the allow-list has it. */
function relayPathFor(target: string): string | null {
  return RELAYS.find((r) => r.target === target)?.path ?? null;
}

/** The base URL a source loads from, as the page sees it (through the relay for a relayed publisher); null for local files. */
export function sourceBaseUrl(source: DataSource, appBaseUrl: string): string | null {
  switch (source.kind) {
    case 'bundled':
      return new URL(BUNDLED_DATA_PATH, appBaseUrl).href;
    case 'azure':
      return new URL(AZURE_PROXY_PATH.slice(1), appBaseUrl).href;
    case 'public': {
      const target = CATALOG[source.dataset].publicBaseUrl;
      if (!target) return null;
      const relay = relayPathFor(target);
      return relay ? new URL(relay.slice(1), appBaseUrl).href : target;
    }
    case 'custom':
      return source.baseUrl;
    case 'local':
      return null;
  }
}

/**
 * Where the worker fetches a source's four files: `urls` first; `relayUrls`, when present, if the
 * browser may not read `urls` itself. A publisher on the relay's allow-list (Azure, Fashion-MNIST,
 * KMNIST) is tried directly (it works wherever the host sends CORS headers) and relayed by the
 * app's own server otherwise. Null for a source with no URLs (local files, EMNIST's archive).
 */
export function sourceFileUrls(source: DataSource, appBaseUrl: string): { urls: FileUrls; relayUrls?: FileUrls } | null {
  const entry = CATALOG[datasetOfSource(source)];
  const base = sourceBaseUrl(source, appBaseUrl);
  if (base === null) return null;
  if (source.kind === 'azure') return { urls: fileUrls(AZURE_MNIST_URL), relayUrls: fileUrls(base) };
  if (source.kind === 'public' && entry.publicBaseUrl && base !== entry.publicBaseUrl) {
    return { urls: fileUrls(entry.publicBaseUrl, entry), relayUrls: fileUrls(base, entry) };
  }
  return { urls: fileUrls(base, entry) };
}

/** The files' URLs under a base URL, by MNIST's role names, as the entry names the files. */
export function fileUrls(baseUrl: string, entry: DatasetEntry = CATALOG.mnist): FileUrls {
  return Object.fromEntries(FILE_SLOTS.map((f) => [f.slot, new URL(entry.files[f.split][f.role], baseUrl).href])) as FileUrls;
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
