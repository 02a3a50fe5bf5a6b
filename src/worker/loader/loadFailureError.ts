// The loader's failures, thrown between its steps and turned into the 'error' reply at the top.
import { failureOf, NO_FILE, type FailedFile, type LoadFailure, type LoadFailureCause } from '../../data/sources/loadFailure';

/** A failure with a code: thrown where it is found, named on its file by whoever knows the file. */
export class LoadFailureError extends Error {
  readonly failure: LoadFailure;
  constructor(cause: LoadFailureCause, file: FailedFile = NO_FILE) {
    super(`load failed: ${cause.code}`);
    this.name = 'LoadFailureError';
    this.failure = failureOf(cause, file);
  }

  /** The same cause, on `file` when it named none (an archive's entry stream knows no slot). */
  onFile(file: FailedFile): LoadFailureError {
    return this.failure.slot === null && this.failure.name === null ? new LoadFailureError(this.failure, file) : this;
  }
}
