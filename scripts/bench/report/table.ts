// The table `npm run bench` prints: the machine, the two sets side by side, the suspect labels,
// then where the memory is and where the main thread's time went.
import { describeMemoryDump } from '../page/memoryDump';
import { mb } from './format';
import type { Results } from './results';
import type { SetResults } from './setResults';
import { gridRows, loadRows, setRows } from './setRows';

function markdownTable(header: string[], rows: string[][]): string[] {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((x) => x[i]!.length), 12));
  const line = (x: string[]) => `| ${x.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join(' | ')} |`;
  return [line(header), line([...widths.map((w) => '-'.repeat(w)), '---']), ...rows.map(line)];
}

function suspectsTable({ suspects }: Results): string[] {
  if (!suspects) return [];
  const { test, train, keptMs, paths, neighbourhoodMap: m } = suspects;
  const share = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(4));
  return [
    'Suspect labels and the neighbourhood map (MNIST; one run, a first visit: two workers, the test split first):',
    '',
    '| measure | MNIST | target |',
    '| --- | --- | --- |',
    `| suspect labels, test split (10,000): asked → scored (ms) | ${test.ms.toFixed(0)} (PCA ${test.componentsMs.toFixed(0)}, search ${test.searchMs.toFixed(0)}) | ≤ 10000 |`,
    `| suspect labels, all 70,000: both splits (ms) | ${(test.ms + train.ms).toFixed(0)} (train: search ${train.searchMs.toFixed(0)}) | ≤ 30000 |`,
    `| … read back from the kept copy on a reload, both splits (ms) | ${keptMs.toFixed(0)} | |`,
    `| neighbour search, one thread, ms per query: WebAssembly SIMD scan / plain loops | ${paths.simd.toFixed(2)} / ${paths.plain.toFixed(2)} | |`,
    `| neighbourhood map: the layout after the tables, fuzzy graph + epochs (ms) | ${(m.setupMs + m.layoutMs).toFixed(0)} (${m.setupMs.toFixed(0)} + ${m.layoutMs.toFixed(0)}; asked → drawn ${m.totalMs.toFixed(0)}) | ≤ 45000 |`,
    `| neighbourhood map: read back from the kept copy on a reload (ms) | ${m.keptMs.toFixed(0)} | ≤ 1000 |`,
    `| neighbourhood map, zoom and pan with pictures (trusted wheel + drag): rAF interval p50 / p99 (ms), long tasks | ${m.frames.rafP50.toFixed(1)} / ${m.frames.rafP99.toFixed(1)}, ${m.frames.longTasks} in ${m.frames.frames} frames | p99 ≤ 16.7 (60 fps) |`,
    `| map agreement (numpy, from the saved coordinates): 10 nearest on the map vote the digit's label, UMAP / PCA | ${share(m.agreement?.umap)} / ${share(m.agreement?.pca)} | ≥ 0.95 (UMAP) |`,
  ];
}

function classifierTable({ classifier: c }: Results): string[] {
  if (!c) return [];
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(2)} %`);
  const f = c.figures;
  return [
    `The classifier (MNIST; one run, a first visit to the Model view; backend: ${c.backend}):`,
    '',
    '| measure | MNIST | target |',
    '| --- | --- | --- |',
    `| first model: asked → test probabilities (ms) | ${c.firstModelMs.toFixed(0)} (features ${c.featuresMs.toFixed(0)}, training + test ${c.trainingMs.toFixed(0)}) | ≤ 60000 |`,
    `| every digit's out-of-sample probabilities (5 folds done), asked → (ms) | ${c.allMs.toFixed(0)} | ≤ 240000 |`,
    `| read back from the kept copies on a reload (ms) | ${c.keptMs.toFixed(0)} | ≤ 1000 |`,
    `| drawing pad: a stroke's end → the model's answer (ms), median / largest of ${c.drawing.strokes} strokes | ${c.drawing.medianMs.toFixed(1)} / ${c.drawing.maxMs.toFixed(1)} | ≤ 50 |`,
    `| test accuracy: numpy from the saved probabilities (the app's own) | ${pct(f?.test.accuracy)} (${pct(c.appAccuracy)}) | ≥ 98.5 % |`,
    `| cross-validated train accuracy (numpy) | ${pct(f?.train.accuracy)} | |`,
    `| expected calibration error, test, 15 bins (numpy) | ${f?.test.ece?.toFixed(4) ?? '–'} | |`,
    `| label issues by confident learning (numpy): test / train | ${f ? `${f.test.issues} / ${f.train.issues}` : '–'} | |`,
    `| the export's predicted column is the argmax of its probabilities | ${f ? String(f.test.argmaxMatchesExport && f.train.argmaxMatchesExport) : '–'} | true |`,
  ];
}

/** Both sets side by side: the heading (ending in its punctuation) and the runs, then one row per measure. */
function pairTable(heading: string, [a, b]: readonly [{ title: string; runs: number }, { title: string; runs: number }], rows: string[][]): string[] {
  return [`${heading} median (min–max) of ${a.runs} runs (MNIST) and ${b.runs} (10×)`, '', ...markdownTable(['measure', a.title, b.title, 'target'], rows)];
}

type Profiled = Pick<SetResults, 'title' | 'allocators' | 'profiles'>;

function allocatorLines(sets: readonly Profiled[]): string[] {
  return sets.map((set) => `memory by allocator (${set.title}, app renderer, Chromium's memory-infra dump): ${set.allocators ? describeMemoryDump(set.allocators) : 'not available'}`);
}

function profileLines(what: string, sets: readonly Profiled[]): string[] {
  return [
    `Main-thread profiles${what} (full trace, so slower than the untraced figures above), self time in ms:`,
    ...sets.flatMap((set) => Object.entries(set.profiles).map(([name, text]) => `- ${set.title}, ${name}: ${text}`)),
  ];
}

function gridTable({ grid }: Results): string[] {
  if (!grid) return [];
  return [...pairTable('The grid alone (BENCH_ONLY=grid):', grid, gridRows(...grid)), '', ...allocatorLines(grid), '', ...profileLines(' of the grid', grid)];
}

function loadsTable({ loads }: Results): string[] {
  return loads ? pairTable('The start alone (BENCH_ONLY=loads):', loads, loadRows(...loads)) : [];
}

export function formatTable(r: Results): string {
  const machine = `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Chromium ${r.machine.browser}, Node ${r.machine.node}; MNIST files: ${r.mnistFiles}`;
  if (!r.sets) return [machine, '', ...loadsTable(r), '', ...gridTable(r), '', ...suspectsTable(r), '', ...classifierTable(r)].join('\n');
  const [a, b] = r.sets;
  return [
    ...pairTable(`${machine};`, r.sets, setRows(a, b)),
    '',
    ...suspectsTable(r),
    '',
    ...classifierTable(r),
    '',
    `memory by scope (MNIST): ${Object.entries(a.memory.byScope).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`,
    ...allocatorLines(r.sets),
    '',
    ...profileLines('', r.sets),
  ].join('\n');
}
