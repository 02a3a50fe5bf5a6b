// Canvas drawing for the statistics view: bar charts (linear or log), images of per-pixel values
// in a colour map (Greys for means and spreads, a diverging map for differences) and their colour
// bars. One drawing path serves the screen (the page's colours) and Save PNG (white paper).
import { MNIST_GEOMETRY, uprightIndex, type ImageGeometry } from '../data/dataset/dataset';
import { greysLevel } from './greys';

export interface ChartTheme {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly line: string;
  readonly bar: string;
  readonly barDim: string;
}

/** Save PNG draws on white paper with black ink, whatever the page's colour scheme. */
export const PAPER_THEME: ChartTheme = { background: '#fff', text: '#111', muted: '#555', line: '#bbb', bar: '#1f5fbf', barDim: '#c9d6ea' };

/** The page's colours, read from its CSS custom properties. */
export function pageTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--surface', PAPER_THEME.background),
    text: v('--text', PAPER_THEME.text),
    muted: v('--muted', PAPER_THEME.muted),
    line: v('--line', PAPER_THEME.line),
    bar: v('--accent', PAPER_THEME.bar),
    barDim: v('--track', PAPER_THEME.barDim),
  };
}

/** A clickable region of a drawn figure, in CSS pixels, for an overlaid button. */
export interface FigureTarget {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly name: string;
  readonly pressed?: boolean;
  readonly onActivate: () => void;
}

export const FONT = '12px system-ui, sans-serif';
const SMALL_FONT = '11px system-ui, sans-serif';

export interface Bar {
  readonly value: number;
  /** Written under the bar (skipped when bars are too narrow for it). */
  readonly tick?: string;
  /** Written on top of the bar. */
  readonly text?: string;
  readonly dim?: boolean;
}

export interface BarChartSpec {
  readonly bars: readonly Bar[];
  readonly log: boolean;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Label every n-th tick (1: every bar). */
  readonly tickEvery?: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Round tick values from 0 up to at least `max`: 1, 2 or 5 times a power of ten apart. */
export function niceTicks(max: number, wanted = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / wanted;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/** Powers of ten from 1 up to at least `max`. */
export function logTicks(max: number): number[] {
  const ticks = [1];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! * 10);
  return ticks;
}

const COUNT = new Intl.NumberFormat('en-US');
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export function formatTick(value: number): string {
  return value >= 10_000 ? COMPACT.format(value) : COUNT.format(value);
}

const PLOT_MARGIN = { left: 52, right: 8, top: 18, bottom: 36 } as const;

/**
 * Draws a bar chart in `box` and returns each bar's rectangle (for click targets). On the log
 * scale a zero count draws no bar (log 0 is −∞), and the axis starts at 1.
 */
export function drawBarChart(ctx: CanvasRenderingContext2D, spec: BarChartSpec, box: Box, theme: ChartTheme): Box[] {
  const plot: Box = {
    x: box.x + PLOT_MARGIN.left,
    y: box.y + PLOT_MARGIN.top,
    width: Math.max(10, box.width - PLOT_MARGIN.left - PLOT_MARGIN.right),
    height: Math.max(10, box.height - PLOT_MARGIN.top - PLOT_MARGIN.bottom),
  };
  const max = Math.max(1, ...spec.bars.map((b) => b.value));
  const ticks = spec.log ? logTicks(max) : niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const scale = spec.log
    ? (v: number) => (v < 1 ? 0 : Math.log10(v) / Math.log10(top))
    : (v: number) => v / top;
  const yOf = (v: number) => plot.y + plot.height * (1 - scale(v));

  ctx.font = SMALL_FONT;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  ctx.lineWidth = 1;
  for (const t of ticks) {
    const y = Math.round(yOf(t)) + 0.5;
    ctx.strokeStyle = theme.line;
    ctx.beginPath();
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.width, y);
    ctx.stroke();
    ctx.fillStyle = theme.muted;
    ctx.fillText(formatTick(t), plot.x - 6, y);
  }

  const n = spec.bars.length;
  const pitch = plot.width / Math.max(1, n);
  const gap = pitch > 8 ? pitch * 0.18 : 0;
  const every = spec.tickEvery ?? 1;
  const rects: Box[] = [];
  // Numbers too wide for their bars (a phone): all in the short form (6.9K), or none rather than a smear.
  const fits = (form: (b: Bar) => string) => spec.bars.every((b) => !b.text || ctx.measureText(form(b)).width <= pitch - 1);
  const barText = fits((b) => b.text ?? '') ? (b: Bar) => b.text : fits((b) => COMPACT.format(b.value)) ? (b: Bar) => b.text && COMPACT.format(b.value) : () => undefined;
  spec.bars.forEach((bar, i) => {
    const x = plot.x + i * pitch + gap / 2;
    const y = yOf(bar.value);
    const rect = { x, y, width: Math.max(1, pitch - gap), height: plot.y + plot.height - y };
    rects.push({ x: plot.x + i * pitch, y: plot.y, width: pitch, height: plot.height + PLOT_MARGIN.bottom - 14 });
    ctx.fillStyle = bar.dim ? theme.barDim : theme.bar;
    if (rect.height > 0) ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
    ctx.fillStyle = bar.dim ? theme.muted : theme.text;
    ctx.textAlign = 'center';
    const text = barText(bar);
    if (text) {
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, x + rect.width / 2, y - 2);
    }
    if (bar.tick !== undefined && i % every === 0) {
      ctx.textBaseline = 'top';
      ctx.fillText(bar.tick, plot.x + (i + 0.5) * pitch, plot.y + plot.height + 4);
    }
  });

  ctx.strokeStyle = theme.muted;
  ctx.beginPath();
  ctx.moveTo(plot.x, plot.y + plot.height + 0.5);
  ctx.lineTo(plot.x + plot.width, plot.y + plot.height + 0.5);
  ctx.stroke();
  ctx.fillStyle = theme.muted;
  ctx.font = FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(spec.xLabel, plot.x + plot.width / 2, box.y + box.height);
  ctx.save();
  ctx.translate(box.x + 10, plot.y + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(spec.log ? `${spec.yLabel} (log)` : spec.yLabel, 0, 0);
  ctx.restore();
  return rects;
}

