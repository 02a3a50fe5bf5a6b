import { ALL_DIGITS } from '../../data/labelIndex';
import { LABEL_COUNT } from '../../data/mnist';
import { useExplorerStore } from '../../state/useExplorerStore';

/** Toggle buttons 0–9 and All. With All on, clicking a digit narrows to that digit. */
export function DigitFilter() {
  const digits = useExplorerStore((s) => s.digits);
  const toggleDigit = useExplorerStore((s) => s.toggleDigit);
  const showAllDigits = useExplorerStore((s) => s.showAllDigits);
  const all = digits.length === LABEL_COUNT;
  return (
    <div role="group" aria-label="Digit filter" className="digit-filter">
      <button type="button" aria-pressed={all} onClick={showAllDigits}>
        All
      </button>
      {ALL_DIGITS.map((d) => (
        <button key={d} type="button" aria-pressed={!all && digits.includes(d)} onClick={() => toggleDigit(d)}>
          {d}
        </button>
      ))}
    </div>
  );
}
