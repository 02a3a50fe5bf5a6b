import { IMAGE_SIDE } from '../data/mnist';
import { paintDigitRow } from './drawDigits';

export interface SampleFigureDigit {
  readonly pixels: Uint8Array;
  readonly label: number;
}

const DIGIT_SIZE = IMAGE_SIDE * 3;
const GAP = 12;
const LABEL_BAND = 34;
const MARGIN = 16;
const PER_ROW = 15;

/**
 * Draws the sample the way the notebook's matplotlib figure shows it: digits in Greys on white,
 * each with its label written above, at 3× so the saved PNG stays crisp.
 */
export function drawSampleFigure(digits: readonly SampleFigureDigit[]): HTMLCanvasElement {
  const columns = Math.max(1, Math.min(PER_ROW, digits.length));
  const rows = Math.max(1, Math.ceil(digits.length / PER_ROW));
  const canvas = document.createElement('canvas');
  canvas.width = 2 * MARGIN + columns * DIGIT_SIZE + (columns - 1) * GAP;
  canvas.height = 2 * MARGIN + rows * (LABEL_BAND + DIGIT_SIZE) + (rows - 1) * GAP;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = '22px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  const image = ctx.createImageData(DIGIT_SIZE, DIGIT_SIZE);
  digits.forEach((digit, i) => {
    const x = MARGIN + (i % PER_ROW) * (DIGIT_SIZE + GAP);
    const y = MARGIN + Math.floor(i / PER_ROW) * (LABEL_BAND + DIGIT_SIZE + GAP);
    ctx.fillText(String(digit.label), x + DIGIT_SIZE / 2, y + LABEL_BAND - 6);
    paintDigitRow(image, 1, () => digit.pixels, { digitSize: DIGIT_SIZE, pitch: DIGIT_SIZE });
    ctx.putImageData(image, x, y + LABEL_BAND);
    ctx.strokeStyle = '#000';
    ctx.strokeRect(x - 0.5, y + LABEL_BAND - 0.5, DIGIT_SIZE + 1, DIGIT_SIZE + 1);
  });
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
