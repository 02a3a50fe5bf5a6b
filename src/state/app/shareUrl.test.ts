import { parseMapRegion } from '../../data/analysis/mapRegion';
import { describe, expect, it } from 'vitest';
import { ALL_DIGITS } from '../../data/dataset/labelIndex';
import { buildShareSearch, DEFAULT_SHARE_STATE, describeIgnored, parseShareUrl, type ShareState } from './shareUrl';

const PAGE = 'http://localhost:5173/';
const parse = (search: string) => parseShareUrl(search, PAGE, 777);
const ignoredNames = (search: string) => parse(search).ignored.map((i) => i.name);

describe('parseShareUrl: good links', () => {
  it('gives the defaults and the fallback seed for an empty link', () => {
    const { state, ignored, hasSeed } = parse('');
    expect(state).toEqual({ ...DEFAULT_SHARE_STATE, seed: 777 });
    expect(ignored).toEqual([]);
    expect(hasSeed).toBe(false);
  });

  it('reads every parameter', () => {
    const { state, ignored, hasSeed } = parse(
      '?source=custom&url=https%3A%2F%2Fmirror.example%2Fmnist&split=test&digits=7,3,3&view=table&zoom=0.5&n=12&seed=4294967295&norm=1&open=test-42&sample=train&sort=-ink&region=-1.5,20,300,-40.25&predicted=9,4',
    );
    expect(ignored).toEqual([]);
    expect(hasSeed).toBe(true);
    expect(state).toEqual({
      source: { kind: 'custom', baseUrl: 'https://mirror.example/mnist/' },
      split: 'test',
      digits: [3, 7],
      predicted: [4, 9],
      view: 'table',
      zoom: 0.5,
      sampleSize: 12,
      seed: 4294967295,
      normalized: true,
      open: { split: 'test', index: 42 },
      sampleSplit: 'train',
      sort: '-ink',
      // A region without a layout is from a link made before the neighbourhood map: principal components.
      layout: 'pca',
      colour: 'label',
      region: { shape: 'rect', x0: -1.5, y0: -40.25, x1: 300, y1: 20 },
    });
  });

  it('reads predicted= like digits=, against the classes of the dataset the link names', () => {
    expect(parse('?predicted=all').state.predicted).toBe(ALL_DIGITS);
    expect(parse('?predicted=3,3,1').state.predicted).toEqual([1, 3]);
    expect(parse('?dataset=emnist-letters&predicted=0').ignored).toEqual([{ name: 'predicted', reason: expect.stringContaining('EMNIST') }]);
    expect(parse('?predicted=x').ignored).toEqual([{ name: 'predicted', reason: 'must be "all" or classes 0–254 separated by commas' }]);
  });

  it('reads azure, all digits, norm=0 and a url implying custom', () => {
    expect(parse('?source=azure').state.source).toEqual({ kind: 'azure' });
    expect(parse('?digits=all').state.digits).toBe(ALL_DIGITS);
    expect(parse('?digits=0,1,2,3,4,5,6,7,8,9').state.digits).toBe(ALL_DIGITS);
    expect(parse('?norm=0').state.normalized).toBe(false);
    expect(parse('?url=http://h.example/x/').state.source).toEqual({ kind: 'custom', baseUrl: 'http://h.example/x/' });
  });

  it('round-trips through buildShareSearch, leaving defaults out but always the seed', () => {
    // Every field away from its default, each to another value than the test above reads.
    const state: ShareState = {
      ...DEFAULT_SHARE_STATE,
      ...{ source: { kind: 'custom', baseUrl: 'https://m.example/a b/' }, split: 'train', digits: [0, 9], view: 'files', zoom: 4 },
      ...{ sampleSize: 100, seed: 0, normalized: true, open: { split: 'train', index: 59999 }, sampleSplit: 'all', sort: 'atypical' },
      ...{ layout: 'umap', colour: 'suspect' },
      region: parseMapRegion('lasso:-1.5,-2,3.25,4:AAAA_AAA___A')!,
    };
    const search = buildShareSearch(state);
    expect(parse(search)).toEqual({ state: { ...state, source: { kind: 'custom', baseUrl: 'https://m.example/a%20b/' } }, hasSeed: true, ignored: [] });
    expect(buildShareSearch({ ...DEFAULT_SHARE_STATE, seed: 5 })).toBe('?seed=5');
    // The layout is the default, but a region's link names it all the same.
    expect(search).toContain('layout=umap');
    expect(search.length).toBeLessThan(400);
  });

  it('reads the layout and colour, and a region with its layout', () => {
    expect(parse('?view=map').state).toMatchObject({ layout: 'umap', colour: 'label', region: null });
    expect(parse('?layout=pca&colour=split').state).toMatchObject({ layout: 'pca', colour: 'split' });
    expect(parse('?layout=umap&region=0,0,1,1').state).toMatchObject({ layout: 'umap', region: { shape: 'rect', x0: 0, y0: 0, x1: 1, y1: 1 } });
    expect(parse('?region=0,0,1,1').state.layout).toBe('pca');
  });
});

