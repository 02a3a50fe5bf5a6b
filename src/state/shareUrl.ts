// The share link: every fact a person would want to pass on, as URL query parameters, and back.
// A link is untrusted input: parseShareUrl is the one place it is checked, and each parameter it
// cannot use falls back to its default with a reason the page shows. Nothing from a link is ever
// run or rendered as HTML.
import type { DigitRef } from '../data/dataset';
import { LABEL_COUNT, type Split } from '../data/mnist';
import { ALL_DIGITS, SPLIT_FILTERS, type SplitFilter } from '../data/labelIndex';
import { DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_SIZE, MAX_SEED, MIN_SAMPLE_SIZE } from '../data/sample';
import { safeEcho } from '../data/safeText';
import { parseCustomBaseUrl, type DataSource } from '../data/sources';
import { DEFAULT_ZOOM, VIEWS, ZOOM_LEVELS, type View } from './viewOptions';


export interface ShareState {
  readonly source: DataSource;
  readonly split: SplitFilter;
  /** Sorted; all ten means no digit filter. */
  readonly digits: readonly number[];
  readonly view: View;
  readonly zoom: number;
  readonly sampleSize: number;
  readonly seed: number;
  readonly normalized: boolean;
  readonly open: DigitRef | null;
  /** The split the random sample draws from; null = the split the grid shows. */
  readonly sampleSplit: SplitFilter | null;
}

export interface IgnoredParameter {
  readonly name: string;
  readonly reason: string;
}

export const DEFAULT_SHARE_STATE: Omit<ShareState, 'seed'> = {
  source: { kind: 'bundled' },
  split: 'all',
  digits: ALL_DIGITS,
  view: 'digits',
  zoom: DEFAULT_ZOOM,
  sampleSize: DEFAULT_SAMPLE_SIZE,
  normalized: false,
  open: null,
  sampleSplit: null,
};

const KNOWN = ['source', 'url', 'split', 'digits', 'view', 'zoom', 'n', 'seed', 'norm', 'open', 'sample'] as const;
type Known = (typeof KNOWN)[number];
/** Longer values are refused unread; no legitimate parameter comes near it. */
const MAX_VALUE_LENGTH = 2048;
/** How many ignored parameters the notice names before it summarizes the rest. */
const MAX_NAMED = 5;

/** Shows a parameter name safely in a notice: printable, no bidi controls, short. */
function displayName(name: string): string {
  return safeEcho(name, 24);
}

export interface ParsedShareUrl {
  readonly state: ShareState;
  /** Whether the link carried its own seed (if not, the caller picks a random one). */
  readonly hasSeed: boolean;
  readonly ignored: readonly IgnoredParameter[];
}

export function parseShareUrl(search: string, pageUrl: string, fallbackSeed: number): ParsedShareUrl {
  const ignored: IgnoredParameter[] = [];
  const values = new Map<Known, string>();
  let unknown = 0;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
    ignored.push({ name: 'link', reason: 'could not be read' });
  }
  // Repeats are counted and reported once per parameter: 40,000 × n=1 is one line, not 40,000.
  const repeats = new Map<Known, number>();
  for (const [name, value] of params) {
    if (!(KNOWN as readonly string[]).includes(name)) {
      if (unknown++ < MAX_NAMED) ignored.push({ name: displayName(name), reason: 'is not a parameter MNIST Explorer knows' });
      continue;
    }
    const key = name as Known;
    if (values.has(key) || repeats.has(key)) {
      repeats.set(key, (repeats.get(key) ?? 0) + 1);
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      ignored.push({ name, reason: 'is too long' });
      continue;
    }
    values.set(key, value);
  }
  if (unknown > MAX_NAMED) ignored.push({ name: `${unknown - MAX_NAMED} more`, reason: 'unknown parameters' });
  for (const [name, extra] of repeats) {
    ignored.push({ name, reason: `appears ${(extra + 1).toLocaleString('en-US')} times; the first value was used` });
  }

  const read = <T>(name: Known, parse: (v: string) => T | undefined, fallback: T, reason: string): T => {
    const raw = values.get(name);
    if (raw === undefined) return fallback;
    const parsed = parse(raw);
    if (parsed === undefined) {
      ignored.push({ name, reason });
      return fallback;
    }
    return parsed;
  };

  const defaults = DEFAULT_SHARE_STATE;
  const state: ShareState = {
    source: readSource(values, pageUrl, ignored),
    split: read('split', parseSplit, defaults.split, 'must be train, test or all'),
    digits: read('digits', parseDigits, defaults.digits, 'must be "all" or digits 0–9 separated by commas'),
    view: read('view', (v) => ((VIEWS as readonly string[]).includes(v) ? (v as View) : undefined), defaults.view, `must be one of ${VIEWS.join(', ')}`),
    zoom: read('zoom', (v) => ZOOM_LEVELS.find((z) => String(z) === v), defaults.zoom, `must be one of ${ZOOM_LEVELS.join(', ')}`),
    sampleSize: read('n', (v) => parseIntInRange(v, MIN_SAMPLE_SIZE, MAX_SAMPLE_SIZE), defaults.sampleSize, `must be a whole number from ${MIN_SAMPLE_SIZE} to ${MAX_SAMPLE_SIZE}`),
    seed: read('seed', (v) => parseIntInRange(v, 0, MAX_SEED), fallbackSeed, `must be a whole number from 0 to ${MAX_SEED}`),
    normalized: read('norm', (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined), defaults.normalized, 'must be 1 or 0'),
    open: read('open', parseDigitRef, defaults.open, 'must look like train-123 or test-45'),
    sampleSplit: read<SplitFilter | null>('sample', parseSplit, defaults.sampleSplit, 'must be train, test or all'),
  };
  const hasSeed = values.has('seed') && !ignored.some((i) => i.name === 'seed');
  return { state, hasSeed, ignored };
}

