import { labelShort } from '../../data/dataset/catalog';
import { memo, useEffect, useRef } from 'react';
import { describeDigit, geometryOf, labelOf, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { IMAGE_SIDE } from '../../data/dataset/mnist';
import { drawDigit } from '../../render/drawDigits';
import { paintQueue } from '../../render/paintQueue';

const SIZE = IMAGE_SIDE * 2;

/**
 * One digit of the sample: its label above it, like plt.text over plt.imshow. Takes the dataset
 * and id (stable props) so a panel re-render does not redraw all its canvases; clicks are
 * handled once by the panel, by `data-id`.
 */
export const SampleDigit = memo(function SampleDigit({ dataset, id }: { dataset: Dataset; id: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Painted in a later task with the grid's rows below the screen: 30 canvases at once were a
  // quarter of the long task that shows a new dataset.
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    paintQueue.paint(canvas, () => drawDigit(canvas, pixelsOf(dataset, id), geometryOf(dataset)), false);
    return () => paintQueue.cancel(canvas);
  }, [dataset, id]);
  const name = describeDigit(dataset, id);
  return (
    <button type="button" className="sample-digit" aria-label={name} title={name} data-id={id}>
      <span className="sample-digit-label" aria-hidden="true">
        {labelShort(dataset.info, labelOf(dataset, id))}
      </span>
      <canvas ref={ref} width={SIZE} height={SIZE} aria-hidden="true" />
    </button>
  );
});

/** The same box, empty, while the data loads. */
export function SampleDigitPlaceholder() {
  return (
    <span className="sample-digit" aria-hidden="true">
      <span className="sample-digit-label" />
      <canvas width={SIZE} height={SIZE} />
    </span>
  );
}
