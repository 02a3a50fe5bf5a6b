// The grid's accessible layer: one `row` element per row on screen, with a transparent
// `gridcell` over each digit for focus, clicks and its name. The elements are a pool reused as the
// view moves and rewritten in place (no React render per scrolled row). A fling brings a screen
// of new rows every frame, more names than a frame can afford at the dense zooms: names are
// written for a few milliseconds per frame, and a row not rewritten yet is hidden (out of the
// accessibility tree), so a cell never carries another digit's name.
import { GRID_PADDING, type GridLayout } from './gridLayout';

/** A gridcell knows its position in the selection, for clicks and focus. */
export type CellElement = HTMLDivElement & { gridPos?: number };

interface Slot {
  readonly row: HTMLDivElement;
  readonly cells: CellElement[];
  /** The grid row it shows, or -1 when free. */
  rowIndex: number;
  /** The content version it was written for (a new selection, layout or data is a new version). */
  version: number;
  /** The layout its cells are placed for. */
  layout: GridLayout | null;
  /** Column whose cell is tabbable (the roving focus), or -1. */
  tabbable: number;
}

export interface RowsContent {
  readonly layout: GridLayout;
  readonly length: number;
  /** The accessible name of the digit at a position. */
  readonly nameAt: (pos: number) => string;
}

export class AccessibleRows {
  private readonly slots: Slot[] = [];
  private version = 0;
  private content: RowsContent | null = null;
  private readonly container: HTMLElement;

  constructor(container: HTMLElement) {
    this.container = container;
  }

  /** New content: every row is written again (lazily, as it is shown). */
  setContent(content: RowsContent): void {
    const { layout } = content;
    if (this.content?.layout !== layout) {
      const style = this.container.style;
      style.setProperty('--digit-size', `${layout.digitSize}px`);
      style.setProperty('--cell-height', `${layout.labelledHeight}px`);
      style.setProperty('--cell-gap', `${layout.cellWidth - layout.digitSize}px`);
    }
    this.content = content;
    this.version++;
  }

  /**
   * Shows rows `first`…`last` (and `pinned`, the focused row, wherever it is), in order, writing
   * names until `deadline` (performance.now()) or `cellBudget` cells (what the browser does after
   * the script, style, layout and paint of new boxes, grows with them); returns whether every row
   * is written.
   */
  show(first: number, last: number, pinned: number, focusPos: number, deadline: number, cellBudget = Infinity): boolean {
    const content = this.content;
    if (!content) return true;
    const wanted = (r: number) => (r >= first && r <= last) || r === pinned;
    for (const slot of this.slots) if (slot.rowIndex >= 0 && !wanted(slot.rowIndex)) this.release(slot);
    const rows = [];
    if (pinned >= 0 && pinned < first) rows.push(pinned);
    for (let r = first; r <= last; r++) rows.push(r);
    if (pinned > last) rows.push(pinned);
    let done = true;
    let previous: HTMLElement | null = null;
    for (const r of rows) {
      let slot = this.slots.find((s) => s.rowIndex === r && s.version === this.version);
      if (!slot) {
        const stale = this.slots.find((s) => s.rowIndex === r);
        // Writing the focused row cannot wait: focus must land on a named cell.
        if (r !== pinned && (performance.now() > deadline || cellBudget <= 0)) {
          if (stale) this.release(stale);
          done = false;
          continue;
        }
        slot = stale ?? this.freeSlot();
        this.write(slot, r, content);
        cellBudget -= content.layout.columns;
      }
      this.setTabbable(slot, focusPos);
      // Document order is the order shown: a row moves to its place while hidden (cheap: it has
      // no boxes then), and is shown once there.
      if (shownBefore(slot.row) !== previous) {
        slot.row.hidden = true;
        this.container.insertBefore(slot.row, previous ? previous.nextElementSibling : this.container.firstElementChild);
      }
      slot.row.hidden = false;
      previous = slot.row;
    }
    return done;
  }

  /** Takes its rows out of the document (a new pool may take the container: StrictMode mounts twice). */
  dispose(): void {
    for (const slot of this.slots) slot.row.remove();
    this.slots.length = 0;
    this.content = null;
  }

  /** The cell showing `pos`, if its row is written. */
  cellAt(pos: number): CellElement | null {
    const content = this.content;
    if (!content) return null;
    const columns = content.layout.columns;
    const slot = this.slots.find((s) => s.rowIndex === Math.floor(pos / columns) && s.version === this.version);
    const cell = slot?.cells[pos % columns];
    return cell && !cell.hidden ? cell : null;
  }

  private freeSlot(): Slot {
    const free = this.slots.find((s) => s.rowIndex < 0);
    if (free) return free;
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.className = 'digit-grid-row';
    row.hidden = true;
    this.container.append(row);
    const slot: Slot = { row, cells: [], rowIndex: -1, version: -1, layout: null, tabbable: -1 };
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot): void {
    slot.rowIndex = -1;
    slot.row.hidden = true;
    slot.row.removeAttribute('aria-rowindex');
  }

  /** Writes the row's names, place and size (it stays hidden until put in its place by `show`). */
  private write(slot: Slot, rowIndex: number, content: RowsContent): void {
    const { layout, length, nameAt } = content;
    const { row, cells } = slot;
    row.hidden = true;
    if (slot.layout !== layout) {
      row.style.height = `${layout.rowHeight}px`;
      // Its size is its own (contain: size): a row's cells never make the browser lay out others.
      row.style.width = `${layout.columns * layout.cellWidth}px`;
      row.style.left = `${GRID_PADDING}px`;
      // Cells are plain flex items sized by the container's custom properties (setContent): no
      // style of their own and no positioning, so the browser shares their computed style and
      // gives none of them a paint layer of its own (tens of thousands on a screen at 4 px).
      for (let c = cells.length; c < layout.columns; c++) {
        const cell: CellElement = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        cell.setAttribute('aria-colindex', String(c + 1));
        cell.className = 'digit-cell';
        cell.tabIndex = -1;
        cells.push(cell);
        row.append(cell);
      }
      for (let c = layout.columns; c < cells.length; c++) cells[c]!.hidden = true;
      slot.layout = layout;
    }
    const start = rowIndex * layout.columns;
    for (let c = 0; c < layout.columns; c++) {
      const cell = cells[c]!;
      const pos = start + c;
      if (pos >= length) {
        cell.hidden = true;
        cell.gridPos = undefined;
        continue;
      }
      cell.hidden = false;
      cell.gridPos = pos;
      cell.setAttribute('aria-label', nameAt(pos));
    }
    row.setAttribute('aria-rowindex', String(rowIndex + 1));
    row.style.transform = `translateY(${GRID_PADDING + rowIndex * layout.rowHeight}px)`;
    slot.rowIndex = rowIndex;
    slot.version = this.version;
    const tabbable = cells[slot.tabbable];
    if (tabbable) tabbable.tabIndex = -1;
    slot.tabbable = -1;
  }

  private setTabbable(slot: Slot, focusPos: number): void {
    const columns = slot.layout?.columns ?? 1;
    const column = Math.floor(focusPos / columns) === slot.rowIndex ? focusPos % columns : -1;
    if (column === slot.tabbable) return;
    const before = slot.cells[slot.tabbable];
    if (before) before.tabIndex = -1;
    const now = slot.cells[column];
    if (now) now.tabIndex = 0;
    slot.tabbable = column;
  }
}

/** The nearest shown row before `row` in the document. */
function shownBefore(row: HTMLElement): Element | null {
  let before = row.previousElementSibling;
  while (before && (before as HTMLElement).hidden) before = before.previousElementSibling;
  return before;
}
