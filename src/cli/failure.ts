/** How a failed CLI command is reported: one line on stderr and an exit code. */
import { CleanroomError } from '../core/errors';
import { UsageError } from './args';

/**
 * The message and exit code (2 for usage, 1 otherwise) for `error`: one line, except the help
 * text a usage error may carry.
 */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: 2 };
  const message =
    error instanceof CleanroomError
      ? error.message
      : `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
  return { message: message.replace(/\s*\n\s*/g, ' '), exitCode: 1 };
}
