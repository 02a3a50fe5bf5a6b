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

export function fileUrls(baseUrl: string): FileUrls {
  return Object.fromEntries(MNIST_FILES.map((f) => [f.name, new URL(f.name, baseUrl).href])) as FileUrls;
}
