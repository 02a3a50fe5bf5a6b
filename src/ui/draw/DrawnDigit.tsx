// The drawing as the model sees it: the prepared 28 × 28 digit, drawn like the grid's (Greys),
// enlarged with its pixels kept square; saved as a grayscale PNG of its bytes, or copied as Python.
import { useEffect, useRef } from 'react';
import { DRAWN_SIDE } from '../../data/analysis/drawnDigit';
import type { Dataset } from '../../data/dataset/dataset';
import { drawingPython } from '../../data/export/drawingPython';
import { grayscalePng } from '../../data/export/grayscalePng';
import { drawDigit } from '../../render/drawDigits';
import { downloadBlob } from '../../render/downloadBlob';
import { PythonSnippetButton } from '../common/PythonSnippetButton';

export function DrawnDigit({ dataset, bytes }: { dataset: Dataset; bytes: Uint8Array | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    if (bytes) drawDigit(target, bytes);
    else target.getContext('2d')?.clearRect(0, 0, target.width, target.height);
  }, [bytes]);
  const { noun, transposed } = dataset.info;
  const save = async (digit: Uint8Array) => downloadBlob(new Blob([await grayscalePng(digit, DRAWN_SIDE, DRAWN_SIDE)], { type: 'image/png' }), `drawn-${noun.one}.png`);
  return (
    <div className="drawn-digit">
      <canvas
        ref={canvas}
        width={DRAWN_SIDE}
        height={DRAWN_SIDE}
        role="img"
        aria-label={bytes ? `The drawing as the model sees it: ${DRAWN_SIDE} × ${DRAWN_SIDE} pixels` : 'Nothing drawn yet'}
      />
      <p className="hint">
        As the model sees it: {DRAWN_SIDE} × {DRAWN_SIDE}, fitted into 20 × 20 and centred by its centre of mass, as MNIST's digits were.
      </p>
      <div className="drawn-digit-actions">
        <button type="button" disabled={!bytes} onClick={() => bytes && void save(bytes)}>
          Save as PNG
        </button>
        <PythonSnippetButton
          label="Copy as Python"
          title="Python for this drawing"
          disabled={!bytes}
          code={() => (bytes ? drawingPython(bytes, { noun: noun.one, transposed }) : '')}
        />
      </div>
    </div>
  );
}
