// The share link: every fact a person would want to pass on, as URL query parameters, and back.
// A link is untrusted input: parseShareUrl is the one place it is checked, and each parameter it
// cannot use falls back to its default with a reason the page shows. Nothing from a link is ever
// run or rendered as HTML.
import type { DigitRef } from '../../data/dataset/dataset';
import { ALL_DIGITS, isEveryLabel, type SplitFilter } from '../../data/dataset/labelIndex';
import { CATALOG } from '../../data/dataset/catalog';
import { DEFAULT_SAMPLE_SIZE, MAX_SEED } from '../../data/dataset/sample';
import { safeEcho } from '../../data/safeText';
import { SORT_ORDERS, type SortOrder } from '../../data/dataset/sortOrder';
import { parseMapRegion, formatMapRegion, REGION_REASON, type MapRegion } from '../../data/analysis/mapRegion';
import { LAYOUTS, MAP_COLOURS, type LayoutKind, type MapColour } from '../../data/analysis/mapLayouts';
import { datasetOfSource, type DataSource } from '../../data/sources/sources';
import { DEFAULT_ZOOM, VIEWS, ZOOM_LEVELS, type View } from '../store/viewOptions';
import { MAX_LABEL, MAX_LINK_VALUE_LENGTH, MAX_SAMPLE_SIZE, MIN_SAMPLE_SIZE } from '../../data/limits';
import { parseDigitRef, parseDigits, parseIntInRange, parseSplit, readSource } from './linkValues';


export interface ShareState {
  readonly source: DataSource;
  readonly split: SplitFilter;
  /** Sorted label values; empty means no label filter. */
  readonly digits: readonly number[];
  /** Sorted classes the classifier predicts; empty means no prediction filter. */
  readonly predicted: readonly number[];
  readonly view: View;
  readonly zoom: number;
  readonly sampleSize: number;
  readonly seed: number;
  readonly normalized: boolean;
  readonly open: DigitRef | null;
  /** The split the random sample draws from; null = the split the grid shows. */
  readonly sampleSplit: SplitFilter | null;
  /** The order the grid shows the selection in. */
  readonly sort: SortOrder;
  /** The map's layout; a region is in its coordinates. */
  readonly layout: LayoutKind;
  /** What the map's points are coloured by. */
  readonly colour: MapColour;
  /** A rectangle or lasso of the map (of `layout`): only digits inside it are shown (null = no region). */
  readonly region: MapRegion | null;
}

export interface IgnoredParameter {
  readonly name: string;
  readonly reason: string;
}

/** The fields a link carries by one parameter each, with a fixed default: all but source and seed. */
type TableField = Exclude<keyof ShareState, 'source' | 'seed'>;

/** One share-link parameter, typed by the field it sets. */
interface ParameterSpec<K extends TableField> {
  /** Its name in the link. */
  readonly name: string;
  readonly default: ShareState[K];
  /** The value, or undefined when the link's text cannot be used (then `reason` is shown). */
  readonly parse: (value: string) => ShareState[K] | undefined;
  readonly format: (value: ShareState[K]) => string;
  /** Why an unusable value was ignored, as the link notice says it: "must be …". */
  readonly reason: string;
  /** Left out of links when true (default: equal to `default`). */
  readonly isDefault?: (value: ShareState[K]) => boolean;
}

/** The same, with its type closed over: what the parse and build loops use. */
interface Parameter {
  readonly name: string;
  readonly default: unknown;
  read(raw: string | undefined): { readonly value: unknown; readonly ignored?: string };
  write(state: ShareState, params: URLSearchParams): void;
}

function parameter<K extends TableField>(field: K, spec: ParameterSpec<K>): Parameter {
  const isDefault = spec.isDefault ?? ((value: ShareState[K]) => value === spec.default);
  return {
    name: spec.name,
    default: spec.default,
    read: (raw) => {
      if (raw === undefined) return { value: spec.default };
      const value = spec.parse(raw);
      return value === undefined ? { value: spec.default, ignored: spec.reason } : { value };
    },
    write: (state, params) => {
      if (!isDefault(state[field])) params.set(spec.name, spec.format(state[field]));
    },
  };
}

