// Keeps the address bar and the store in step: every shareable change becomes a history entry
// (so Back and Forward walk through earlier states), and a link or a history step sets the store.
import { randomSeed } from '../../data/dataset/sample';
import type { DataSource } from '../../data/sources/sources';
import { linkSourceNeedsConsent, loadSource } from '../jobs/datasetLoader';
import { shareStateOf, explorerStore, type ExplorerFacts } from '../store/explorerStore';
import { buildShareSearch, parseShareUrl, type ShareState } from './shareUrl';

/** Edits of the same setting closer together than this make one history entry (typing, sliders). */
const COALESCE_MS = 1000;

const sameSource = (a: DataSource, b: DataSource) => JSON.stringify(a) === JSON.stringify(b);

function changedKeys(a: ShareState, b: ShareState): string {
  return (Object.keys(a) as (keyof ShareState)[])
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .join(',');
}

function urlFor(state: ExplorerFacts): string {
  return `${buildShareSearch(shareStateOf(state))}${window.location.hash}`;
}

/** Loads a link's source, or asks first when it names a server the visitor has not chosen. */
function openLinkSource(source: DataSource): void {
  if (linkSourceNeedsConsent(source)) explorerStore.getState().askAboutLinkSource(source);
  else loadSource(source);
}

/** Reads the page's link into the store, starts loading its source, then follows changes both ways. */
export function startUrlSync(): void {
  const store = explorerStore;
  const applyLink = () => {
    const previousSource = store.getState().source;
    const parsed = parseShareUrl(window.location.search, window.location.href, store.getState().seed || randomSeed());
    store.getState().applyShareState(parsed.state, parsed.ignored);
    return { parsed, sourceChanged: !sameSource(previousSource, parsed.state.source) };
  };

  let applying = true;
  const { parsed } = applyLink();
  // The cleaned link replaces what was typed: no ignored parameter stays in the address bar.
  window.history.replaceState(null, '', urlFor(store.getState()));
  applying = false;
  openLinkSource(parsed.state.source);

  let last = { keys: '', at: 0 };
  store.subscribe((state, previous) => {
    if (applying) return;
    const keys = changedKeys(shareStateOf(state), shareStateOf(previous));
    if (keys === '') return;
    const url = urlFor(state);
    if (url === `${window.location.search}${window.location.hash}`) return;
    const now = performance.now();
    if (keys === last.keys && now - last.at < COALESCE_MS) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    last = { keys, at: now };
  });

  window.addEventListener('popstate', () => {
    applying = true;
    const { parsed: link, sourceChanged } = applyLink();
    applying = false;
    if (sourceChanged) openLinkSource(link.state.source);
  });
}
