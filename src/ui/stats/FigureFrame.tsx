import { useId, useState, type ReactNode } from 'react';
import { downloadBlob } from '../../render/downloadBlob';
import { canvasToPng } from '../../render/samplePng';
import { PAPER_THEME } from '../../render/statsCharts';
import { FigureCanvas, type FigureDrawing } from './FigureCanvas';
import { FigureTable } from './FigureTable';
import { csvOf, type TableData } from './tableData';

/** Save PNG draws the figure this wide (CSS pixels) at twice the resolution. */
const PNG_WIDTH = 960;
const PNG_SCALE = 2;
const PNG_TITLE_HEIGHT = 32;

interface FigureFrameProps {
  readonly title: string;
  /** File names of the PNG and CSV, without the extension. */
  readonly fileName: string;
  readonly drawing: FigureDrawing;
  readonly table: TableData;
  /** What Copy CSV copies, when more than the table (e.g. every pixel of the images). */
  readonly csv?: () => string;
  readonly csvRows?: number;
  readonly controls?: ReactNode;
  readonly children?: ReactNode;
  /** Drawn before the view's first paint (the top figure); the others follow in later tasks. */
  readonly first?: boolean;
}

/**
 * One figure of the statistics view with its numbers one click away: the table (shown on
 * demand), Copy CSV (saved as a file where the browser refuses the clipboard) and Save PNG.
 */
export function FigureFrame({ title, fileName, drawing, table, csv, csvRows, controls, children, first = false }: FigureFrameProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const [said, setSaid] = useState('');

  const copyCsv = async () => {
    const text = csv ? csv() : csvOf(table);
    const rows = csvRows ?? table.rows.length;
    try {
      await navigator.clipboard.writeText(text);
      setSaid(`Copied ${rows} rows as CSV.`);
    } catch (error) {
      downloadBlob(new Blob([text], { type: 'text/csv' }), `${fileName}.csv`);
      setSaid(`The browser did not allow copying (${error instanceof Error ? error.message : String(error)}); saved ${fileName}.csv instead.`);
    }
  };

  const savePng = async () => {
    const canvas = document.createElement('canvas');
    const height = drawing.height(PNG_WIDTH) + PNG_TITLE_HEIGHT;
    canvas.width = PNG_WIDTH * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      setSaid('The browser could not make a canvas for the PNG.');
      return;
    }
    ctx.scale(PNG_SCALE, PNG_SCALE);
    ctx.fillStyle = PAPER_THEME.background;
    ctx.fillRect(0, 0, PNG_WIDTH, height);
    ctx.fillStyle = PAPER_THEME.text;
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(title, 12, PNG_TITLE_HEIGHT / 2);
    ctx.translate(0, PNG_TITLE_HEIGHT);
    drawing.draw(ctx, PNG_WIDTH, height - PNG_TITLE_HEIGHT, PAPER_THEME);
    try {
      downloadBlob(await canvasToPng(canvas), `${fileName}.png`);
      setSaid(`Saved ${fileName}.png.`);
    } catch (error) {
      setSaid(`Could not save the PNG: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };

  return (
    <section className="stats-figure" aria-labelledby={id}>
      <div className="stats-figure-head">
        <h2 id={id}>{title}</h2>
        <div className="stats-figure-actions">
          {controls}
          <button type="button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
            {showTable ? 'Hide table' : 'Show table'}
          </button>
          <button type="button" onClick={() => void copyCsv()}>
            Copy CSV
          </button>
          <button type="button" onClick={() => void savePng()}>
            Save PNG
          </button>
        </div>
      </div>
      {children}
      <FigureCanvas drawing={drawing} now={first} />
      {showTable && <FigureTable caption={title} table={table} />}
      <p className="hint" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
