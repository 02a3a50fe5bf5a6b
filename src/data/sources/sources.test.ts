import { describe, expect, it } from 'vitest';
import { fileUrls, hostScope, parseCustomBaseUrl, sourceBaseUrl, sourceFileUrls } from './sources';

const PAGE = 'http://localhost:5173/';

describe('data sources', () => {
  it('normalizes a custom base URL to end in a slash, without query or hash', () => {
    expect(parseCustomBaseUrl(' https://example.org/mnist?x=1#y ', PAGE)).toEqual({ ok: true, url: 'https://example.org/mnist/' });
    expect(parseCustomBaseUrl('/files/', PAGE)).toEqual({ ok: true, url: 'http://localhost:5173/files/' });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>x</script>', 'ftp://example.org/', 'file:///etc/'])(
    'refuses %s',
    (input) => {
      const parsed = parseCustomBaseUrl(input, PAGE);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.reason).toMatch(/only http and https/);
    },
  );

  it('refuses empty input and text that is no URL', () => {
    expect(parseCustomBaseUrl('  ', PAGE).ok).toBe(false);
    const parsed = parseCustomBaseUrl('http://[bad', PAGE);
    expect(!parsed.ok && parsed.reason).toContain('not a URL');
  });

  it.each(['http://user:pass@h.example/m/', 'https://user@h.example/', 'http://:pw@h.example/'])('refuses credentials in %s without echoing them', (input) => {
    const parsed = parseCustomBaseUrl(input, PAGE);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/user name or password/);
    expect(!parsed.ok && parsed.reason).not.toMatch(/pass@|:pw|user@|user:|h\.example/);
  });

  it('echoes text that is no URL short and without bidi controls', () => {
    const parsed = parseCustomBaseUrl(`http://[\u202Eevil${'x'.repeat(3000)}`, PAGE);
    expect(!parsed.ok && parsed.reason).not.toMatch(/\u202E/);
    expect(!parsed.ok && parsed.reason.length).toBeLessThan(100);
  });

  it('resolves each source to the four file URLs', () => {
    expect(sourceBaseUrl({ kind: 'bundled' }, PAGE)).toBe('http://localhost:5173/data/');
    expect(sourceBaseUrl({ kind: 'azure' }, PAGE)).toBe('http://localhost:5173/azure-mnist/');
    expect(fileUrls('https://example.org/m/')['test-labels']).toBe('https://example.org/m/t10k-labels-idx1-ubyte.gz');
  });

  it('fetches Azure directly first, with the relay as the way round; other sources have no relay', () => {
    const azure = sourceFileUrls({ kind: 'azure' }, PAGE)!;
    expect(azure.urls['train-images']).toBe('https://azureopendatastorage.blob.core.windows.net/mnist/train-images-idx3-ubyte.gz');
    expect(azure.relayUrls?.['train-images']).toBe('http://localhost:5173/azure-mnist/train-images-idx3-ubyte.gz');
    expect(sourceFileUrls({ kind: 'bundled' }, PAGE)).toEqual({ urls: fileUrls('http://localhost:5173/data/') });
    expect(sourceFileUrls({ kind: 'custom', baseUrl: 'https://example.org/m/' }, PAGE)!.relayUrls).toBeUndefined();
  });

  it('loads a catalogue dataset from its publisher, relayed by the app’s own server under a sub-path; EMNIST and local files have no URLs', () => {
    const app = 'https://octo.github.io/mnist-explorer/';
    const fashion = sourceFileUrls({ kind: 'public', dataset: 'fashion-mnist' }, app)!;
    expect(fashion.urls['test-labels']).toBe('http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/t10k-labels-idx1-ubyte.gz');
    expect(fashion.relayUrls?.['test-labels']).toBe('https://octo.github.io/mnist-explorer/relay/fashion-mnist/t10k-labels-idx1-ubyte.gz');
    expect(sourceFileUrls({ kind: 'public', dataset: 'kmnist' }, app)!.urls['train-images']).toBe('http://codh.rois.ac.jp/kmnist/dataset/kmnist/train-images-idx3-ubyte.gz');
    expect(sourceFileUrls({ kind: 'azure' }, app)!.relayUrls?.['train-images']).toBe('https://octo.github.io/mnist-explorer/azure-mnist/train-images-idx3-ubyte.gz');
    expect(sourceFileUrls({ kind: 'public', dataset: 'emnist-letters' }, app)).toBeNull();
    expect(sourceFileUrls({ kind: 'local', dataset: 'mnist', files: null }, app)).toBeNull();
    // A mirror of EMNIST is asked for EMNIST's own file names.
    expect(sourceFileUrls({ kind: 'custom', baseUrl: 'https://m.example/e/', dataset: 'emnist-digits' }, app)!.urls['test-images']).toBe('https://m.example/e/emnist-digits-test-images-idx3-ubyte.gz');
  });

  it.each([
    ['http://localhost:4174/m/', 'this-computer'],
    ['http://app.localhost/', 'this-computer'],
    ['http://127.0.0.1:4174/originals/', 'this-computer'],
    ['http://127.1/', 'this-computer'],
    ['http://2130706433/', 'this-computer'],
    ['http://0x7f000001/', 'this-computer'],
    ['http://[::1]/', 'this-computer'],
    ['http://[::ffff:127.0.0.1]/', 'this-computer'],
    ['http://0.0.0.0:8000/', 'this-computer'],
    ['http://10.1.2.3/', 'private-network'],
    ['http://172.20.0.5/', 'private-network'],
    ['http://192.168.1.1/', 'private-network'],
    ['http://169.254.169.254/latest/', 'private-network'],
    ['http://[fd12:3456::1]/', 'private-network'],
    ['http://[fe80::1]/', 'private-network'],
    ['http://[::ffff:10.0.0.1]/', 'private-network'],
    ['http://printer.local/', 'private-network'],
    ['http://router/', 'private-network'],
    ['https://example.org/mnist/', 'internet'],
    ['http://172.32.0.1/', 'internet'],
    ['http://8.8.8.8/', 'internet'],
    ['https://[2001:db8::1]/', 'internet'],
  ])('places the host of %s on %s', (url, scope) => {
    expect(hostScope(url)).toBe(scope);
  });
});
