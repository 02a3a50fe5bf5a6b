import { classLabels, labelShort, MNIST_INFO } from '../../data/dataset/catalog';
import { isEveryLabel } from '../../data/dataset/labelIndex';
import { useExplorerStore } from '../../state/store/useExplorerStore';

/**
 * Toggle buttons, one per class, and All. With All on, clicking a class narrows to it. Named
 * "Digit filter" for digits (MNIST's contract) and "Class filter" for other data; a button shows
 * the class name, and its accessible name starts with the label value.
 */
export function DigitFilter() {
  const digits = useExplorerStore((s) => s.digits);
  const info = useExplorerStore((s) => (s.dataset ?? s.preview)?.info ?? MNIST_INFO);
  const toggleDigit = useExplorerStore((s) => s.toggleDigit);
  const showAllDigits = useExplorerStore((s) => s.showAllDigits);
  const all = isEveryLabel(digits);
  const many = classLabels(info).length > 12;
  return (
    <div role="group" aria-label={info.noun.filter} className={many ? 'digit-filter digit-filter-many' : 'digit-filter'}>
      <button type="button" aria-pressed={all} onClick={showAllDigits}>
        All
      </button>
      {classLabels(info).map((d) => {
        const name = labelShort(info, d);
        return (
          <button
            key={d}
            type="button"
            aria-pressed={!all && digits.includes(d)}
            aria-label={name === String(d) ? undefined : `${d} ${name}`}
            onClick={() => toggleDigit(d)}
          >
            {name}
          </button>
        );
      })}
    </div>
  );
}
