// The values a share link carries, each read from its text into a typed value, or undefined when
// it cannot be used (the table in shareUrl.ts then says why and falls back). The source is read
// from three parameters together (dataset, source, url), with its own reasons.
import type { DigitRef } from '../../data/dataset/dataset';
import type { Split } from '../../data/dataset/fileSlots';
import { ALL_DIGITS, SPLIT_FILTERS, type SplitFilter } from '../../data/dataset/labelIndex';
import { CATALOG, isDatasetId, type DatasetId } from '../../data/dataset/catalog';
import { parseCustomBaseUrl, type DataSource } from '../../data/sources/sources';
import { MAX_LABEL } from '../../data/limits';
import type { IgnoredParameter } from './shareUrl';

/**
 * The source from `dataset`, `source` and `url`. `dataset=fashion-mnist` alone means its
 * publisher; with `source=custom&url=…` a mirror of it; `source=local` files the visitor opens.
 * Whatever cannot be used falls back to MNIST's bundled copy, and says why.
 */
export function readSource(values: Map<string, string>, pageUrl: string, ignored: IgnoredParameter[]): DataSource {
  const datasetText = values.get('dataset');
  let dataset: DatasetId = 'mnist';
  if (datasetText !== undefined) {
    if (isDatasetId(datasetText)) dataset = datasetText;
    else ignored.push({ name: 'dataset', reason: `must be one of ${Object.keys(CATALOG).join(', ')}` });
  }
  const kind = values.get('source');
  const url = values.get('url');
  const fallback = (): DataSource => ({ kind: 'bundled' });
  if (url !== undefined && kind !== 'custom' && kind !== undefined) ignored.push({ name: 'url', reason: `only applies to source=custom` });
  if (kind === undefined && url === undefined) {
    if (dataset === 'mnist') return fallback();
    return publicOrLocal(dataset);
  }
  if (kind === 'bundled' || kind === 'azure') {
    if (dataset !== 'mnist') {
      ignored.push({ name: 'source', reason: `${kind} holds only MNIST` });
      return publicOrLocal(dataset);
    }
    return { kind };
  }
  if (kind === 'public') {
    if (CATALOG[dataset].publicBaseUrl === null) {
      ignored.push({ name: 'source', reason: `${CATALOG[dataset].title} has no public files to load; open them as your own files` });
      return { kind: 'local', dataset, files: null };
    }
    return dataset === 'mnist' ? { kind: 'azure' } : { kind: 'public', dataset };
  }
  if (kind === 'local') return { kind: 'local', dataset, files: null };
  if (kind !== undefined && kind !== 'custom') {
    ignored.push({ name: 'source', reason: 'must be bundled, azure, public, custom or local' });
    return fallback();
  }
  if (url === undefined) {
    ignored.push({ name: 'source', reason: 'custom needs a url parameter' });
    return fallback();
  }
  const parsed = parseCustomBaseUrl(url, pageUrl);
  if (!parsed.ok) {
    ignored.push({ name: 'url', reason: parsed.reason });
    return fallback();
  }
  return dataset === 'mnist' ? { kind: 'custom', baseUrl: parsed.url } : { kind: 'custom', baseUrl: parsed.url, dataset };
}

/** A catalogue dataset from where it can be had: its publisher, or else the visitor's own files. */
function publicOrLocal(dataset: DatasetId): DataSource {
  return CATALOG[dataset].publicBaseUrl === null ? { kind: 'local', dataset, files: null } : { kind: 'public', dataset };
}

export function parseSplit(value: string): SplitFilter | undefined {
  return (SPLIT_FILTERS as readonly string[]).includes(value) ? (value as SplitFilter) : undefined;
}

export function parseIntInRange(value: string, min: number, max: number): number | undefined {
  if (!/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Label values 0–254; made to fit the dataset's classes once it is known (normaliseLabels). */
export function parseDigits(value: string): readonly number[] | undefined {
  if (value === 'all') return ALL_DIGITS;
  const parts = value.split(',');
  if (parts.length === 0 || parts.length > MAX_LABEL + 1 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= MAX_LABEL)) return undefined;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

export function parseDigitRef(value: string): DigitRef | undefined {
  const match = /^(train|test)-(\d{1,9})$/.exec(value);
  if (!match) return undefined;
  return { split: match[1] as Split, index: Number(match[2]) };
}
