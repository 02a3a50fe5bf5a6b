// Everything measured on one data set: cold and warm loads with the references interleaved, then
// on one page memory, clicks, the statistics views, look-alikes, the map, profiles and scrolling.
import type { Browser, Page } from '@playwright/test';
import { PERF_MARKS } from '../../src/state/app/perfMarks';
import { loadedStatusText, type DataSet } from './data/dataSets';
import { nodeZlibMs, workerInflateMs } from './references/inflateReferences';
import { numpyLoadMs, numpyMapMs, numpyStatisticsMs } from './references/numpy';
import { newContext } from './page/browser';
import { filterClicks, profiledClick } from './page/clicks';
import { measureLoad } from './page/load';
import { lookAlikeQueries } from './page/lookAlikes';
import { mapTimes } from './page/map';
import { statisticsMark, waitForMarkIfAny } from './page/marks';
import { measureMemory, memoryDump, processMemory } from './page/memory';
import { FRAME_BUDGET_MS, fling, GRID_ZOOMS, setZoom, withoutTrace, type GridZoomKey, type ScrollSample } from './page/scroll';
import { DEFAULT_ZOOM } from '../../src/state/store/viewOptions';
import { statisticsInteractions } from './page/statisticsViews';
import { describeProfile, mainThreadProfile } from './page/traceProfile';
import { PROFILE_CATEGORIES } from './page/tracing';
import { scrollStats, summariseSet, type SetResults, type SetSamples } from './report/setResults';
import type { GridResults, LoadResults } from './report/setRows';
import { stats } from './stats';

type LoadRuns = Pick<SetSamples, 'cold' | 'warm' | 'refs' | 'statisticsComputed' | 'statisticsKept'>;

/** Per run a new context (no HTTP cache, no stored data, as on a first visit), then a reload. */
async function loadRuns(browser: Browser, set: DataSet, runs: number): Promise<LoadRuns> {
  const samples: LoadRuns = { cold: [], warm: [], refs: [], statisticsComputed: [], statisticsKept: [] };
  for (let run = 0; run < runs; run++) {
    process.stdout.write(`bench: ${set.title}, load run ${run + 1}/${runs}…\r`);
    const context = await newContext(browser, set);
    const page = await context.newPage();
    samples.cold.push(await measureLoad(page, set, false));
    samples.statisticsComputed.push(await statisticsMark(page, false));
    // The worker keeps the decoded files (and the page the statistics) once the data is drawn; a
    // person does not reload within that second, so the benchmark waits for them too.
    await waitForMarkIfAny(page, PERF_MARKS.keptCopyWritten);
    await waitForMarkIfAny(page, PERF_MARKS.statisticsKept);
    samples.warm.push(await measureLoad(page, set, true));
    samples.statisticsKept.push(await statisticsMark(page, true).catch(() => NaN));
    // The references, interleaved with the app's runs, on the same bytes.
    const worker = await workerInflateMs(context, set);
    samples.refs.push({ nodeZlibMs: nodeZlibMs(set.dir), ...worker });
    await context.close();
  }
  return samples;
}

/**
 * Clicks and flings at each grid zoom, each traced once in full for where the main thread's time
 * went; a fling that misses its budget (main thread per frame, or frame intervals p99) is traced
 * at that zoom, for the profile the report prints beside it.
 */
export async function profilesAndScrolling(browser: Browser, page: Page, runs: number): Promise<Pick<SetSamples, 'profiles' | 'scroll'>> {
  const profiles: Record<string, string> = {};
  profiles['click one digit'] = await profiledClick(browser, page, '4');
  profiles['click All'] = await profiledClick(browser, page, 'All');
  await page.getByRole('combobox', { name: 'Split' }).selectOption({ label: 'Train' });
  await page.waitForTimeout(300);
  const scroll = {} as Record<GridZoomKey, ScrollSample[]>;
  for (const { key, label, zoom, budgetMs } of GRID_ZOOMS) {
    await setZoom(page, zoom);
    scroll[key] = [];
    for (let run = 0; run < runs; run++) scroll[key].push(withoutTrace(await fling(browser, page)));
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const missed = median(scroll[key].map((s) => s.mainThreadMsPerFrame)) > budgetMs || median(scroll[key].map((s) => s.rafP99)) > FRAME_BUDGET_MS;
    if (missed) {
      const profiled = await fling(browser, page, PROFILE_CATEGORIES);
      profiles[`scroll frame, ${label}, missed its budget (traced, per frame)`] = describeProfile(mainThreadProfile(profiled.trace), profiled.frames);
    }
  }
  await setZoom(page, DEFAULT_ZOOM);
  return { profiles, scroll };
}

