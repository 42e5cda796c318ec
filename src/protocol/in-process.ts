import { CleanroomError } from '../core/errors';
import type { CallOptions, Client } from './client';
import { Transfer, type MethodMap } from './rpc';
import type { Handlers } from './server';

/**
 * The same API without a worker: calls handlers directly. Used by the CLI and by contract tests,
 * which run every suite against this and against the message-passing client.
 */
export function createInProcessClient<M extends MethodMap>(handlers: Handlers<M>): Client<M> {
  return {
    async call<K extends keyof M & string>(
      method: K,
      params: M[K]['params'],
      options: CallOptions<M[K]['progress']> = {},
    ) {
      const { signal, onProgress } = options;
      if (signal?.aborted) throw new CleanroomError('aborted', 'Cancelled.');
      const controller = new AbortController();
      signal?.addEventListener('abort', () => controller.abort());
      const result = await handlers[method](params, {
        signal: controller.signal,
        progress: (progress) => onProgress?.(progress),
      });
      return result instanceof Transfer ? (result.value as M[K]['result']) : result;
    },
    close() {},
  };
}
