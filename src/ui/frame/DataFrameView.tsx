import type { Dataset } from '../../data/dataset/dataset';
import { fileStemOf } from '../../data/dataset/catalog';
import { useExplorerStore } from '../../state/store/useExplorerStore';
import { useVisibleIds } from '../../state/store/selectors';
import { DataFrameSummary } from './DataFrameSummary';
import { DataFrameTable } from './DataFrameTable';
import { formatCount } from '../common/format';
import { useCsvDownload } from './useCsvDownload';

/** The notebook's data frame: info, head, every row, normalized values, CSV download. */
export function DataFrameView({ dataset }: { dataset: Dataset }) {
  const ids = useVisibleIds();
  const normalized = useExplorerStore((s) => s.normalized);
  const setNormalized = useExplorerStore((s) => s.setNormalized);
  const split = useExplorerStore((s) => s.split);
  const digits = useExplorerStore((s) => s.digits);
  const csv = useCsvDownload();
  const fileName = `${fileStemOf(dataset.info, split, digits)}${normalized ? '-normalized' : ''}.csv`;

  return (
    <div className="frame-view">
      <div className="frame-toolbar">
        <label className="control">
          <input type="checkbox" checked={normalized} onChange={(e) => setNormalized(e.target.checked)} />
          <span>Normalized (÷ 255.0)</span>
        </label>
        {csv.progress ? (
          <>
            <progress aria-label="Writing CSV" max={csv.progress.total} value={csv.progress.rows} />
            <span className="progress-text">
              Writing CSV: {formatCount(csv.progress.rows)} of {formatCount(csv.progress.total)} rows
            </span>
            <button type="button" onClick={csv.cancel}>
              Cancel CSV
            </button>
          </>
        ) : (
          <button type="button" onClick={() => csv.start(dataset, ids, normalized, fileName)} disabled={ids.length === 0}>
            Download CSV
          </button>
        )}
        {csv.error && (
          <span className="field-error" role="alert">
            {csv.error}
          </span>
        )}
      </div>
      <DataFrameSummary dataset={dataset} ids={ids} normalized={normalized} />
      <DataFrameTable dataset={dataset} ids={ids} normalized={normalized} />
    </div>
  );
}
