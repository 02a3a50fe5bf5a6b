import { locateDigit, type Dataset } from '../../data/dataset/dataset';
import { frameCell, frameColumns, frameInfo, indexEntry } from '../../data/export/dataFrame';
import { formatCount } from '../common/format';

const HEAD_ROWS = 5;
/** pandas shows the first and last columns of a wide frame with … between; so do we. */
const EDGE_COLUMNS = 5;
function headColumns(dataset: Dataset) {
  const FRAME_COLUMNS = frameColumns(dataset);
  if (FRAME_COLUMNS.length <= 2 * EDGE_COLUMNS + 1) return FRAME_COLUMNS.map((name, index) => ({ name, index }));
  return [
    ...FRAME_COLUMNS.slice(0, EDGE_COLUMNS + 1).map((name, i) => ({ name, index: i })),
    null,
    ...FRAME_COLUMNS.slice(-EDGE_COLUMNS).map((name, i) => ({ name, index: FRAME_COLUMNS.length - EDGE_COLUMNS + i })),
  ];
}

/**
 * `df.info()` and `df.head()` for the current selection. Rows are numbered as in the full table
 * below: by their (split, index) MultiIndex, where each digit comes from.
 */
export function DataFrameSummary({ dataset, ids, normalized }: { dataset: Dataset; ids: Uint32Array; normalized: boolean }) {
  const info = frameInfo(dataset, ids.length, normalized);
  const HEAD_COLUMNS = headColumns(dataset);
  const lastColumn = frameColumns(dataset).at(-1);
  const head = Array.from(ids.subarray(0, HEAD_ROWS));
  const first = ids.length > 0 ? indexEntry(dataset, ids[0]!) : null;
  const last = ids.length > 0 ? indexEntry(dataset, ids[ids.length - 1]!) : null;
  return (
    <div className="frame-summary">
      <section aria-label="Data frame info" className="frame-info">
        <pre>
          {[
            `${formatCount(info.entries)} entries × ${info.columns} columns`,
            // The rest as pandas prints it.
            `MultiIndex: ${info.entries} entries${first ? `, ${first} to ${last}` : ''}`,
            `Columns: ${info.columns} entries, label to ${lastColumn}`,
            `dtypes: ${info.dtypes}`,
            `memory usage: ${info.memoryBytes} bytes`,
          ].join('\n')}
        </pre>
      </section>
      <div className="frame-head-scroll">
        <table className="frame-head" aria-label="First 5 rows">
          <thead>
            <tr>
              <th scope="col">split</th>
              <th scope="col">index</th>
              {HEAD_COLUMNS.map((c, i) => (
                <th scope="col" key={c?.name ?? `gap-${i}`}>
                  {c?.name ?? '…'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {head.map((id) => {
              const { split, index } = locateDigit(dataset, id);
              return (
                <tr key={id}>
                  <th scope="row">{split}</th>
                  <th scope="row">{index}</th>
                  {HEAD_COLUMNS.map((c, i) => (
                    <td key={c?.name ?? `gap-${i}`}>{c ? frameCell(dataset, id, c.index, normalized) : '…'}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
