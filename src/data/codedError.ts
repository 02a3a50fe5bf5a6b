/**
 * An error that crosses a boundary (a decoder, a worker) as a code for code to act on, with a
 * sentence beside it for people. Tests assert the code, never the sentence.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;

  constructor(name: string, code: Code, message: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}
