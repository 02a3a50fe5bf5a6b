import { formatCell, type TableData } from './tableData';

export function FigureTable({ caption, table }: { caption: string; table: TableData }) {
  return (
    <div className="stats-table-box">
      <table className="stats-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {formatCell(cell)}
                  </th>
                ) : (
                  <td key={c}>{formatCell(cell)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
