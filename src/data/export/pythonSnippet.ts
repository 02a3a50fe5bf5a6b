// The bridge back to the notebook: Python that, pasted after its load_data cells (which define
// X_train, y_train, X_test, y_test with one row per digit, in file order), selects exactly the
// digits shown here. Indices are positions in the original files, so they hold for any copy.
import type { DigitRef } from '../dataset/dataset';
import { isEveryLabel, type SplitFilter } from '../dataset/labelIndex';
import type { Split } from '../dataset/fileSlots';
import type { SortOrder } from '../dataset/sortOrder';
import { describeMapRegion, regionBox, type MapRegion } from '../analysis/mapRegion';
import type { LayoutKind } from '../analysis/mapLayouts';

const ARRAYS: Record<Split, { x: string; y: string }> = {
  train: { x: 'X_train', y: 'y_train' },
  test: { x: 'X_test', y: 'y_test' },
};

function describeDigits(digits: readonly number[]): string {
  return isEveryLabel(digits) ? 'all digits' : `digit${digits.length === 1 ? '' : 's'} ${digits.join(', ')}`;
}

/** Python list text, wrapped so no line runs past ~100 characters. */
function pythonList(items: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const piece = line === '' ? item : `, ${item}`;
    if (line.length + piece.length > 96) {
      lines.push(`${line},`);
      line = item;
    } else line += piece;
  }
  if (line !== '') lines.push(line);
  return lines.length <= 1 ? `[${lines[0] ?? ''}]` : `[\n    ${lines.join('\n    ')}\n]`;
}

export interface SampleDescription {
  readonly seed: number;
  readonly split: SplitFilter;
  readonly digits: readonly number[];
}

/** Python for a drawn sample, in the sample's order: X_sample, y_sample. */
export function samplePython(refs: readonly DigitRef[], about: SampleDescription): string {
  const header = [
    `# MNIST Explorer: random sample of ${refs.length} (seed ${about.seed}) from ${about.split === 'all' ? 'train and test' : about.split}, ${describeDigits(about.digits)}.`,
    '# Paste after the notebook\'s load_data cells (X_train, y_train, X_test, y_test).',
    'import numpy as np',
  ];
  const splits = new Set(refs.map((r) => r.split));
  if (splits.size <= 1) {
    const split = refs[0]?.split ?? (about.split === 'test' ? 'test' : 'train');
    const { x, y } = ARRAYS[split];
    return [
      ...header,
      `idx = ${pythonList(refs.map((r) => String(r.index)))}`,
      `X_sample, y_sample = ${x}[idx], ${y}[idx]`,
      '',
    ].join('\n');
  }
  return [
    ...header,
    `sample = ${pythonList(refs.map((r) => `("${r.split}", ${r.index})`))}`,
    'X_sample = np.stack([(X_train if s == "train" else X_test)[i] for s, i in sample])',
    'y_sample = np.array([(y_train if s == "train" else y_test)[i] for s, i in sample])',
    '',
  ].join('\n');
}

const SORT_WORDS: Record<SortOrder, string> = {
  file: 'in file order',
  ink: 'least ink first',
  '-ink': 'most ink first',
  typical: 'most typical first (nearest the mean image of their label)',
  atypical: 'most atypical first (farthest from the mean image of their label)',
  suspect: 'most suspect label first (most of the 10 nearest, on 50 principal components, labelled otherwise)',
  neighbours: 'most suspect by its neighbours first (most of the 10 nearest, on 50 principal components, labelled otherwise)',
  hard: 'hardest for the model first (the entropy of its probabilities)',
  mistaken: 'most mistaken first (confidently wrong first)',
};

/**
 * The distance of each digit to the mean image of its label in its split, computed the way MNIST
 * Explorer computes it (statistics.ts: exact integer sums, the same float operations in the same
 * order), so that numpy ranks the digits exactly as the app does, ties included.
 */
const DISTANCE_FUNCTION = [
  'def distance_to_class_mean(X, y):',
  '    X64, d = X.astype(np.int64), np.full(len(y), np.nan)',
  '    for c in range(10):',
  '        members = y == c',
  '        n = int(members.sum())',
  '        if n == 0:',
  '            continue',
  '        s = X64[members].sum(axis=0)',
  '        msq = 0.0',
  '        for v in s.tolist():',
  '            m = v / n',
  '            msq += m * m',
  '        sq = (X64[members] ** 2).sum(axis=1)',
  '        d[members] = np.sqrt(np.maximum(0, sq - (2 * (X64[members] @ s)) / n + msq))',
  '    return d',
];

