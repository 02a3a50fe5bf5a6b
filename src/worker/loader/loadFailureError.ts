// The loader's failures, thrown between its steps and turned into the 'error' reply at the top.
import { CodedError } from '../../data/codedError';
import { failureOf, NO_FILE, type FailedFile, type LoadFailure, type LoadFailureCause, type LoadFailureCode } from '../../data/sources/loadFailure';

/**
 * A failure with a code: thrown where it is found, named on its file by whoever knows the file.
 * Its message is only the code: the words are the page's (data/sources/loadFailureWords.ts).
 */
export class LoadFailureError extends CodedError<LoadFailureCode> {
  readonly failure: LoadFailure;
  constructor(cause: LoadFailureCause, file: FailedFile = NO_FILE) {
    super('LoadFailureError', cause.code, `load failed: ${cause.code}`);
    this.failure = failureOf(cause, file);
  }

  /** The same cause, on `file` when it named none (an archive's entry stream knows no slot). */
  onFile(file: FailedFile): LoadFailureError {
    return this.failure.slot === null && this.failure.name === null ? new LoadFailureError(this.failure, file) : this;
  }
}
