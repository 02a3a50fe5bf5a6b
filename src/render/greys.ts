// matplotlib's `Greys` colormap (ColorBrewer's 9-step sequential greys, linearly interpolated):
// 0 is white paper, 255 is black ink, exactly what `plt.imshow(img, cmap='Greys')` shows.
const GREYS_STOPS = [0xff, 0xf0, 0xd9, 0xbd, 0x96, 0x73, 0x52, 0x25, 0x00];

/** Grey level (0–255) for each pixel value under `Greys`. */
export function greysLevel(value: number): number {
  const t = (value / 255) * (GREYS_STOPS.length - 1);
  const i = Math.min(Math.floor(t), GREYS_STOPS.length - 2);
  const a = GREYS_STOPS[i]!;
  const b = GREYS_STOPS[i + 1]!;
  return Math.round(a + (b - a) * (t - i));
}

/**
 * One packed RGBA word per pixel value, for writing through a Uint32Array view of ImageData:
 * a table look-up per pixel instead of four byte writes and arithmetic.
 */
export const GREYS_RGBA: Uint32Array = (() => {
  const table = new Uint32Array(256);
  const bytes = new Uint8Array(table.buffer);
  for (let v = 0; v < 256; v++) {
    const g = greysLevel(v);
    bytes.set([g, g, g, 255], v * 4);
  }
  return table;
})();