export type ColourMap = (value: number) => readonly [number, number, number];

/** matplotlib's Greys over [0, max]: 0 white, max black. */
export function greysMap(max: number): ColourMap {
  return (value) => {
    const g = greysLevel(max > 0 ? Math.min(255, Math.max(0, (value / max) * 255)) : 0);
    return [g, g, g];
  };
}

// matplotlib's RdBu_r endpoints and white middle (ColorBrewer RdBu, reversed): negative blue,
// positive red.
const BLUE = [0x21, 0x66, 0xac] as const;
const RED = [0xb2, 0x18, 0x2b] as const;
const MIDDLE = [0xf7, 0xf7, 0xf7] as const;

/** A diverging map over [−limit, limit]: blue below zero, white at zero, red above. */
export function divergingMap(limit: number): ColourMap {
  return (value) => {
    const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
    const end = t < 0 ? BLUE : RED;
    const a = Math.abs(t);
    return [0, 1, 2].map((c) => Math.round(MIDDLE[c]! + (end[c]! - MIDDLE[c]!) * a)) as unknown as readonly [number, number, number];
  };
}

const TABLE_STEPS = 1024;
/** Each colour map's colours at TABLE_STEPS points of [min, max], packed RGBA, made once per map. */
const colourTables = new WeakMap<ColourMap, { min: number; max: number; table: Uint32Array }>();

function colourTable(colour: ColourMap, min: number, max: number): Uint32Array {
  const known = colourTables.get(colour);
  if (known && known.min === min && known.max === max) return known.table;
  const table = new Uint32Array(TABLE_STEPS);
  const bytes = new Uint8Array(table.buffer);
  for (let i = 0; i < TABLE_STEPS; i++) {
    const [r, g, b] = colour(min + ((max - min) * i) / (TABLE_STEPS - 1));
    bytes[i * 4] = r;
    bytes[i * 4 + 1] = g;
    bytes[i * 4 + 2] = b;
    bytes[i * 4 + 3] = 255;
  }
  colourTables.set(colour, { min, max, table });
  return table;
}

/**
 * Draws 784 values as a 28 × 28 image of side `size` at (x, y), each value through `colour` over
 * [min, max] (looked up in a table of 1,024 steps: finer than the eye, and no colour computed
 * per pixel).
 */
export function drawValueImage(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  colour: ColourMap,
  min: number,
  max: number,
  x: number,
  y: number,
  size: number,
  geometry: ImageGeometry = MNIST_GEOMETRY,
): void {
  const table = colourTable(colour, min, max);
  // Stood upright (EMNIST is stored transposed), fitted into the square by its longer side.
  const { width, height, source } = uprightIndex(geometry);
  const image = new ImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  const scale = max > min ? (TABLE_STEPS - 1) / (max - min) : 0;
  for (let p = 0; p < source.length; p++) {
    const step = Math.round((values[source[p]!]! - min) * scale);
    pixels[p] = table[step < 0 ? 0 : step >= TABLE_STEPS ? TABLE_STEPS - 1 : step]!;
  }
  tile ??= document.createElement('canvas').getContext('2d');
  if (!tile) return;
  tile.canvas.width = width;
  tile.canvas.height = height;
  tile.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  const unit = size / Math.max(width, height);
  ctx.drawImage(tile.canvas, x + (size - width * unit) / 2, y + (size - height * unit) / 2, width * unit, height * unit);
}

/** One 28 × 28 canvas every value image passes through on its way to a figure (made once). */
let tile: CanvasRenderingContext2D | null = null;

/** A horizontal colour bar from `min` to `max` with the ends and middle written under it. */
export function drawColourBar(ctx: CanvasRenderingContext2D, colour: ColourMap, min: number, max: number, box: Box, theme: ChartTheme, format: (v: number) => string): void {
  const steps = Math.max(2, Math.floor(box.width));
  for (let i = 0; i < steps; i++) {
    const [r, g, b] = colour(min + ((max - min) * i) / (steps - 1));
    ctx.fillStyle = `rgb(${r} ${g} ${b})`;
    ctx.fillRect(box.x + (i * box.width) / steps, box.y, box.width / steps + 0.5, box.height);
  }
  ctx.strokeStyle = theme.muted;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  ctx.fillStyle = theme.muted;
  ctx.font = SMALL_FONT;
  ctx.textBaseline = 'top';
  const y = box.y + box.height + 2;
  ctx.textAlign = 'left';
  ctx.fillText(format(min), box.x, y);
  ctx.textAlign = 'right';
  ctx.fillText(format(max), box.x + box.width, y);
  // The middle only where it fits between the ends.
  const middle = format((min + max) / 2);
  const room = box.width - ctx.measureText(format(min)).width - ctx.measureText(format(max)).width;
  if (ctx.measureText(middle).width + 8 <= room) {
    ctx.textAlign = 'center';
    ctx.fillText(middle, box.x + box.width / 2, y);
  }
}
