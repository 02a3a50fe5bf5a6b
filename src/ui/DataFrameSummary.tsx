import type { Dataset } from '../data/dataset';
import { FRAME_COLUMNS, frameCell, frameInfo } from '../data/dataFrame';

const HEAD_ROWS = 5;
/** pandas shows the first and last columns of a wide frame with … between; so do we. */
const EDGE_COLUMNS = 5;
const HEAD_COLUMNS = [
  ...FRAME_COLUMNS.slice(0, EDGE_COLUMNS + 1).map((name, i) => ({ name, index: i })),
  null,
  ...FRAME_COLUMNS.slice(-EDGE_COLUMNS).map((name, i) => ({ name, index: FRAME_COLUMNS.length - EDGE_COLUMNS + i })),
];

/** `df.info()` and `display(df.limit(5))` for the current selection. */
export function DataFrameSummary({ dataset, ids, normalized }: { dataset: Dataset; ids: Uint32Array; normalized: boolean }) {
  const info = frameInfo(ids.length, normalized);
  const head = Array.from(ids.subarray(0, HEAD_ROWS));
  return (
    <div className="frame-summary">
      <section aria-label="Data frame info" className="frame-info">
        <pre>
          {[
            `${info.entries} entries × ${info.columns} columns`,
            `RangeIndex: ${info.entries} entries, 0 to ${Math.max(0, info.entries - 1)}`,
            `Columns: label, pixel0 … pixel783`,
            `dtypes: ${info.dtypes}`,
            `memory usage: ${info.memoryBytes} bytes`,
          ].join('\n')}
        </pre>
      </section>
      <table className="frame-head" aria-label="First 5 rows">
        <thead>
          <tr>
            <th scope="col" />
            {HEAD_COLUMNS.map((c, i) => (
              <th scope="col" key={c?.name ?? `gap-${i}`}>
                {c?.name ?? '…'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {head.map((id, row) => (
            <tr key={id}>
              <th scope="row">{row}</th>
              {HEAD_COLUMNS.map((c, i) => (
                <td key={c?.name ?? `gap-${i}`}>{c ? frameCell(dataset, id, c.index, normalized) : '…'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
