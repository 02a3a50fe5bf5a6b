// The neighbourhood map of all of MNIST, after the suspect labels' bench kept both neighbour
// tables in the same context: the Map view lays it out (the tables read back), keeps it, and a
// reload reads it back. Both layouts' coordinates are saved the way a visitor saves them (Save
// coordinates) and their agreement computed by numpy from the files alone.
import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { PERF_MARKS } from '../../../src/state/app/perfMarks';
import { markDetails, waitForMarkIfAny } from './marks';
import { zoomAndPan, type MapFrames } from './mapFrames';

interface LayoutMark {
  ms: number;
  kept: boolean;
  tablesMs: number;
  setupMs: number;
  layoutMs: number;
}

export interface NeighbourhoodMapInBrowser {
  /** The layout after the tables: the fuzzy graph, then the epochs (ms). */
  readonly setupMs: number;
  readonly layoutMs: number;
  /** Asked → laid out, tables read back included (ms). */
  readonly totalMs: number;
  /** Read back from the kept copy on a reload (ms). */
  readonly keptMs: number;
  /** Zoom and pan on the neighbourhood map of all digits, pictures on. */
  readonly frames: MapFrames;
  /** The share of digits whose 10 nearest map points carry their label, by numpy: null without numpy. */
  readonly agreement: { readonly umap: number; readonly pca: number } | null;
}

async function saveCoordinates(page: Page, dir: string, name: string): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Save coordinates' }).click();
  const path = join(dir, name);
  await (await downloading).saveAs(path);
  return path;
}

function numpyAgreement(files: readonly string[]): number[] | null {
  const script = fileURLToPath(new URL('../references/python/map_agreement.py', import.meta.url));
  const result = spawnSync('python3', [script, ...files], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (result.status !== 0) return null;
  return result.stdout.trim().split('\n').map(Number);
}

/** Opens the Map view on `page` (whose context keeps the neighbour tables); `link` names the data. */
export async function benchNeighbourhoodMap(page: Page, link: URL): Promise<NeighbourhoodMapInBrowser> {
  const map = new URL(link.href);
  map.searchParams.delete('sort');
  map.searchParams.set('view', 'map');
  await page.goto(map.href);
  const [first] = await markDetails<LayoutMark>(page, PERF_MARKS.neighbourhoodMap, { timeout: 600_000, polling: 500 });
  await waitForMarkIfAny(page, PERF_MARKS.neighbourhoodMapKept);
  const dir = mkdtempSync(join(tmpdir(), 'mnist-bench-map-'));
  const umap = await saveCoordinates(page, dir, 'umap.csv');
  const frames = await zoomAndPan(page);
  await page.reload();
  const [again] = await markDetails<LayoutMark>(page, PERF_MARKS.neighbourhoodMap, { timeout: 120_000 });
  await page.getByRole('combobox', { name: 'Layout' }).selectOption('pca');
  await page.getByRole('img', { name: /on principal components/ }).waitFor({ timeout: 120_000 });
  const pca = await saveCoordinates(page, dir, 'pca.csv');
  const shares = numpyAgreement([umap, pca]);
  return {
    setupMs: first!.setupMs,
    layoutMs: first!.layoutMs,
    totalMs: first!.ms,
    keptMs: again!.kept ? again!.ms : NaN,
    frames,
    agreement: shares && shares.length === 2 ? { umap: shares[0]!, pca: shares[1]! } : null,
  };
}
