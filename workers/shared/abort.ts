/** Cancellation for worker handlers: a request's AbortSignal ends its work with 'aborted'. */
import { CleanroomError } from '../../src/core/errors';

/** Throws 'aborted' when `signal` has aborted (call between steps of synchronous work). */
export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new CleanroomError('aborted', 'Cancelled.');
}

/** Rejects with 'aborted' as soon as `signal` aborts, whether or not `work` settles. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CleanroomError('aborted', 'Cancelled.'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CleanroomError('aborted', 'Cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
