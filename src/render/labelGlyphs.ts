// The label glyphs (MNIST's ten digits, or a dataset's class names) rasterized once per size, then copied into the grid's picture, so the
// rows on screen are still one putImageData (fillText per cell cost more per frame).

export interface LabelGlyphs {
  readonly width: number;
  readonly height: number;
  /** RGBA words, width × height per label value (none where the label is no class). */
  readonly glyphs: readonly (Uint32Array | undefined)[];
}

const memo = new Map<string, LabelGlyphs>();

/**
 * Glyphs of `fontPx` device pixels, centred in a width × height box (device pixels), one per
 * label value: `texts[label]` (a long class name is squeezed to the box's width).
 */
export function labelGlyphs(width: number, height: number, fontPx: number, texts: readonly (string | null)[]): LabelGlyphs | null {
  const key = `${width}x${height}@${fontPx}:${texts.join('\u0000')}`;
  const memoised = memo.get(key);
  if (memoised) return memoised;
  if (typeof document === 'undefined' || width < 1 || height < 1) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const glyphs: (Uint32Array | undefined)[] = [];
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (memo.size > 16) memo.clear();
  for (const text of texts) {
    if (text === null) {
      glyphs.push(undefined);
      continue;
    }
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#333';
    ctx.fillText(text, width / 2, height / 2, Math.max(1, width - 2));
    glyphs.push(new Uint32Array(ctx.getImageData(0, 0, width, height).data.buffer.slice(0)));
  }
  const result = { width, height, glyphs };
  memo.set(key, result);
  return result;
}
