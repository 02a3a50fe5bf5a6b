import { useEffect, useRef } from 'react';
import { describeDigit, globalId, labelOf, locateDigit, pixelsOf, type Dataset } from '../data/dataset';
import { IMAGE_SIDE } from '../data/mnist';
import { drawDigit } from '../render/drawDigits';
import { useExplorerStore } from '../state/useExplorerStore';
import { useVisibleIds } from '../state/selectors';
import { CopyLinkButton } from './CopyLinkButton';
import { PixelTable } from './PixelTable';

const ENLARGED_SIZE = IMAGE_SIDE * 10;

/** The open digit: enlarged, its split, index and label, and every pixel value. */
export function DigitDetail({ dataset }: { dataset: Dataset }) {
  const open = useExplorerStore((s) => s.open);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const openDigit = open ? globalId(dataset, open) : null;
  const setOpenDigit = (id: number | null) => setOpen(id === null ? null : locateDigit(dataset, id));
  const ids = useVisibleIds();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (openDigit === null) return;
    const canvas = canvasRef.current;
    if (canvas) drawDigit(canvas, pixelsOf(dataset, openDigit));
  }, [dataset, openDigit]);

  const isOpen = openDigit !== null;
  useEffect(() => {
    if (!isOpen) return;
    returnFocus.current = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => returnFocus.current?.focus();
  }, [isOpen]);

  if (openDigit === null) return null;
  const { split, index } = locateDigit(dataset, openDigit);
  const label = labelOf(dataset, openDigit);
  // Previous/next step through the digits the grid shows, in its order.
  const position = binarySearch(ids, openDigit);
  const prev = position > 0 ? ids[position - 1] : undefined;
  const next = position >= 0 && position < ids.length - 1 ? ids[position + 1] : undefined;
  const close = () => setOpenDigit(null);

  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="digit-detail-title"
        className="digit-detail"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'ArrowLeft' && prev !== undefined) setOpenDigit(prev);
          if (e.key === 'ArrowRight' && next !== undefined) setOpenDigit(next);
        }}
      >
        <header>
          <h2 id="digit-detail-title">{describeDigit(dataset, openDigit)}</h2>
          <span className="digit-detail-actions">
            <CopyLinkButton />
            <button type="button" ref={closeRef} onClick={close}>
              Close
            </button>
          </span>
        </header>
        <div className="digit-detail-body">
          <div>
            <canvas ref={canvasRef} width={ENLARGED_SIZE} height={ENLARGED_SIZE} className="digit-enlarged" aria-label={`Digit ${label}, enlarged`} role="img" />
            <dl className="digit-facts">
              <dt>Split</dt>
              <dd>{split}</dd>
              <dt>Index</dt>
              <dd>{index}</dd>
              <dt>Label</dt>
              <dd>{label}</dd>
            </dl>
            <div className="digit-detail-nav">
              <button type="button" disabled={prev === undefined} onClick={() => prev !== undefined && setOpenDigit(prev)}>
                Previous
              </button>
              <button type="button" disabled={next === undefined} onClick={() => next !== undefined && setOpenDigit(next)}>
                Next
              </button>
            </div>
          </div>
          <PixelTable pixels={pixelsOf(dataset, openDigit)} />
        </div>
      </div>
    </div>
  );
}

function binarySearch(ids: Uint32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = ids[mid]!;
    if (value === id) return mid;
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
