import { CodedError } from '../codedError';

/**
 * Why a file could not be turned into MNIST data. Every failure of the gzip and IDX decoders
 * is one of these, so callers (and the fuzz test) can tell a refusal from a bug.
 */
export type DecodeErrorCode =
  | 'not-gzip-or-idx'
  | 'gzip-corrupt'
  | 'gzip-truncated'
  | 'gzip-trailing-data'
  | 'idx-bad-magic'
  | 'idx-unsupported-type'
  | 'idx-bad-dimensions'
  | 'idx-too-large'
  | 'idx-truncated'
  | 'idx-too-long'
  | 'dataset-mismatch';

export class DecodeError extends CodedError<DecodeErrorCode> {
  constructor(code: DecodeErrorCode, message: string) {
    super('DecodeError', code, message);
  }
}