/** The app's suspect-label scores in numpy (suspects.ts): for the digits `ids` (global ids). */
const SUSPECT_FUNCTION = [
  'def suspect_scores(ids, k=10):',
  '    # The k nearest of all digits on the first 50 principal components, exactly;',
  '    # disagree = how many carry another label, share = the same weighted by 1 / (1 + distance),',
  '    # votes = how many carry the label most carry, mean = their mean distance.',
  '    X_all = np.concatenate([X_train, X_test]).astype(np.float64)',
  '    y_all = np.concatenate([y_train, y_test])',
  '    w, V = np.linalg.eigh(np.cov(X_all, rowvar=False))',
  '    V = V[:, np.argsort(-w, kind="stable")[:50]]',
  '    V = V * np.where(V[np.abs(V).argmax(axis=0), np.arange(50)] < 0, -1.0, 1.0)',
  '    Y = (X_all - X_all.mean(axis=0)) @ V',
  '    sq = (Y ** 2).sum(axis=1)',
  '    disagree, share = np.zeros(len(ids), np.int64), np.zeros(len(ids))',
  '    votes, mean = np.zeros(len(ids), np.int64), np.zeros(len(ids))',
  '    for start in range(0, len(ids), 500):',
  '        q = ids[start:start + 500]',
  '        d2 = sq[q][:, None] + sq[None, :] - 2 * Y[q] @ Y.T',
  '        d2[np.arange(len(q)), q] = np.inf',
  '        cand = np.argpartition(d2, 4 * k, axis=1)[:, :4 * k]',
  '        exact = ((Y[q][:, None, :] - Y[cand]) ** 2).sum(axis=-1)',
  '        for r in range(len(q)):',
  '            best = np.lexsort((cand[r], exact[r]))[:k]',
  '            other = y_all[cand[r][best]] != y_all[q[r]]',
  '            wt = 1 / (1 + np.sqrt(exact[r][best]))',
  '            disagree[start + r], share[start + r] = other.sum(), (wt * other).sum() / wt.sum()',
  '            votes[start + r] = np.bincount(y_all[cand[r][best]]).max()',
  '            mean[start + r] = sum(float(d) for d in np.sqrt(exact[r][best])) / k',
  '    return disagree, share, votes, mean',
];

/** Where the region's map comes from: the principal components (recomputed here) or a layout's saved coordinates. */
export interface RegionSource {
  readonly layout: LayoutKind;
  /** The file the Map view's Save coordinates wrote (for the neighbourhood map). */
  readonly coordinatesFile: string;
}

function mapLines(source: RegionSource): string[] {
  if (source.layout === 'umap')
    return [
      '# The neighbourhood map: the coordinates the Map view saved ("Save coordinates"), a row per digit,',
      '# train then test in file order. (umap-learn on the same 10 neighbours draws a map like it, not these coordinates.)',
      `xy = np.loadtxt(${JSON.stringify(source.coordinatesFile)}, delimiter=",", skiprows=1, usecols=(3, 4))`,
      'assert len(xy) == len(X_train) + len(X_test)',
    ];
  return [
    '# The map: every digit on the first two principal components of all train + test digits.',
    'X_all = np.concatenate([X_train, X_test]).astype(np.float64)',
    'w, V = np.linalg.eigh(np.cov(X_all, rowvar=False))',
    'V = V[:, np.argsort(-w, kind="stable")[:2]]',
    'V = V * np.where(V[np.abs(V).argmax(axis=0), np.arange(2)] < 0, -1.0, 1.0)',
    'xy = (X_all - X_all.mean(axis=0)) @ V',
  ];
}

