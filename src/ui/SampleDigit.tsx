import { memo, useEffect, useRef } from 'react';
import { IMAGE_SIDE } from '../data/mnist';
import { drawDigit } from '../render/drawDigits';

const SIZE = IMAGE_SIDE * 2;

/** One digit of the sample: its label above it, like plt.text over plt.imshow. */
export const SampleDigit = memo(function SampleDigit({
  pixels,
  label,
  name,
  onOpen,
}: {
  pixels: Uint8Array;
  label: number;
  name: string;
  onOpen: () => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawDigit(ref.current, pixels);
  }, [pixels]);
  return (
    <button type="button" className="sample-digit" aria-label={name} onClick={onOpen}>
      <span className="sample-digit-label" aria-hidden="true">
        {label}
      </span>
      <canvas ref={ref} width={SIZE} height={SIZE} aria-hidden="true" />
    </button>
  );
});
