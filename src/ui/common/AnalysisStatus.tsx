// How any background analysis is under way, or why it has no result: a progress bar (or a line
// while it has no progress to report) with Cancel, a failure with its code and Retry, a cancel
// with a way to ask again. Nothing once it is ready: the view shows the result.
import type { AnalysisProgress, AnalysisState } from '../../state/store/analysisState';

export interface AnalysisWords {
  /** The progress bar's accessible name ("Finding suspect labels"). */
  readonly progressName: string;
  /** Said while there is no progress to report yet ("Computing the map…"). */
  readonly computing: string;
  /** Beside the bar: how far it is ("Suspect labels, test split: 1,000 of 10,000"). */
  readonly progressText?: (progress: AnalysisProgress) => string;
  /** What could not be done, before the code and the reason ("The map could not be computed"). */
  readonly failed: string;
  /** Said after a cancel ("Suspect labels are not computed"). */
  readonly cancelled: string;
  /** The button that asks again ("Retry"). */
  readonly retry?: string;
}

interface Props<T> extends AnalysisWords {
  readonly state: AnalysisState<T>;
  readonly onRetry: () => void;
  /** Absent: the analysis cannot be cancelled (it is short). */
  readonly onCancel?: () => void;
}

export function AnalysisStatus<T>({ state, onRetry, onCancel, ...words }: Props<T>) {
  const retry = (
    <button type="button" onClick={onRetry}>
      {words.retry ?? 'Retry'}
    </button>
  );
  switch (state.status) {
    case 'none':
    case 'ready':
      return null;
    case 'computing': {
      const { progress } = state;
      const percent = progress ? Math.floor((100 * progress.done) / Math.max(1, progress.total)) : 0;
      return (
        <div className="analysis-status">
          {progress ? (
            <>
              <progress aria-label={words.progressName} max={progress.total} value={progress.done} aria-valuetext={`${percent} %`} />
              <span>{words.progressText?.(progress) ?? `${percent} %`}</span>
            </>
          ) : (
            <>
              {/* Under way, nothing to count yet (a kept copy read, the components computed): a bar without a value. */}
              <progress aria-label={words.progressName} aria-valuetext="starting" />
              <p aria-live="polite">{words.computing}</p>
            </>
          )}
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      );
    }
    case 'failed':
      if (state.code === 'cancelled')
        return (
          <div className="analysis-status">
            <span>{words.cancelled}</span> {retry}
          </div>
        );
      return (
        <div role="alert" className="error-banner analysis-status">
          <p>
            {words.failed} ({state.code}): {state.message}
          </p>
          {retry}
        </div>
      );
  }
}
