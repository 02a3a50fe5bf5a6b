// Near-duplicate pairs (train/test leakage, and copies within a split), read off the neighbour
// tables the suspect labels are computed from, measured exactly in pixels, under a threshold the
// visitor moves. Each pair opens its first digit (whose look-alikes then list the other).
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { describeDigit, locateDigit, geometryOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { nearDuplicatePairs } from '../../data/analysis/nearDuplicates';
import { useSuspectParts } from '../../state/store/selectors';
import { askForSuspects } from '../../state/jobs/scheduler';
import { suspectsOf } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { DigitThumbnail } from '../common/DigitThumbnail';
import { formatCount } from '../common/format';

const PAGE = 50;
const MAX_THRESHOLD = 2000;

export function NearDuplicates({ dataset }: { dataset: Dataset }) {
  const setOpen = useExplorerStore((s) => s.setOpen);
  const suspects = useSuspectParts();
  const computing = useExplorerStore((s) => s.analyses[suspectsOf('test')].status === 'computing' || s.analyses[suspectsOf('train')].status === 'computing');
  const sliderId = useId();
  const [threshold, setThreshold] = useState(500);
  const [across, setAcross] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const deferredThreshold = useDeferredValue(threshold);
  const { train, test } = suspects;
  const found = useMemo(
    () => (train && test ? nearDuplicatePairs(dataset, [train.table, test.table], deferredThreshold, across ? 'across' : 'all') : null),
    [dataset, train, test, deferredThreshold, across],
  );

  return (
    <section className="figure near-duplicates" aria-labelledby="near-duplicates-heading">
      <div className="figure-head">
        <h2 id="near-duplicates-heading">Near-duplicates</h2>
      </div>
      <p className="hint">
        Pairs of digits at most the threshold apart (Euclidean distance over the 784 pixel values, exact) — across the splits, a test digit
        the training set already holds. Found among each digit’s 10 nearest on the first 50 principal components: a pair this near is
        missed only when both its digits have 10 others nearer still (the count below says whether any do).
      </p>
      {!found ? (
        computing ? (
          <p aria-live="polite">Finding every digit’s neighbours… (progress beside the filters)</p>
        ) : (
          <button type="button" onClick={() => askForSuspects(['test', 'train'])}>
            Find near-duplicates (every digit’s neighbours, shared with the suspect labels: about a minute of both cores)
          </button>
        )
      ) : (
        <>
          <div className="near-duplicate-controls">
            <span>
              <label htmlFor={sliderId}>Distance threshold</label>{' '}
              <input id={sliderId} type="range" min={0} max={MAX_THRESHOLD} step={10} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />{' '}
              <output htmlFor={sliderId}>{threshold}</output>
            </span>
            <label>
              <input type="checkbox" checked={across} onChange={(e) => setAcross(e.target.checked)} /> Across the splits only
            </label>
          </div>
          <p aria-live="polite">
            {formatCount(found.pairs.length)} pair{found.pairs.length === 1 ? '' : 's'} within {deferredThreshold}
            {across ? ', train against test' : ''}
            {found.capped ? ' (the 5,000 nearest candidates measured: lower the threshold for all)' : ''}.
            {found.crowded > 0
              ? ` Complete except between two of the ${formatCount(found.crowded)} digits with 10 neighbours this near on the components: such pairs may be missing.`
              : ' Complete: no pair within the threshold is missing.'}
          </p>
          <ol className="suspects" aria-label="Near-duplicate pairs">
            {found.pairs.slice(0, shown).map(({ a, b, distance }) => (
              <li key={`${a}-${b}`}>
                <button type="button" onClick={() => setOpen(locateDigit(dataset, a), 'grid')}>
                  <DigitThumbnail pixels={pixelsOf(dataset, a)} geometry={geometryOf(dataset)} />
                  <DigitThumbnail pixels={pixelsOf(dataset, b)} geometry={geometryOf(dataset)} />
                  <span>
                    {describeDigit(dataset, a)} and {describeDigit(dataset, b)}, distance {distance.toFixed(2)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {shown < found.pairs.length && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {PAGE} more
            </button>
          )}
        </>
      )}
    </section>
  );
}
