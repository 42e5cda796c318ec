/**
 * Recognising a full disk behind Dexie's wrappers. Depending on where IndexedDB fails, the
 * QuotaExceededError comes bare, as Dexie.QuotaExceededError, as the `inner` of an AbortError,
 * or among a BulkError's `failures`; so the whole error tree is searched.
 */
import { CleanroomError } from '../core/errors';

/** The message users see when the browser's storage for the site is full. */
export const QUOTA_MESSAGE =
  "The browser's storage for this site is full. Nothing of this import was kept; delete datasets you no longer need or free disk space, then try again.";

/** True when `error`, or any error it wraps, is a QuotaExceededError. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (e.name === 'QuotaExceededError' || e.code === 'quota-exceeded') return true;
  // Legacy DOMException code 22 (QUOTA_EXCEEDED_ERR), still set by some engines.
  if (e.code === 22 && e.name !== 'AbortError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : Object.values(e.failures ?? {});
  return failures.some((failure) => isQuotaError(failure, depth + 1));
}

/** The user-facing error for a full disk during an import. */
export function quotaExceededError(): CleanroomError {
  return new CleanroomError('quota-exceeded', QUOTA_MESSAGE);
}

/**
 * The user-facing error for a full disk on any write outside an import: says that storage is
 * full, what was not saved, and what to do.
 */
export function storageFullError(what: string): CleanroomError {
  return new CleanroomError(
    'quota-exceeded',
    `Storage is full: ${what} could not be saved. Delete datasets or runs you no longer need, or free disk space, then try again.`,
  );
}

/** Runs `write`; a quota failure anywhere in it becomes storageFullError(what). */
export async function savingOrFull<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? storageFullError(what) : error;
  }
}
