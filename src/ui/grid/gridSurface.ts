// The digit grid outside React: one canvas holding the rows on screen, painted from the split
// buffers whenever the first row on screen changes (in the scroll event, so the frame that shows
// the new scroll position shows its digits), the pool of accessible rows beside it, the roving
// focus, and positions of pointer events by arithmetic (clicks and hover work on rows whose
// names are not written yet, and at 4 pixels per digit).
import { describeDigit, geometryOf, labelOf, type Dataset } from '../../data/dataset/dataset';
import { labelShort } from '../../data/dataset/catalog';
import { isShared, paintGridRows, reduceAhead, thumbnailsFor, type GridPaintData } from '../../render/gridViewport';
import { reduceThumbnailsInWorker, type ThumbnailsRun } from '../../state/jobs/thumbnailsClient';
import { labelGlyphs } from '../../render/labelGlyphs';
import { markFirstDigitPainted } from '../../state/app/perfMarks';
import { AccessibleRows, type CellElement } from './accessibleRows';
import { GRID_PADDING, type GridLayout } from './gridLayout';

/**
 * Name writing per frame while rows wait for theirs: milliseconds of script and new cells. While
 * the view moves (a scroll in the last SCROLLING_MS) the share is small, so a fling through the
 * dense zooms (~30,000 cells a screen) keeps its frames for the canvas; once it rests, the rest
 * follow at the larger share. At the default zoom a screen's cells fit either share.
 */
const NAMES_WHILE_SCROLLING = { ms: 1, cells: 400 } as const;
const NAMES_AT_REST = { ms: 4, cells: 2000 } as const;
const SCROLLING_MS = 100;
/** Idle time spent reducing digits ahead of their first paint at the dense zooms, per slice. */
const REDUCE_AHEAD_MS = 8;
/**
 * Digits are reduced ahead only where a screen holds more than this many (4 and 7 px): what a
 * frame can reduce besides its paint. At 14 px a screen's ~3,000 fit the frame that shows them,
 * and reducing the whole selection ahead would keep ~200 bytes for every digit.
 */
const REDUCE_AHEAD_ABOVE_CELLS = 5000;
/**
 * Nor where all of them would keep more than this (10 × MNIST at 14 device pixels, 7 px on a
 * 2× screen, would keep 137 MB): those are reduced as they are first painted, as at 14 px.
 */
const REDUCE_AHEAD_MAX_BYTES = 64 * 1024 * 1024;

export interface GridContent {
  readonly dataset: Dataset;
  /** Which load the pixels come from: equal keys, equal pixels for equal ids. */
  readonly dataKey: string;
  readonly ids: Uint32Array;
  readonly layout: GridLayout;
  /** Colour word per global id for the bands of the dense zooms, or null. */
  readonly bands: Uint32Array | null;
}

export interface GridElements {
  readonly scroller: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly rows: HTMLElement;
}

export class GridSurface {
  private content: GridContent | null = null;
  private readonly rows: AccessibleRows;
  private focusPos = 0;
  /** What the canvas shows: first row, rows, size, content (repainted when any changes). */
  private painted = '';
  private contentVersion = 0;
  private image: ImageData | null = null;
  private pendingFrame = 0;
  /**
   * What reduces digits ahead (dense zooms) — a worker, or an idle callback where the thumbnails
   * cannot be shared — and the content it works for (a handle of 0: done).
   */
  private ahead: { handle: number; worker?: ThumbnailsRun; key: string } | null = null;
  private lastScroll = -Infinity;
  private readonly onScroll = () => {
    this.lastScroll = performance.now();
    this.update();
  };
  private readonly resize: ResizeObserver;

  private readonly elements: GridElements;

  constructor(elements: GridElements) {
    this.elements = elements;
    this.rows = new AccessibleRows(elements.rows);
    elements.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize = new ResizeObserver(() => this.update());
    this.resize.observe(elements.scroller);
  }

  dispose(): void {
    this.elements.scroller.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
    cancelAnimationFrame(this.pendingFrame);
    this.stopReducingAhead();
    this.rows.dispose();
  }

  /** New content; a new selection starts at its first digit. */
  show(content: GridContent): void {
    const previous = this.content;
    this.content = content;
    this.contentVersion++;
    const { dataset, ids, layout } = content;
    this.rows.setContent({ layout, length: ids.length, nameAt: (pos) => describeDigit(dataset, ids[pos]!) });
    if (previous && previous.ids !== ids) {
      this.elements.scroller.scrollTop = 0;
      this.focusPos = 0;
    }
    this.focusPos = Math.min(this.focusPos, Math.max(0, ids.length - 1));
    this.update();
  }

  get focusedPosition(): number {
    return this.focusPos;
  }

