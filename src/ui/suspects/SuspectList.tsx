// The statistics view's list of suspect labels: the digits of the split and filter on screen most
// likely mislabelled — by confident learning on the classifier's out-of-sample probabilities once
// they cover the splits shown, by the neighbours' vote until then (and beside it as a second
// opinion). Each opens its digit. Computed when asked (tens of seconds of both cores), with progress.
import { useMemo, useState } from 'react';
import { describeDigit, locateDigit, geometryOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { idsInRankedOrder } from '../../data/dataset/sortOrder';
import { mergedRanking, suspectOf, SUSPECT_NEIGHBOURS } from '../../data/analysis/suspects';
import { idsFor, useSuspectParts } from '../../state/store/selectors';
import { splitsShown } from '../../data/dataset/labelIndex';
import { askForClassifier, askForSuspects } from '../../state/jobs/scheduler';
import { labelText } from '../../data/dataset/catalog';
import { topClasses } from '../../data/analysis/trainedModel';
import { useModelReadout } from '../../state/store/selectors';
import { labelIssuesOf, readoutCovers } from '../../state/store/modelMemo';
import { suspectsOf } from '../../state/store/analysisState';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { DigitThumbnail } from '../common/DigitThumbnail';
import { formatCount } from '../common/format';

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
  const readout = useModelReadout();
  const byModel = readoutCovers(readout, split) ? readout : null;
  const issues = useMemo(() => (byModel ? labelIssuesOf(byModel, dataset) : null), [byModel, dataset]);
  const modelTop = useMemo(() => {
    if (!issues) return null;
    const inScope = idsFor(dataset, split, digits).filter((id) => issues.issue[id] === 1);
    return idsInRankedOrder(inScope, issues.ranking, dataset.train.count + dataset.test.count);
  }, [issues, dataset, split, digits]);
  const top = useMemo(() => {
    if (modelTop) return modelTop;
    if (!ready) return null;
    const ranking = mergedRanking(parts);
    return idsInRankedOrder(idsFor(dataset, split, digits), ranking, dataset.train.count + dataset.test.count);
    // parts changes identity with the store's suspects.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelTop, ready, suspects, dataset, split, digits]);
  const name = (label: number) => labelText(dataset.info, label);
  const describe = (id: number) => {
    const score = suspectOf(parts, id);
    const neighbours = score ? `neighbours say ${score.votedLabel} (${score.disagreeing} of ${score.k} disagree)` : null;
    if (!byModel) return `${describeDigit(dataset, id)}, ${neighbours}`;
    const [best] = topClasses(byModel.probabilities.subarray(id * byModel.classes, (id + 1) * byModel.classes), 1);
    return `${describeDigit(dataset, id)}, the model says ${name(best!.label)} (${Math.round(100 * best!.probability)} %)${neighbours ? `; ${neighbours}` : ''}`;
  };

  return (
    <section className="figure suspect-list" aria-labelledby="suspects-heading">
      <div className="figure-head">
        <h2 id="suspects-heading">Suspect labels</h2>
      </div>
      {byModel && modelTop ? (
        <p className="hint">
          By confident learning (cleanlab’s method) on the classifier’s out-of-sample probabilities: the {formatCount(modelTop.length)} digits here the model,
          trained without them, is confident belong to another class than their label, least probable label first. The neighbours’ vote beside each is a
          second opinion. Candidates for a second look, not verdicts.
        </p>
      ) : (
        <p className="hint">
          Digits whose {SUSPECT_NEIGHBOURS} nearest neighbours among all digits (Euclidean distance on the first 50 principal components)
          mostly carry another label, most such neighbours first (equal counts: the closer those neighbours, the more suspect). Each names the
          label its neighbours vote for. Candidates for a second look, not verdicts.{' '}
          <span>By the neighbours’ vote until the classifier is trained: </span>
          <button type="button" className="link-button" onClick={askForClassifier}>
            train the classifier
          </button>
          <span> (Model view) for confident learning.</span>
        </p>
      )}
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
              return (
                <li key={id}>
                  <button type="button" onClick={() => setOpen(locateDigit(dataset, id), 'grid')}>
                    <DigitThumbnail pixels={pixelsOf(dataset, id)} geometry={geometryOf(dataset)} />
                    <span>
                      {describe(id)}
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
                setSort(byModel ? 'suspect' : 'neighbours');
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
