/** Error codes every layer shares; the protocol carries them across to the UI as `{name, message, code}`. */
export type ErrorCode =
  | 'empty-file'
  | 'header-only'
  | 'binary-file'
  | 'over-limit'
  | 'unreadable-file'
  | 'aborted'
  | 'quota-exceeded'
  | 'not-found'
  | 'invalid-operation'
  | 'invalid-recipe'
  | 'worker-crashed'
  | 'worker-stuck'
  | 'internal';

/** An error meant for the user: `message` is a full sentence saying what happened and what to do. */
export class CleanroomError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CleanroomError';
    this.code = code;
  }
}

/** True when `error` is the error an AbortSignal raises, or our own 'aborted' error. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof CleanroomError) return error.code === 'aborted';
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: string }).name === 'AbortError'
  );
}