function readSource(values: Map<Known, string>, pageUrl: string, ignored: IgnoredParameter[]): DataSource {
  const kind = values.get('source');
  const url = values.get('url');
  if (kind === undefined && url === undefined) return { kind: 'bundled' };
  if (kind === 'bundled' || kind === 'azure') {
    if (url !== undefined) ignored.push({ name: 'url', reason: `only applies to source=custom` });
    return { kind };
  }
  if (kind !== undefined && kind !== 'custom') {
    ignored.push({ name: 'source', reason: 'must be bundled, azure or custom' });
    return { kind: 'bundled' };
  }
  if (url === undefined) {
    ignored.push({ name: 'source', reason: 'custom needs a url parameter' });
    return { kind: 'bundled' };
  }
  const parsed = parseCustomBaseUrl(url, pageUrl);
  if (!parsed.ok) {
    ignored.push({ name: 'url', reason: parsed.reason });
    return { kind: 'bundled' };
  }
  return { kind: 'custom', baseUrl: parsed.url };
}

function parseSplit(value: string): SplitFilter | undefined {
  return (SPLIT_FILTERS as readonly string[]).includes(value) ? (value as SplitFilter) : undefined;
}

function parseIntInRange(value: string, min: number, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function parseDigits(value: string): readonly number[] | undefined {
  if (value === 'all') return ALL_DIGITS;
  const parts = value.split(',');
  if (parts.length === 0 || parts.length > LABEL_COUNT || !parts.every((p) => /^[0-9]$/.test(p))) return undefined;
  const digits = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return digits.length === LABEL_COUNT ? ALL_DIGITS : digits;
}

function parseDigitRef(value: string): DigitRef | undefined {
  const match = /^(train|test)-(\d{1,9})$/.exec(value);
  if (!match) return undefined;
  return { split: match[1] as Split, index: Number(match[2]) };
}

/** The query string for a state: defaults are left out so links stay short; the seed never is. */
export function buildShareSearch(state: ShareState): string {
  const params = new URLSearchParams();
  const d = DEFAULT_SHARE_STATE;
  if (state.source.kind !== 'bundled') params.set('source', state.source.kind);
  if (state.source.kind === 'custom') params.set('url', state.source.baseUrl);
  if (state.split !== d.split) params.set('split', state.split);
  if (state.digits.length !== LABEL_COUNT) params.set('digits', state.digits.join(','));
  if (state.view !== d.view) params.set('view', state.view);
  if (state.zoom !== d.zoom) params.set('zoom', String(state.zoom));
  if (state.sampleSize !== d.sampleSize) params.set('n', String(state.sampleSize));
  params.set('seed', String(state.seed));
  if (state.normalized) params.set('norm', '1');
  if (state.open) params.set('open', `${state.open.split}-${state.open.index}`);
  if (state.sampleSplit !== null) params.set('sample', state.sampleSplit);
  return `?${params.toString()}`;
}

export function describeIgnored(ignored: readonly IgnoredParameter[]): string {
  return ignored.map((i) => `“${i.name}” ${i.reason}`).join('; ');
}