/**
 * Every parameter but source (two of them: source and url) and seed (no fixed default: a fresh
 * random one; always written): its name, default, parsing, formatting and why it may be ignored.
 * Parsing, defaults, links and the store's share state all derive from this table, and the
 * compiler checks it has an entry for each field of ShareState.
 */
const PARAMETERS = {
  split: parameter('split', { name: 'split', default: 'all', parse: parseSplit, format: String, reason: 'must be train, test or all' }),
  digits: parameter('digits', {
    name: 'digits',
    default: ALL_DIGITS,
    parse: parseDigits,
    format: (digits) => digits.join(','),
    isDefault: isEveryLabel,
    reason: `must be "all" or labels 0–${MAX_LABEL} separated by commas`,
  }),
  predicted: parameter('predicted', {
    name: 'predicted',
    default: ALL_DIGITS,
    parse: parseDigits,
    format: (classes) => classes.join(','),
    isDefault: isEveryLabel,
    reason: `must be "all" or classes 0–${MAX_LABEL} separated by commas`,
  }),
  view: parameter('view', { name: 'view', default: 'digits', parse: (v) => ((VIEWS as readonly string[]).includes(v) ? (v as View) : undefined), format: String, reason: `must be one of ${VIEWS.join(', ')}` }),
  zoom: parameter('zoom', { name: 'zoom', default: DEFAULT_ZOOM, parse: (v) => ZOOM_LEVELS.find((z) => String(z) === v), format: String, reason: `must be one of ${ZOOM_LEVELS.join(', ')}` }),
  sampleSize: parameter('sampleSize', {
    name: 'n',
    default: DEFAULT_SAMPLE_SIZE,
    parse: (v) => parseIntInRange(v, MIN_SAMPLE_SIZE, MAX_SAMPLE_SIZE),
    format: String,
    reason: `must be a whole number from ${MIN_SAMPLE_SIZE} to ${MAX_SAMPLE_SIZE}`,
  }),
  normalized: parameter('normalized', { name: 'norm', default: false, parse: (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined), format: () => '1', reason: 'must be 1 or 0' }),
  open: parameter('open', { name: 'open', default: null, parse: parseDigitRef, format: (ref) => (ref ? `${ref.split}-${ref.index}` : ''), reason: 'must look like train-123 or test-45' }),
  sampleSplit: parameter('sampleSplit', { name: 'sample', default: null, parse: parseSplit, format: String, reason: 'must be train, test or all' }),
  sort: parameter('sort', { name: 'sort', default: 'file', parse: (v) => SORT_ORDERS.find((o) => o === v), format: String, reason: `must be one of ${SORT_ORDERS.join(', ')}` }),
  layout: parameter('layout', { name: 'layout', default: 'umap', parse: (v) => LAYOUTS.find((l) => l === v), format: String, reason: `must be one of ${LAYOUTS.join(', ')}` }),
  colour: parameter('colour', { name: 'colour', default: 'label', parse: (v) => MAP_COLOURS.find((c) => c === v), format: String, reason: `must be one of ${MAP_COLOURS.join(', ')}` }),
  region: parameter('region', {
    name: 'region',
    default: null,
    parse: parseMapRegion,
    format: (region) => (region ? formatMapRegion(region) : ''),
    reason: REGION_REASON,
  }),
} satisfies Record<TableField, Parameter>;

const TABLE_FIELDS = Object.keys(PARAMETERS) as TableField[];

/** Every field of ShareState, in the order links list them. */
export const SHARE_FIELDS: readonly (keyof ShareState)[] = ['source', ...TABLE_FIELDS, 'seed'];

export const DEFAULT_SHARE_STATE = {
  source: { kind: 'bundled' },
  ...Object.fromEntries(TABLE_FIELDS.map((field) => [field, PARAMETERS[field].default])),
} as Omit<ShareState, 'seed'>;