  /** Paints what is on screen if it changed, and writes the accessible rows (within the budget). */
  private update(pinFocus = false): void {
    const content = this.content;
    if (!content) return;
    const { layout, ids } = content;
    const { scroller } = this.elements;
    const rowCount = Math.ceil(ids.length / layout.columns);
    const first = Math.max(0, Math.min(rowCount - 1, Math.floor((scroller.scrollTop - GRID_PADDING) / layout.rowHeight)));
    const last = Math.min(rowCount - 1, Math.floor((scroller.scrollTop + scroller.clientHeight - GRID_PADDING) / layout.rowHeight));
    // The canvas holds as many rows as can ever be on screen at once, whatever the offset, so its
    // size (and its backing store and picture buffer) stays put while the view moves.
    this.paint(first, Math.min(rowCount, Math.ceil(scroller.clientHeight / layout.rowHeight) + 1));
    const focused = pinFocus || this.elements.rows.contains(document.activeElement);
    const pinned = focused ? Math.floor(this.focusPos / layout.columns) : -1;
    const now = performance.now();
    const share = now - this.lastScroll < SCROLLING_MS ? NAMES_WHILE_SCROLLING : NAMES_AT_REST;
    const done = this.rows.show(first, last, pinned, this.focusPos, now + share.ms, share.cells);
    if (!done && this.pendingFrame === 0) {
      this.pendingFrame = requestAnimationFrame(() => {
        this.pendingFrame = 0;
        this.update();
      });
    }
  }

