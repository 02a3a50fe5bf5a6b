import { MNIST_GEOMETRY, type ImageGeometry } from '../data/dataset/dataset';
import { paintDigitRow } from './drawDigits';

export interface SampleFigureDigit {
  readonly pixels: Uint8Array;
  /** As written over the image: the label, or its class name. */
  readonly label: number | string;
}

/**
 * The notebook's figure: `plt.figure(figsize=(16, 6))`, then `plt.subplot(1, N, i)` for each
 * digit with `plt.text(x=10, y=-10, s=label, fontsize=18)` over `plt.imshow(…, cmap=Greys)`. One
 * row of N axes laid out with matplotlib's default subplot parameters, saved at 200 dpi.
 */
export const FIGURE = { widthInches: 16, heightInches: 6, dpi: 200, fontPoints: 18 } as const;
const SUBPLOT = { left: 0.125, right: 0.9, bottom: 0.11, top: 0.88, wspace: 0.2 } as const;

export interface FigureLayout {
  readonly width: number;
  readonly height: number;
  /** Side of each (square, aspect='equal') image, and the left edge of the first. */
  readonly axis: number;
  readonly pitch: number;
  readonly left: number;
  readonly imageTop: number;
}

export function sampleFigureLayout(count: number): FigureLayout {
  const width = FIGURE.widthInches * FIGURE.dpi;
  const height = FIGURE.heightInches * FIGURE.dpi;
  const n = Math.max(1, count);
  const span = width * (SUBPLOT.right - SUBPLOT.left);
  // n axes and n − 1 gaps of wspace × the mean axis width fill the span.
  const axis = span / (n + (n - 1) * SUBPLOT.wspace);
  const boxTop = height * (1 - SUBPLOT.top);
  const boxHeight = height * (SUBPLOT.top - SUBPLOT.bottom);
  // imshow keeps the image square: a wide row of narrow axes centres it vertically in its box.
  const side = Math.min(axis, boxHeight);
  return { width, height, axis: side, pitch: axis * (1 + SUBPLOT.wspace), left: width * SUBPLOT.left, imageTop: boxTop + (boxHeight - side) / 2 };
}

export function drawSampleFigure(digits: readonly SampleFigureDigit[], geometry: ImageGeometry = MNIST_GEOMETRY): HTMLCanvasElement {
  const layout = sampleFigureLayout(digits.length);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const side = Math.max(1, Math.floor(layout.axis));
  // One image pixel, for plt.text's offsets in data coordinates.
  const unit = side / Math.max(geometry.rows, geometry.cols);
  const image = ctx.createImageData(side, side);
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.font = `${Math.round((FIGURE.fontPoints * FIGURE.dpi) / 72)}px sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  digits.forEach((digit, i) => {
    const x = Math.round(layout.left + i * layout.pitch);
    const y = Math.round(layout.imageTop);
    paintDigitRow(image, 1, () => digit.pixels, { digitSize: side, pitch: side }, geometry);
    ctx.putImageData(image, x, y);
    ctx.strokeRect(x - 0.5, y - 0.5, side + 1, side + 1);
    // plt.text(x=10, y=-10): data coordinates, 10 pixels in and 10 above the image.
    ctx.fillText(String(digit.label), x + 10 * unit, y - 10 * unit);
  });
  return canvas;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}