/** The map's region in numpy: a rectangle, or a lasso by the even-odd rule (the app's own arithmetic). */
function regionLines(region: MapRegion, source: RegionSource): string[] {
  const { x0, y0, x1, y1 } = regionBox(region);
  const lines = [...mapLines(source), `in_region = (xy[:, 0] >= ${x0}) & (xy[:, 0] <= ${x1}) & (xy[:, 1] >= ${y0}) & (xy[:, 1] <= ${y1})`];
  if (region.shape === 'lasso') {
    const corners = Array.from({ length: region.vertices.length / 2 }, (_, i) => `(${region.vertices[i * 2]}, ${region.vertices[i * 2 + 1]})`);
    lines.push(
      `lasso = np.array([${corners.join(', ')}])`,
      '# Inside the lasso: a ray towards +x crosses its edges an odd number of times.',
      'crossings = np.zeros(len(xy), bool)',
      'with np.errstate(divide="ignore", invalid="ignore"):',
      '    for (xi, yi), (xj, yj) in zip(lasso, np.roll(lasso, 1, axis=0)):',
      '        crossings ^= ((yi > xy[:, 1]) != (yj > xy[:, 1])) & (xy[:, 0] < (xj - xi) * (xy[:, 1] - yi) / (yj - yi) + xi)',
      'in_region &= crossings',
    );
  }
  lines.push('region_train, region_test = in_region[:len(X_train)], in_region[len(X_train):]');
  return lines;
}

const PCA_SOURCE: RegionSource = { layout: 'pca', coordinatesFile: '' };

/**
 * What the classifier adds to a selection: the link's predicted classes, whether the suspect order
 * is confident learning's (the model covers the splits shown) or the neighbours', and the file
 * the Model view's Save probabilities writes.
 */
export interface ModelSource {
  readonly predicted: readonly number[];
  readonly suspectByModel: boolean;
  readonly probabilitiesFile: string;
  readonly classes: number;
}

const NO_MODEL: ModelSource = { predicted: [], suspectByModel: false, probabilitiesFile: '', classes: 10 };

/** The model's orders and filter in numpy, from the saved probabilities (the app's arithmetic, in the same order). */
const MODEL_FUNCTIONS = [
  'def entropy(P):',
  '    # -sum p ln p over the classes in order, 0 ln 0 = 0 (FiftyOne\'s hardness)',
  '    h = np.zeros(len(P))',
  '    for j in range(P.shape[1]):',
  '        p = P[:, j]',
  '        h -= np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0)',
  '    return h',
  'def mistaken_keys(P, y):',
  '    # predicted otherwise: by the prediction\'s probability, higher first; the rest by the label\'s, lower first',
  '    pred, i = P.argmax(axis=1), np.arange(len(y))',
  '    wrong = pred != y',
  '    return wrong, np.where(wrong, -P[i, pred], P[i, y])',
  'def label_issues(P, y):',
  '    # cleanlab\'s confident learning on one split: per-class thresholds, the confident joint\'s off-diagonal',
  '    t = np.array([P[y == c, c].mean() if (y == c).any() else np.nan for c in range(P.shape[1])])',
  '    ok = P >= t - 1e-6',
  '    n = ok.sum(axis=1)',
  '    guess = np.where(n > 1, P.argmax(axis=1), ok.argmax(axis=1))',
  '    return (n > 0) & (guess != y), P[np.arange(len(y)), y]',
];

/**
 * Python for the grid's selection, in the grid's order (file order: train before test, then by
 * index; or the sort shown, ties in file order): X_sel, y_sel.
 */
