import { labelText } from '../../data/dataset/catalog';
import { useEffect, useRef } from 'react';
import { describeDigit, geometryOf, globalId, labelOf, locateDigit, pixelsOf, type Dataset } from '../../data/dataset/dataset';
import { positionOf } from '../../data/dataset/labelIndex';
import { IMAGE_SIDE } from '../../data/dataset/mnist';
import { drawDigit } from '../../render/drawDigits';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useSample, useSuspectParts, useVisibleIds } from '../../state/store/selectors';
import { suspectOf } from '../../data/analysis/suspects';
import { CopyLinkButton } from '../common/CopyLinkButton';
import { focusDigit } from '../grid/digitFocus';
import { formatCount } from '../common/format';
import { ModalDialog } from '../common/ModalDialog';
import { DigitStatistics } from './DigitStatistics';
import { LookAlikes } from './LookAlikes';
import { ModelSays } from './ModelSays';
import { PixelTable } from './PixelTable';

const ENLARGED_SIZE = IMAGE_SIDE * 10;

/**
 * The open digit: enlarged, its split, index and label, and every pixel value. Previous/Next walk
 * what it was opened from: the grid's selection, or the sample's digits in the sample's order.
 */
export function DigitDetail({ dataset }: { dataset: Dataset }) {
  const open = useExplorerStore((s) => s.open);
  const openFrom = useExplorerStore((s) => s.openFrom);
  const setOpen = useExplorerStore((s) => s.setOpen);
  const openDigit = open ? globalId(dataset, open) : null;
  const setOpenDigit = (id: number | null) => setOpen(id === null ? null : locateDigit(dataset, id));
  const ids = useVisibleIds();
  const suspects = useSuspectParts();
  const sample = useSample();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The digit on screen when the dialog closes, so focus returns to the one last viewed.
  const lastViewed = useRef<number | null>(null);

  useEffect(() => {
    if (openDigit === null) return;
    lastViewed.current = openDigit;
    const canvas = canvasRef.current;
    if (canvas) drawDigit(canvas, pixelsOf(dataset, openDigit), geometryOf(dataset));
  }, [dataset, openDigit]);

  if (openDigit === null) return null;
  const { split, index } = locateDigit(dataset, openDigit);
  const label = labelOf(dataset, openDigit);
  const geometry = geometryOf(dataset);
  const suspect = suspectOf([suspects.train, suspects.test], openDigit);
  const inSample = openFrom === 'sample' ? sample.indexOf(openDigit) : -1;
  const walk = inSample >= 0 ? sample : ids;
  const position = inSample >= 0 ? inSample : positionOf(ids, openDigit);
  const prev = position > 0 ? walk[position - 1] : undefined;
  const next = position >= 0 && position < walk.length - 1 ? walk[position + 1] : undefined;
  const close = () => setOpenDigit(null);

  return (
    <ModalDialog
      labelledBy="digit-detail-title"
      className="digit-detail"
      onClose={close}
      returnFocus={() => lastViewed.current !== null && focusDigit(lastViewed.current, openFrom)}
    >
      <div
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft' && prev !== undefined) setOpenDigit(prev);
          if (e.key === 'ArrowRight' && next !== undefined) setOpenDigit(next);
        }}
      >
        <header>
          <h2 id="digit-detail-title">{describeDigit(dataset, openDigit)}</h2>
          <span className="digit-detail-actions">
            <CopyLinkButton />
            <button type="button" onClick={close} data-autofocus>
              Close
            </button>
          </span>
        </header>
        <div className="digit-detail-body">
          <div>
            <canvas ref={canvasRef} width={ENLARGED_SIZE} height={ENLARGED_SIZE} className="digit-enlarged" aria-label={`${dataset.info.noun.one === 'digit' ? 'Digit' : 'Label'} ${labelText(dataset.info, label)}, enlarged`} role="img" />
            <dl className="digit-facts">
              <dt>Split</dt>
              <dd>{split}</dd>
              <dt>Index</dt>
              <dd>{index}</dd>
              <dt>Label</dt>
              <dd>{labelText(dataset.info, label)}</dd>
              <DigitStatistics dataset={dataset} digit={{ split, index }} label={label} />
              <ModelSays dataset={dataset} digit={openDigit} />
              {suspect && (
                <>
                  <dt>Neighbours say</dt>
                  <dd>
                    {suspect.votedLabel} ({suspect.disagreeing} of {suspect.k} nearest disagree with the label)
                  </dd>
                </>
              )}
            </dl>
            <div className="digit-detail-nav">
              <button type="button" disabled={prev === undefined} onClick={() => prev !== undefined && setOpenDigit(prev)}>
                Previous
              </button>
              <button type="button" disabled={next === undefined} onClick={() => next !== undefined && setOpenDigit(next)}>
                Next
              </button>
              <span className="hint">
                {inSample >= 0
                  ? `${inSample + 1} of ${walk.length} in the sample`
                  : position >= 0
                    ? `${formatCount(position + 1)} of ${formatCount(walk.length)} shown`
                    : 'not in the current selection'}
              </span>
            </div>
            <LookAlikes dataset={dataset} digit={openDigit} />
          </div>
          <PixelTable pixels={pixelsOf(dataset, openDigit)} geometry={geometry} />
        </div>
      </div>
    </ModalDialog>
  );
}
