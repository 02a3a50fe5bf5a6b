// Share links a stranger might send: script tags, javascript: URLs, huge and negative numbers,
// unknown digits, unicode, repeated and unknown parameters. Built from a seeded PRNG so a
// failure names a link that can be opened again. Custom URLs only ever point at this machine.
import { mulberry32 } from '../data/dataset/sample';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  '<svg/onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '1e999',
  '-1',
  '-0',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '١٢٣',
  '３',
  '💥',
  '\u202egnirts',
  '\u0000',
  '../../etc/passwd',
  'train-99999999',
  'test--1',
  'train-1.5',
  '{{7*7}}',
  '${window.__pwned=1}',
  "'; DROP TABLE digits; --",
  'A'.repeat(3000),
  '',
  ' ',
  '10',
  '3,3,3,x',
  'all,all',
  'TRAIN',
  'constructor',
  '__proto__',
];
const VALID: Record<string, string[]> = {
  split: ['train', 'test', 'all'],
  digits: ['all', '3', '0,9', '1,2,3'],
  view: ['digits', 'table', 'files'],
  zoom: ['0.5', '1', '4'],
  n: ['1', '30', '100'],
  seed: ['0', '42', '4294967295'],
  norm: ['0', '1'],
  open: ['train-0', 'test-9999'],
  sample: ['train', 'test', 'all'],
  source: ['bundled'],
};
const KEYS = [...Object.keys(VALID), 'url', 'source', '__proto__', 'constructor', '<img src=x onerror=alert(1)>', 'split[]', 'SEED', '💥'];
const LOCAL_URLS = ['javascript:window.__pwned=1', 'data:text/html,x', 'file:///etc/', 'http://127.0.0.1:4174/missing/', 'vbscript:x'];

export function hostileLinks(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const links: string[] = [];
  for (let i = 0; i < count; i++) {
    const params: [string, string][] = [];
    for (let k = 1 + Math.floor(random() * 5); k > 0; k--) {
      const key = pick(KEYS);
      if (key === 'url') {
        params.push(['source', 'custom'], ['url', pick(LOCAL_URLS)]);
        continue;
      }
      const valid = VALID[key];
      params.push([key, valid && random() < 0.3 ? pick(valid) : pick(PAYLOADS)]);
      if (random() < 0.15) params.push([key, pick(PAYLOADS)]); // repeated
    }
    const search = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    links.push(`/?${search}${random() < 0.1 ? '#<script>window.__pwned=1</script>' : ''}`);
  }
  return links;
}
