import { CATALOG } from '../../data/dataset/catalog';
import { datasetOfSource } from '../../data/sources/sources';
import { MAX_SAMPLE_SIZE, MIN_SAMPLE_SIZE } from '../../data/limits';
// Hundreds of hostile share links at the parser, where each takes microseconds: every one parses
// to a state the app can use, builds back to a clean link, and names what it ignored in short,
// printable text. The browser test opens a dozen representative ones (e2e/security.spec.ts).
import { describe, expect, it } from 'vitest';
import { SPLIT_FILTERS } from '../../data/dataset/labelIndex';
import { MAX_SEED } from '../../data/dataset/sample';
import { hostileLinks } from '../../testing/hostileLinks';
import { buildShareSearch, describeIgnored, parseShareUrl, type ShareState } from './shareUrl';
import { VIEWS, ZOOM_LEVELS } from '../store/viewOptions';

const PAGE = 'http://localhost:5173/';
const LINKS = [...hostileLinks(500, 1), ...hostileLinks(500, 2)];

function expectUsable(state: ShareState): void {
  expect(SPLIT_FILTERS).toContain(state.split);
  expect(state.sampleSplit === null || SPLIT_FILTERS.includes(state.sampleSplit)).toBe(true);
  // No filter is the empty list; a filter holds classes of the linked dataset (0–9 for MNIST).
  const classes = CATALOG[datasetOfSource(state.source)].classNames ?? [];
  expect(state.digits.length).toBeLessThan(classes.length === 0 ? 256 : classes.filter((c) => c !== null).length);
  expect(state.digits.every((d) => Number.isInteger(d) && d >= 0 && (classes.length === 0 ? d <= 254 : classes[d] != null))).toBe(true);
  expect([...state.digits].sort((a, b) => a - b)).toEqual(state.digits);
  expect(VIEWS).toContain(state.view);
  expect(ZOOM_LEVELS).toContain(state.zoom);
  expect(Number.isInteger(state.sampleSize) && state.sampleSize >= MIN_SAMPLE_SIZE && state.sampleSize <= MAX_SAMPLE_SIZE).toBe(true);
  expect(Number.isInteger(state.seed) && state.seed >= 0 && state.seed <= MAX_SEED).toBe(true);
  if (state.open) expect(Number.isInteger(state.open.index) && state.open.index >= 0).toBe(true);
  if (state.source.kind === 'custom') expect(new URL(state.source.baseUrl).protocol).toMatch(/^https?:$/);
}

describe('1,000 hostile share links', () => {
  it('each parses to a usable state, builds back to a link that parses cleanly, and says what it ignored safely', () => {
    let noticed = 0;
    for (const link of LINKS) {
      const search = new URL(link, PAGE).search;
      const parsed = parseShareUrl(search, PAGE, 7);
      expectUsable(parsed.state);
      const rebuilt = parseShareUrl(buildShareSearch(parsed.state), PAGE, 8);
      expect(rebuilt.ignored, link).toEqual([]);
      expect(rebuilt.state, link).toEqual(parsed.state);
      if (parsed.ignored.length > 0) noticed++;
      const notice = describeIgnored(parsed.ignored);
      // eslint-disable-next-line no-control-regex -- control characters must never reach the page
      expect(notice, link).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      // Names are shortened: a hostile link cannot fill the notice with its own text.
      for (const { name } of parsed.ignored) expect(name.length, link).toBeLessThanOrEqual(25);
    }
    console.log(`hostile links at the parser: ${LINKS.length} parsed, ${noticed} with a notice`);
    expect(noticed).toBeGreaterThan(LINKS.length / 2);
  });
});
