import { labelShort } from '../../data/dataset/catalog';
import { useEffect, useState } from 'react';
import { describeDigit, labelOf, locateDigit, geometryOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import type { Neighbour } from '../../data/analysis/neighbours';
import { findLookAlikes } from '../../state/jobs/lookAlikes';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { DigitThumbnail } from '../common/DigitThumbnail';
import { formatCount } from '../common/format';

/** How many look-alikes the detail lists. */
export const LOOK_ALIKES = 10;

type Answer = { readonly query: number } & ({ readonly neighbours: readonly Neighbour[] } | { readonly error: string });

/**
 * The open digit's nearest neighbours among all digits (both splits), nearest first, each a
 * button that opens it; those with another label than the open digit's are marked.
 */
export function LookAlikes({ dataset, digit }: { dataset: Dataset; digit: number }) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const total = dataset.train.count + dataset.test.count;

  useEffect(() => {
    let live = true;
    findLookAlikes(dataset, digit, LOOK_ALIKES).then(
      ({ neighbours }) => live && setAnswer({ query: digit, neighbours }),
      (error: unknown) => live && setAnswer({ query: digit, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [dataset, digit]);

  const label = labelOf(dataset, digit);
  const current = answer?.query === digit ? answer : null;
  return (
    <section className="look-alikes" aria-labelledby="look-alikes-title">
      <h3 id="look-alikes-title">Look-alikes</h3>
      <p className="hint">
        The {LOOK_ALIKES} nearest of all {formatCount(total)} digits by Euclidean distance over the 784 pixel values (exact: every digit is measured).
      </p>
      {!current ? (
        <p className="hint" aria-live="polite">
          Measuring…
        </p>
      ) : 'error' in current ? (
        <p role="alert" className="field-error">
          The look-alikes could not be found ({current.error}).
        </p>
      ) : (
        <ol aria-label="Look-alikes">
          {current.neighbours.map((n) => {
            const other = labelOf(dataset, n.id) !== label;
            const name = `${describeDigit(dataset, n.id)}, distance ${n.distance.toFixed(2)}${other ? ', another label' : ''}`;
            return (
              <li key={n.id}>
                <button type="button" aria-label={name} title={name} className={other ? 'other-label' : undefined} onClick={() => setOpen(locateDigit(dataset, n.id))}>
                  <DigitThumbnail pixels={pixelsOf(dataset, n.id)} geometry={geometryOf(dataset)} />
                  <span>
                    {describeDigit(dataset, n.id)}
                    <br />
                    {n.distance.toFixed(1)}
                    {other && <strong> ≠ {labelShort(dataset.info, label)}</strong>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
