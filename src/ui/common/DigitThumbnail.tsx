import { useEffect, useRef } from 'react';
import { drawDigit } from '../../render/drawDigits';
import type { ImageGeometry } from '../../data/dataset/dataset';

/** One digit drawn small (56 px), for lists of digits (look-alikes, suspects). */
export function DigitThumbnail({ pixels, geometry }: { pixels: Uint8Array; geometry: ImageGeometry }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawDigit(canvas.current, pixels, geometry);
  }, [pixels, geometry]);
  return <canvas ref={canvas} width={56} height={56} aria-hidden="true" />;
}
