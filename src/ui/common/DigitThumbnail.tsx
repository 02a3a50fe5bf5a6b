import { useEffect, useRef } from 'react';
import { drawDigit } from '../../render/drawDigits';

/** One digit drawn small (56 px), for lists of digits (look-alikes, suspects). */
export function DigitThumbnail({ pixels }: { pixels: Uint8Array }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawDigit(canvas.current, pixels);
  }, [pixels]);
  return <canvas ref={canvas} width={56} height={56} aria-hidden="true" />;
}