export function selectionPython(
  split: SplitFilter,
  digits: readonly number[],
  sort: SortOrder = 'file',
  region: MapRegion | null = null,
  source: RegionSource = PCA_SOURCE,
  model: ModelSource = NO_MODEL,
): string {
  const byPrediction = model.predicted.length > 0;
  const suspectByModel = sort === 'suspect' && model.suspectByModel;
  const modelSort = sort === 'hard' || sort === 'mistaken' || suspectByModel;
  const usesModel = byPrediction || modelSort;
  const sortWords = suspectByModel ? 'most suspect label first (confident learning on the classifier\'s out-of-sample probabilities)' : SORT_WORDS[sort];
  const header = [
    `# MNIST Explorer: ${split === 'all' ? 'train and test' : `the ${split} split`}, ${describeDigits(digits)}${byPrediction ? `, predicted ${model.predicted.join(', ')}` : ''}${region ? `, ${source.layout === 'umap' ? 'neighbourhood' : 'principal-components'} map region: ${describeMapRegion(region)}` : ''}, ${sortWords}.`,
    '# Paste after the notebook\'s load_data cells (X_train, y_train, X_test, y_test).',
    'import numpy as np',
  ];
  const filtered = !isEveryLabel(digits);
  const byDistance = sort === 'typical' || sort === 'atypical';
  const bySuspicion = sort === 'neighbours' || (sort === 'suspect' && !suspectByModel);
  const lines = [...header];
  if (byDistance) lines.push(...DISTANCE_FUNCTION);
  if (bySuspicion) lines.push(...SUSPECT_FUNCTION);
  if (modelSort) lines.push(...MODEL_FUNCTIONS);
  if (usesModel) {
    lines.push(
      '# The classifier\'s out-of-sample probabilities: the file the Model view\'s "Save probabilities" writes,',
      '# a row per digit, train then test in file order.',
      `P_all = np.loadtxt(${JSON.stringify(model.probabilitiesFile)}, delimiter=",", skiprows=1, usecols=range(4, ${4 + model.classes}))`,
      'assert len(P_all) == len(X_train) + len(X_test)',
      'P_train, P_test = P_all[:len(X_train)], P_all[len(X_train):]',
    );
  }
  if (filtered) lines.push(`digits = [${digits.join(', ')}]`);
  if (byPrediction) lines.push(`predicted = [${model.predicted.join(', ')}]`);
  if (region) lines.push(...regionLines(region, source));
  const parts = (split === 'all' ? (['train', 'test'] as const) : [split]).map((s) => {
    const { x, y } = ARRAYS[s];
    // Each split is ranked against its own class means (its own thresholds), over the whole split.
    let d = byDistance ? `distance_to_class_mean(${x}, ${y})` : null;
    if (sort === 'hard') d = `entropy(P_${s})`;
    if (sort === 'mistaken' || suspectByModel) {
      lines.push(`first_${s}, key_${s} = ${sort === 'mistaken' ? 'mistaken_keys' : 'label_issues'}(P_${s}, ${y})`);
      d = `key_${s}`;
    }
    const f = sort === 'mistaken' || suspectByModel ? `first_${s}` : null;
    const i = s === 'train' ? `np.arange(len(${x}))` : `len(X_train) + np.arange(len(${x}))`;
    const masks = [...(filtered ? [`np.isin(${y}, digits)`] : []), ...(byPrediction ? [`np.isin(P_${s}.argmax(axis=1), predicted)`] : []), ...(region ? [`region_${s}`] : [])];
    if (masks.length === 0) return { x, y, d, f, i };
    lines.push(`mask_${s} = ${masks.join(' & ')}`);
    return { x: `${x}[mask_${s}]`, y: `${y}[mask_${s}]`, d: d && `${d}[mask_${s}]`, f: f && `${f}[mask_${s}]`, i: `(${i})[mask_${s}]` };
  });
  const keyed = byDistance || modelSort;
  const join = (pick: (p: (typeof parts)[number]) => string) => (parts.length === 1 ? pick(parts[0]!) : `np.concatenate([${parts.map(pick).join(', ')}])`);
  lines.push(parts.length === 1 ? `X_sel, y_sel = ${parts[0]!.x}, ${parts[0]!.y}` : `X_sel = ${join((p) => p.x)}`);
  if (parts.length > 1) lines.push(`y_sel = ${join((p) => p.y)}`);
  if (keyed) lines.push(`d_sel = ${join((p) => p.d!)}`);
  if (sort === 'mistaken' || suspectByModel) lines.push(`first_sel = ${join((p) => p.f!)}`);
  if (bySuspicion) lines.push(`ids_sel = ${join((p) => p.i)}`);
  if (bySuspicion) {
    // lexsort: the last key first; equal scores keep file order.
    lines.push('disagree_sel, share_sel, votes_sel, mean_sel = suspect_scores(ids_sel)');
    lines.push('order = np.lexsort((mean_sel, -votes_sel, -share_sel, -disagree_sel))');
    lines.push('X_sel, y_sel = X_sel[order], y_sel[order]');
  } else if (sort === 'mistaken' || suspectByModel) {
    // Predicted otherwise (mistaken) or a label issue (suspect) first, then by the key; lexsort keeps file order among equals.
    lines.push('order = np.lexsort((d_sel, ~first_sel))');
    lines.push('X_sel, y_sel = X_sel[order], y_sel[order]');
  } else if (sort !== 'file') {
    // A stable sort keeps file order among equals; NaN (a label outside 0-9) sorts last.
    const key = keyed ? 'd_sel' : 'X_sel.sum(axis=1, dtype=np.int64)';
    const descending = sort === '-ink' || sort === 'atypical' || sort === 'hard';
    lines.push(`order = np.argsort(${descending ? `-${keyed ? key : `(${key})`}` : key}, kind="stable")`);
    lines.push('X_sel, y_sel = X_sel[order], y_sel[order]');
  }
  lines.push('');
  return lines.join('\n');
}