const KNOWN = ['dataset', 'source', 'url', 'seed', ...TABLE_FIELDS.map((field) => PARAMETERS[field].name)];
/** Longer values are refused unread; no legitimate parameter comes near it. */
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
  const values = new Map<string, string>();
  let unknown = 0;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
    ignored.push({ name: 'link', reason: 'could not be read' });
  }
  // Repeats are counted and reported once per parameter: 40,000 × n=1 is one line, not 40,000.
  const repeats = new Map<string, number>();
  for (const [name, value] of params) {
    if (!KNOWN.includes(name)) {
      if (unknown++ < MAX_NAMED) ignored.push({ name: displayName(name), reason: 'is not a parameter MNIST Explorer knows' });
      continue;
    }
    if (values.has(name) || repeats.has(name)) {
      repeats.set(name, (repeats.get(name) ?? 0) + 1);
      continue;
    }
    if (value.length > MAX_LINK_VALUE_LENGTH) {
      ignored.push({ name, reason: 'is too long' });
      continue;
    }
    values.set(name, value);
  }
  if (unknown > MAX_NAMED) ignored.push({ name: `${unknown - MAX_NAMED} more`, reason: 'unknown parameters' });
  for (const [name, extra] of repeats) {
    ignored.push({ name, reason: `appears ${(extra + 1).toLocaleString('en-US')} times; the first value was used` });
  }

  const source = readSource(values, pageUrl, ignored);
  const table = Object.fromEntries(
    TABLE_FIELDS.map((field) => {
      const { name } = PARAMETERS[field];
      const { value, ignored: reason } = PARAMETERS[field].read(values.get(name));
      if (reason) ignored.push({ name, reason });
      return [field, value];
    }),
  ) as { -readonly [K in TableField]: ShareState[K] };
  const seedText = values.get('seed');
  const seed = seedText === undefined ? undefined : parseIntInRange(seedText, 0, MAX_SEED);
  if (seedText !== undefined && seed === undefined) ignored.push({ name: 'seed', reason: `must be a whole number from 0 to ${MAX_SEED}` });
  // Labels are checked against the classes of the dataset the link names, where the catalogue knows them.
  const classes = CATALOG[datasetOfSource(source)].classNames;
  if (classes && values.has('digits')) {
    const list = table.digits;
    const fitted = list.filter((d) => d < classes.length && classes[d] !== null);
    const classCount = classes.filter((c) => c !== null).length;
    if (fitted.length !== list.length || values.get('digits')!.split(',').length > classCount) {
      ignored.push({ name: 'digits', reason: `must be "all" or labels of ${CATALOG[datasetOfSource(source)].title} separated by commas` });
      table.digits = ALL_DIGITS;
    } else if (fitted.length === classCount) {
      table.digits = ALL_DIGITS;
    }
  }
  // The classes a prediction can be are the dataset's too (a list of them all is kept as given:
  // it still waits for the model, as any predicted= does).
  if (classes && values.has('predicted')) {
    const list = table.predicted;
    if (!list.every((d) => d < classes.length && classes[d] !== null)) {
      ignored.push({ name: 'predicted', reason: `must be "all" or classes of ${CATALOG[datasetOfSource(source)].title} separated by commas` });
      table.predicted = ALL_DIGITS;
    }
  }
  // Links from before the neighbourhood map drew their regions on the principal components.
  if (table.region && !values.has('layout')) table.layout = 'pca';
  const state: ShareState = { source, ...table, seed: seed ?? fallbackSeed };
  const hasSeed = seed !== undefined;
  return { state, hasSeed, ignored };
}

/** The query string for a state: defaults are left out so links stay short; the seed never is. */
export function buildShareSearch(state: ShareState): string {
  const params = new URLSearchParams();
  const source = state.source;
  const dataset = datasetOfSource(source);
  if (dataset !== 'mnist') params.set('dataset', dataset);
  // A dataset's publisher is what `dataset=` alone means; MNIST's bundled copy is what nothing means.
  if (source.kind !== 'bundled' && source.kind !== 'public') params.set('source', source.kind);
  if (source.kind === 'custom') params.set('url', source.baseUrl);
  for (const field of TABLE_FIELDS) PARAMETERS[field].write(state, params);
  // A region is in its layout's coordinates: the link says which, even the default.
  if (state.region) params.set('layout', state.layout);
  params.set('seed', String(state.seed));
  return `?${params.toString()}`;
}

export function describeIgnored(ignored: readonly IgnoredParameter[]): string {
  return ignored.map((i) => `“${i.name}” ${i.reason}`).join('; ');
}
