// The statistics view's list of suspect labels: the digits of the split and filter on screen
// whose neighbours most disagree with their label, with the label the neighbours vote for. Each
// opens its digit. Computed when asked (tens of seconds of both cores), with progress.
import { useMemo, useState } from 'react';
import { describeDigit, locateDigit, geometryOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { idsInRankedOrder } from '../../data/dataset/sortOrder';
import { mergedRanking, suspectOf, SUSPECT_NEIGHBOURS } from '../../data/analysis/suspects';
import { idsFor, useSuspectParts } from '../../state/store/selectors';
import { splitsShown } from '../../data/dataset/labelIndex';
import { askForSuspects } from '../../state/jobs/scheduler';
import { suspectsOf } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { DigitThumbnail } from '../common/DigitThumbnail';

const PAGE = 20;

export function SuspectList({ dataset }: { dataset: Dataset }) {
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const setSort = useExplorerStore((s) => s.setSort);
  const setView = useExplorerStore((s) => s.setView);
  const suspects = useSuspectParts();
  const computing = useExplorerStore((s) => s.analyses[suspectsOf('test')].status === 'computing' || s.analyses[suspectsOf('train')].status === 'computing');
  const [shown, setShown] = useState(PAGE);
  const needed = splitsShown(split);
  const parts = needed.map((s) => suspects[s]);
  const ready = parts.every((p) => p !== null);
  const top = useMemo(() => {
    if (!ready) return null;
    const ranking = mergedRanking(parts);
    return idsInRankedOrder(idsFor(dataset, split, digits), ranking, dataset.train.count + dataset.test.count);
    // parts changes identity with the store's suspects.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, suspects, dataset, split, digits]);

  return (
    <section className="figure suspect-list" aria-labelledby="suspects-heading">
      <div className="figure-head">
        <h2 id="suspects-heading">Suspect labels</h2>
      </div>
      <p className="hint">
        Digits whose {SUSPECT_NEIGHBOURS} nearest neighbours among all digits (Euclidean distance on the first 50 principal components)
        mostly carry another label, most such neighbours first (equal counts: the closer those neighbours, the more suspect). Each names the
        label its neighbours vote for. Candidates for a second look, not verdicts.
      </p>
      {!top ? (
        computing ? (
          <p aria-live="polite">Finding suspect labels… (progress beside the filters)</p>
        ) : (
          <button type="button" onClick={() => askForSuspects(needed)}>
            Find suspect labels ({needed.join(' and ')}: about {needed.includes('train') ? 'half a minute' : 'ten seconds'} of both cores)
          </button>
        )
      ) : (
        <>
          <ol className="suspects" aria-label="Suspect labels">
            {Array.from(top.subarray(0, shown), (id) => {
              const score = suspectOf(parts, id)!;
              return (
                <li key={id}>
                  <button type="button" onClick={() => setOpen(locateDigit(dataset, id), 'grid')}>
                    <DigitThumbnail pixels={pixelsOf(dataset, id)} geometry={geometryOf(dataset)} />
                    <span>
                      {describeDigit(dataset, id)}, neighbours say {score.votedLabel} ({score.disagreeing} of {score.k} disagree)
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="suspect-actions">
            {shown < top.length && (
              <button type="button" onClick={() => setShown((n) => n + PAGE)}>
                Show {PAGE} more
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                setSort('suspect');
                setView('digits');
              }}
            >
              Show them all in the grid, most suspect first
            </button>
          </div>
        </>
      )}
    </section>
  );
}
