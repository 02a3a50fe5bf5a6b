// The ten label glyphs rasterized once per size, then copied into each row's ImageData, so a
// row of digits and labels is still one putImageData (fillText per cell cost more per frame).

export interface LabelGlyphs {
  readonly width: number;
  readonly height: number;
  /** RGBA words, width × height per digit 0–9. */
  readonly glyphs: readonly Uint32Array[];
}

const cache = new Map<string, LabelGlyphs>();

/** Glyphs of `fontPx` device pixels, centred in a width × height box (device pixels). */
export function labelGlyphs(width: number, height: number, fontPx: number): LabelGlyphs | null {
  const key = `${width}x${height}@${fontPx}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (typeof document === 'undefined' || width < 1 || height < 1) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const glyphs: Uint32Array[] = [];
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let d = 0; d < 10; d++) {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#333';
    ctx.fillText(String(d), width / 2, height / 2);
    glyphs.push(new Uint32Array(ctx.getImageData(0, 0, width, height).data.buffer.slice(0)));
  }
  const result = { width, height, glyphs };
  cache.set(key, result);
  return result;
}

/** Copies label glyphs under each digit of a row image; returns the labels it had no glyph for. */
export function paintRowLabels(
  target: ImageData,
  labels: readonly number[],
  glyphs: LabelGlyphs,
  top: number,
  pitch: number,
): number[] {
  const out = new Uint32Array(target.data.buffer);
  const missing: number[] = [];
  labels.forEach((label, i) => {
    const glyph = glyphs.glyphs[label];
    if (!glyph) {
      missing.push(i);
      return;
    }
    const left = i * pitch;
    for (let y = 0; y < glyphs.height && top + y < target.height; y++) {
      out.set(glyph.subarray(y * glyphs.width, (y + 1) * glyphs.width), (top + y) * target.width + left);
    }
  });
  return missing;
}
