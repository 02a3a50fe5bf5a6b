// The pad itself: a canvas to draw on with a mouse, a finger or a pen, and Clear. It is an input,
// not a picture, so it is named by aria-label (not role img) and described by the visible
// instruction; freehand drawing has no keyboard equivalent (WCAG 2.1.1's path-dependent input).
import { useRef } from 'react';
import { PAD_SIDE, padContext } from './padStrokes';
import { usePadPointer, type StrokeEnd } from './usePadPointer';

interface Props {
  readonly instructionId: string;
  readonly onStrokeEnd: (end: StrokeEnd) => void;
  readonly onClear: () => void;
}

export function DrawingPad({ instructionId, onStrokeEnd, onClear }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pointer = usePadPointer(onStrokeEnd);
  const clear = () => {
    const pad = canvas.current;
    if (pad) padContext(pad)?.clearRect(0, 0, pad.width, pad.height);
    onClear();
  };
  return (
    <div className="drawing-pad">
      <canvas ref={canvas} width={PAD_SIDE} height={PAD_SIDE} aria-label="Drawing pad" aria-describedby={instructionId} {...pointer} />
      <button type="button" onClick={clear}>
        Clear
      </button>
    </div>
  );
}
