// Strokes on the drawing pad: a round pen about a tenth of the pad wide (so a digit drawn across
// most of the pad comes out, scaled into MNIST's 20 × 20 box, with strokes of two to three pixels,
// like theirs), opaque black on a transparent canvas: the ink is the alpha (drawingInk.ts).

/** The pad's own pixels a side, whatever its size on screen (the ink is read at this size). */
export const PAD_SIDE = 280;
export const PEN_WIDTH = PAD_SIDE / 10;

export interface PadPoint {
  readonly x: number;
  readonly y: number;
}

/** Where a pointer is, in the pad's own pixels (it may be shown smaller or larger). */
export function padPoint(canvas: HTMLCanvasElement, clientX: number, clientY: number): PadPoint {
  const box = canvas.getBoundingClientRect();
  return { x: ((clientX - box.left) * canvas.width) / Math.max(1, box.width), y: ((clientY - box.top) * canvas.height) / Math.max(1, box.height) };
}

export function padContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  // Read back after every stroke: kept in memory rather than on the GPU, so reading is cheap.
  return canvas.getContext('2d', { willReadFrequently: true });
}

/** A dot where a stroke starts, so a tap inks too. */
export function penDown(ctx: CanvasRenderingContext2D, at: PadPoint): void {
  ctx.fillStyle = '#000';
  ctx.beginPath();
  ctx.arc(at.x, at.y, PEN_WIDTH / 2, 0, 2 * Math.PI);
  ctx.fill();
}

/** The stroke on from `from` through `points`. */
export function penMove(ctx: CanvasRenderingContext2D, from: PadPoint, points: readonly PadPoint[]): void {
  ctx.strokeStyle = '#000';
  ctx.lineWidth = PEN_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  for (const p of points) ctx.lineTo(p.x, p.y);
  ctx.stroke();
}