describe('parseShareUrl: bad links fall back per parameter and say why', () => {
  it.each([
    ['split', '?split=validation'],
    ['digits', '?digits=10'],
    ['digits', '?digits=1,,2'],
    ['digits', '?digits=-1'],
    ['digits', '?digits='],
    ['digits', '?digits=1,2,3,4,5,6,7,8,9,0,1'],
    ['view', '?view=admin'],
    ['region', '?region=1,2,3'],
    ['region', '?region=lasso:0,0,1,1:AAAA'],
    ['region', `?region=lasso:0,0,1,1:${'AAAA_AAA___A'.repeat(30)}`],
    ['layout', '?layout=tsne'],
    ['colour', '?colour=red'],
    ['region', '?region=1,2,3,x'],
    ['region', '?region=1e3,0,1,1'],
    ['region', '?region=NaN,0,1,1'],
    ['region', '?region=200000,0,1,1'],
    ['zoom', '?zoom=2.5'],
    ['zoom', '?zoom=1e309'],
    ['n', '?n=0'],
    ['n', '?n=101'],
    ['n', '?n=3.5'],
    ['n', '?n=%2030'],
    ['seed', '?seed=-1'],
    ['seed', '?seed=4294967296'],
    ['seed', '?seed=99999999999999999999'],
    ['seed', '?seed=0x10'],
    ['norm', '?norm=yes'],
    ['open', '?open=train--1'],
    ['open', '?open=validation-3'],
    ['open', '?open=train-1e3'],
    ['open', '?open=train-9999999999'],
    ['source', '?source=ftp'],
    ['source', '?source=custom'],
    ['url', '?source=custom&url=javascript:alert(1)'],
    ['url', '?source=custom&url=data:text/html,%3Cscript%3E'],
    ['url', '?source=bundled&url=https://x.example/'],
  ])('ignores a bad %s (%s)', (name, search) => {
    const { state, ignored } = parse(search);
    expect(ignored.map((i) => i.name)).toEqual([name]);
    const defaults = { ...DEFAULT_SHARE_STATE, seed: 777 };
    const key = ({ n: 'sampleSize', norm: 'normalized', url: 'source' } as Record<string, keyof ShareState>)[name] ?? (name as keyof ShareState);
    expect(state[key]).toEqual(defaults[key]);
  });

  it('keeps the good parameters of a partly bad link', () => {
    const { state, ignored } = parse('?split=test&digits=x&seed=12');
    expect(state.split).toBe('test');
    expect(state.seed).toBe(12);
    expect(state.digits).toBe(ALL_DIGITS);
    expect(ignored.map((i) => i.name)).toEqual(['digits']);
  });

  it('uses the first of repeated parameters and says so once, with the count', () => {
    const { state, ignored } = parse('?split=test&split=train');
    expect(state.split).toBe('test');
    expect(ignored).toEqual([{ name: 'split', reason: 'appears 2 times; the first value was used' }]);
    const many = parse(`?${Array.from({ length: 40_000 }, () => 'n=1').join('&')}&seed=3&seed=4`);
    expect(many.state.sampleSize).toBe(1);
    expect(many.ignored).toEqual([
      { name: 'n', reason: 'appears 40,000 times; the first value was used' },
      { name: 'seed', reason: 'appears 2 times; the first value was used' },
    ]);
    expect(describeIgnored(many.ignored).length).toBeLessThan(200);
  });

  it('strips bidirectional controls from names it echoes', () => {
    const name = parse('?a%E2%80%AEb%E2%81%A6c%E2%80%8Fd=1').ignored[0]!.name;
    expect(name).toBe('a?b?c?d');
  });

  it('refuses a custom URL with credentials, and echoes no part of it', () => {
    const { state, ignored } = parse(`?source=custom&url=${encodeURIComponent('http://user:secret@h.example/m/')}`);
    expect(state.source).toEqual({ kind: 'bundled' });
    expect(ignored.map((i) => i.name)).toEqual(['url']);
    expect(describeIgnored(ignored)).toMatch(/user name or password/);
    expect(describeIgnored(ignored)).not.toMatch(/secret|user:|h\.example/);
    expect(buildShareSearch(state)).not.toContain('secret');
  });

  it('names unknown parameters, a few at most, and refuses huge values unread', () => {
    expect(ignoredNames('?utm_source=x&%3Cscript%3E=1')).toEqual(['utm_source', '<script>']);
    const many = Array.from({ length: 40 }, (_, i) => `k${i}=1`).join('&');
    expect(ignoredNames(`?${many}`)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', '35 more']);
    expect(ignoredNames(`?split=${'a'.repeat(5000)}`)).toEqual(['split']);
  });

  it('never echoes control characters and shortens long names', () => {
    const name = parse('?a%00%1Fb=1').ignored[0]!.name;
    expect(name).toBe('a??b');
    expect(parse(`?${'x'.repeat(100)}=1`).ignored[0]!.name).toHaveLength(25);
  });

  it('describes what it ignored in one sentence', () => {
    expect(describeIgnored(parse('?zoom=9&n=0').ignored)).toBe('“zoom” must be one of 0.15, 0.25, 0.5, 1, 1.5, 2, 3, 4; “n” must be a whole number from 1 to 100');
  });
});

describe('parseShareUrl: datasets', () => {
  const parse = (search: string) => parseShareUrl(search, PAGE, 1);
  it('names a dataset: alone its publisher, with a url a mirror, local its visitor’s files; and writes it back', () => {
    expect(parse('?dataset=fashion-mnist').state.source).toEqual({ kind: 'public', dataset: 'fashion-mnist' });
    expect(parse('?dataset=kmnist&source=custom&url=https://m.example/k/').state.source).toEqual({ kind: 'custom', baseUrl: 'https://m.example/k/', dataset: 'kmnist' });
    expect(parse('?dataset=emnist-letters').state.source).toEqual({ kind: 'local', dataset: 'emnist-letters', files: null });
    expect(parse('?dataset=mnist&source=public').state.source).toEqual({ kind: 'azure' });
    for (const search of ['?dataset=fashion-mnist', '?dataset=kmnist&source=custom&url=https%3A%2F%2Fm.example%2Fk%2F', '?dataset=emnist-letters&source=local']) {
      const { state, ignored } = parse(search);
      expect(ignored).toEqual([]);
      expect(buildShareSearch(state)).toBe(`${search}&seed=1`);
    }
  });

  it('checks labels against the named dataset’s classes', () => {
    expect(parse('?dataset=emnist-letters&digits=1,26').state.digits).toEqual([1, 26]);
    expect(parse('?dataset=emnist-letters&digits=0').ignored.map((i) => i.name)).toEqual(['digits']);
    expect(parse('?dataset=idx&source=local&digits=200').state.digits).toEqual([200]);
    expect(parse('?digits=12').ignored.map((i) => i.name)).toEqual(['digits']);
  });

  it('refuses an unknown dataset and MNIST-only sources for other data, and says why', () => {
    expect(parse('?dataset=cifar').ignored).toEqual([{ name: 'dataset', reason: expect.stringContaining('must be one of mnist, fashion-mnist') }]);
    expect(parse('?dataset=cifar').state.source).toEqual({ kind: 'bundled' });
    const { state, ignored } = parse('?dataset=kmnist&source=bundled');
    expect(state.source).toEqual({ kind: 'public', dataset: 'kmnist' });
    expect(ignored).toEqual([{ name: 'source', reason: 'bundled holds only MNIST' }]);
  });
});