export async function benchSet(browser: Browser, set: DataSet, runs: number): Promise<SetResults> {
  const loads = await loadRuns(browser, set, runs);
  const numpyLoad = numpyLoadMs(set.dir, runs);
  const numpyStatistics = numpyStatisticsMs(set.dir, runs);

  process.stdout.write(`bench: ${set.title}, memory, clicks and scrolling…          \r`);
  const context = await newContext(browser, set);
  const page = await context.newPage();
  await measureLoad(page, set, false);
  // Measured once the worker is done with the load (hashed, kept, then let go by the page, which
  // follows at once): what stays, not what passes.
  await waitForMarkIfAny(page, PERF_MARKS.keptCopyWritten);
  await page.waitForTimeout(500);
  const memory = await measureMemory(page);
  const osMemory = await processMemory(browser);
  const allocators = osMemory ? await memoryDump(browser, osMemory.app.pid) : null;
  const clicks = await filterClicks(page, runs);
  await statisticsMark(page, false);
  const interactions = await statisticsInteractions(page, runs);
  const lookAlikes = await lookAlikeQueries(page, runs);
  // The map costs seconds per 70,000 digits: at 10× one run says enough.
  process.stdout.write(`bench: ${set.title}, the map…                              \r`);
  const mapRuns = set.id === 'mnist' ? runs : 1;
  const maps = await mapTimes(page, set, mapRuns);
  // numpy's float64 copy of 700,000 digits is 4.4 GB, three times over inside np.cov: MNIST only.
  const numpyMap = set.id === 'mnist' ? numpyMapMs(set.dir, mapRuns) : null;
  await page.goto(set.link);
  await page.getByRole('status').filter({ hasText: loadedStatusText(set) }).waitFor({ timeout: 120_000 });
  const traces = await profilesAndScrolling(browser, page, runs);
  await context.close();

  return summariseSet(set, runs, {
    ...loads,
    numpyLoad,
    numpyStatistics,
    memory,
    osMemory,
    allocators,
    clicks,
    interactions,
    lookAlikes,
    maps,
    mapRuns,
    numpyMap,
    ...traces,
  });
}

/** The grid alone (BENCH_ONLY=grid): a cold load, memory once the load is done, clicks, flings at each zoom. */
export async function benchGrid(browser: Browser, set: DataSet, runs: number): Promise<GridResults> {
  process.stdout.write(`bench: ${set.title}, the grid…                              \r`);
  const context = await newContext(browser, set);
  const page = await context.newPage();
  const load = await measureLoad(page, set, false);
  await waitForMarkIfAny(page, PERF_MARKS.keptCopyWritten);
  await page.waitForTimeout(500);
  // As the full run does: after a garbage collection (measureMemory asks for one), what stays.
  await measureMemory(page);
  const osMemory = await processMemory(browser);
  const allocators = osMemory ? await memoryDump(browser, osMemory.app.pid) : null;
  const clicks = await filterClicks(page, runs);
  const { profiles, scroll } = await profilesAndScrolling(browser, page, runs);
  await context.close();
  return {
    title: set.title,
    runs,
    clicks: { single: stats(clicks.single), all: stats(clicks.all), nine: stats(clicks.nine), underThreshold: clicks.underThreshold, count: 3 * runs },
    scroll: Object.fromEntries(GRID_ZOOMS.map(({ key }) => [key, scrollStats(scroll[key])])) as GridResults['scroll'],
    osMemory,
    allocators,
    profiles,
    memory: { pixelBytes: load.pixelBytes, labelBytes: load.labelBytes },
  };
}

/** The loads alone (BENCH_ONLY=loads): cold and warm starts with the references interleaved, and numpy's load_data. */
export async function benchLoads(browser: Browser, set: DataSet, runs: number): Promise<LoadResults> {
  const loads = await loadRuns(browser, set, runs);
  const numpy = numpyLoadMs(set.dir, runs);
  return {
    title: set.title,
    runs,
    cold: { navToStatusMs: stats(loads.cold.map((l) => l.navToStatusMs)), decodeMs: stats(loads.cold.map((l) => l.decodeMs)), firstDigitMs: stats(loads.cold.map((l) => l.firstDigitMs)) },
    warm: { navToStatusMs: stats(loads.warm.map((l) => l.navToStatusMs)), decodeMs: stats(loads.warm.map((l) => l.decodeMs)), fromKeptCopy: loads.warm.every((w) => w.fromKeptCopy) },
    pakoWorkerMs: stats(loads.refs.map((r) => r.pakoWorkerMs)),
    nativeWorkerMs: stats(loads.refs.map((r) => r.nativeWorkerMs)),
    numpyLoadMs: numpy ? stats(numpy) : null,
  };
}