  private paint(first: number, rows: number): void {
    const content = this.content!;
    const { canvas } = this.elements;
    const { layout, ids, dataset, bands } = content;
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = layout.columns * layout.cellWidth;
    const cssHeight = Math.max(1, rows) * layout.rowHeight;
    const width = Math.max(1, Math.round(cssWidth * ratio));
    const height = Math.max(1, Math.round(cssHeight * ratio));
    const key = `${this.contentVersion}:${first}:${rows}:${width}x${height}`;
    if (key === this.painted) return;
    this.painted = key;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${cssHeight}px`;
    }
    canvas.style.transform = `translate(${GRID_PADDING}px, ${GRID_PADDING + first * layout.rowHeight}px)`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (!this.image || this.image.width !== width || this.image.height !== height) this.image = ctx.createImageData(width, height);
    const digitSize = Math.round(layout.digitSize * ratio);
    const strip = Math.round(layout.labelStrip * ratio);
    const fontPx = Math.round(layout.labelFont * ratio);
    const glyphs = layout.banded ? null : labelGlyphs(digitSize, strip, fontPx, dataset.info.classNames);
    const data = paintData(content);
    const missing = paintGridRows({
      target: new Uint32Array(this.image.data.buffer),
      width,
      height,
      ids,
      from: first * layout.columns,
      rows,
      columns: layout.columns,
      layout: { digitSize, pitch: layout.cellWidth * ratio, rowPitch: layout.rowHeight * ratio, strip, banded: layout.banded },
      data,
      labels: { glyphs: glyphs?.glyphs ?? null, bands },
    });
    ctx.putImageData(this.image, 0, 0);
    // A selection the canvas holds whole is painted, so reduced, already: nothing to do ahead (no
    // worker started for one digit's 7,000 at 4 px, nor for each early message of a load).
    const screen = rows * layout.columns;
    if (screen > REDUCE_AHEAD_ABOVE_CELLS && ids.length > screen) this.reduceAheadFrom((first + rows) * layout.columns, data, digitSize);
    else this.stopReducingAhead();
    // Labels that are no class (odd files) have no glyph: those few are written as text.
    if (missing.length > 0) {
      ctx.fillStyle = '#333';
      ctx.font = `${fontPx}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const pos of missing) {
        const cell = pos - first * layout.columns;
        const x = Math.round((cell % layout.columns) * layout.cellWidth * ratio);
        const y = Math.round(Math.floor(cell / layout.columns) * layout.rowHeight * ratio);
        ctx.fillText(labelShort(dataset.info, labelOf(dataset, ids[pos]!)), x + digitSize / 2, y + strip / 2, Math.max(1, digitSize - 2));
      }
    }
    if (ids.length > 0) markFirstDigitPainted();
  }

  /**
   * Below the stored size each digit is reduced once, when first painted; a screen at 4 px holds
   * ~30,000 of them, too many for the frames that first show them. So once a dense screen is
   * painted, the rest of the selection is reduced ahead, from the rows below the screen on, and a
   * fling finds them ready: by a worker on the other core where the thumbnails are in shared
   * memory (a cross-origin isolated page), else in idle time.
   */
  private reduceAheadFrom(start: number, data: GridPaintData, digitSize: number): void {
    const key = `${this.contentVersion}:${digitSize}`;
    if (this.ahead?.key === key) return;
    this.stopReducingAhead();
    if (digitSize >= Math.max(data.geometry.rows, data.geometry.cols) || data.total * digitSize * digitSize > REDUCE_AHEAD_MAX_BYTES) return;
    const ids = this.content!.ids;
    const from = start % Math.max(1, ids.length);
    const kept = thumbnailsFor(data, digitSize, data.total);
    if (typeof Worker === 'function' && isShared(kept, data)) {
      const { train, test, trainCount, total, geometry } = data;
      const request = { type: 'reduce', pixels: { train, test, trainCount, total, geometry }, size: digitSize, ids, start: from, bytes: kept.bytes, made: kept.made } as const;
      const worker = reduceThumbnailsInWorker(request, (reply) => {
        if (this.ahead?.key !== key) return;
        // Done, or failed: then idle time goes on with what the worker left.
        if (reply.type === 'reduced') this.ahead = { handle: 0, key };
        else this.reduceInIdleTime(key, data, digitSize, ids, from);
      });
      this.ahead = { handle: 0, worker, key };
      return;
    }
    this.reduceInIdleTime(key, data, digitSize, ids, from);
  }

  private reduceInIdleTime(key: string, data: GridPaintData, digitSize: number, ids: Uint32Array, from: number): void {
    let next = from;
    const step = (deadline?: IdleDeadline) => {
      if (this.ahead?.key !== key) return;
      const slice = Math.min(REDUCE_AHEAD_MS, deadline ? deadline.timeRemaining() : REDUCE_AHEAD_MS);
      next = reduceAhead(data, digitSize, ids, next, performance.now() + slice);
      // Done: the key stays, so later paints of this content do not start again.
      this.ahead = { handle: next < 0 ? 0 : whenIdle(step), key };
    };
    this.ahead = { handle: whenIdle(step), key };
  }

  private stopReducingAhead(): void {
    if (this.ahead?.worker) this.ahead.worker.stop();
    else if (this.ahead && this.ahead.handle !== 0) cancelIdle(this.ahead.handle);
    this.ahead = null;
  }

  /** The position under a point of the grid's client area, or null off every digit. */
  positionAt(clientX: number, clientY: number): number | null {
    const content = this.content;
    if (!content) return null;
    const { layout, ids } = content;
    const box = this.elements.rows.getBoundingClientRect();
    const x = clientX - box.left - GRID_PADDING;
    const y = clientY - box.top - GRID_PADDING;
    if (x < 0 || y < 0) return null;
    const column = Math.floor(x / layout.cellWidth);
    const row = Math.floor(y / layout.rowHeight);
    if (column >= layout.columns || x - column * layout.cellWidth >= layout.digitSize || y - row * layout.rowHeight >= layout.labelledHeight) return null;
    const pos = row * layout.columns + column;
    return pos < ids.length ? pos : null;
  }

  /** The name of the digit at a position. */
  nameAt(pos: number): string {
    const content = this.content!;
    return describeDigit(content.dataset, content.ids[pos]!);
  }

  /** Makes `pos` the focused cell: scrolled into view, its row written, focused if `focus`. */
  moveFocus(pos: number, focus: boolean): void {
    const content = this.content;
    if (!content || content.ids.length === 0) return;
    const { layout, ids } = content;
    this.focusPos = Math.max(0, Math.min(ids.length - 1, pos));
    const { scroller } = this.elements;
    const top = GRID_PADDING + Math.floor(this.focusPos / layout.columns) * layout.rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + layout.rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + layout.rowHeight - scroller.clientHeight;
    // The scroll event comes later; the focused row is written now.
    const wasFocused = this.elements.rows.contains(document.activeElement);
    this.update(true);
    const cell = this.rows.cellAt(this.focusPos);
    if (focus || wasFocused) cell?.focus({ preventScroll: true });
  }

  /** Records a focus that arrived by itself (a click, Tab). */
  focused(cell: CellElement): void {
    if (cell.gridPos !== undefined) this.focusPos = cell.gridPos;
  }
}

/** What the painter reads of the content's dataset. */
function paintData(content: GridContent): GridPaintData {
  const { dataset } = content;
  const { count: trainCount, labels: trainLabels } = dataset.train;
  const testLabels = dataset.test.labels;
  return {
    train: dataset.train.images,
    test: dataset.test.images,
    trainCount,
    total: trainCount + dataset.test.count,
    geometry: geometryOf(dataset),
    labelOf: (id) => (id < trainCount ? trainLabels[id]! : testLabels[id - trainCount]!),
    key: content.dataKey,
  };
}

// Idle callbacks where the browser has them (not Safari): a short timer elsewhere.
const whenIdle = (run: (deadline?: IdleDeadline) => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : window.setTimeout(() => run(), 50);
const cancelIdle = (handle: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));
