import { CleanroomError, type ErrorCode } from '../core/errors';
import {
  DEFAULT_HEARTBEAT,
  realTimers,
  watchHeartbeat,
  type HeartbeatOptions,
  type HeartbeatWatch,
  type WatchTimers,
} from './heartbeat';
import {
  webLocks,
  type LifeLocks,
  type MethodMap,
  type Port,
  type Request,
  type Response,
} from './rpc';

/** Options of one call. */
export interface CallOptions<P> {
  signal?: AbortSignal;
  onProgress?: (progress: P) => void;
  transfer?: Transferable[];
}

/** The typed face of a worker (or of an in-process server, for tests). */
export interface Client<M extends MethodMap> {
  call<K extends keyof M & string>(
    method: K,
    params: M[K]['params'],
    options?: CallOptions<M[K]['progress']>,
  ): Promise<M[K]['result']>;
  /** Stops the worker; pending calls fail. */
  close(): void;
}

/** A port we can also kill: a Worker, or a test double. */
export interface Endpoint extends Port {
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: unknown) => void;
}

/** Rebuilds an error that crossed the boundary, keeping its code. */
function fromWire(error: { name: string; message: string; code: string }): CleanroomError {
  const rebuilt = new CleanroomError(error.code as ErrorCode, error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/**
 * A client over workers made by `spawn`. Cancelling sends a cancel message; if the call has not
 * settled within `graceMs`, the worker is terminated (other pending calls fail with a clear
 * message) and the next call starts a fresh one. A worker that dies is replaced the same way:
 * noticed by its error event or, for a death that fires none (killed, out of memory, closed),
 * by the Web Lock it holds for its life being released. A worker alive but stuck (an endless
 * loop in a job) is noticed by its missing heartbeat while a call is pending, stopped, and
 * replaced the same way.
 */
export function createClient<M extends MethodMap>(
  spawn: () => Endpoint,
  graceMs = 3000,
  locks: LifeLocks | undefined = webLocks(),
  heartbeat: HeartbeatOptions = DEFAULT_HEARTBEAT,
  timers: WatchTimers = realTimers,
): Client<M> {
  let endpoint: Endpoint | null = null;
  let watch: HeartbeatWatch | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: CleanroomError) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  const kill = (reason: CleanroomError) => {
    watch?.idle();
    watch = null;
    endpoint?.terminate();
    endpoint = null;
    failAll(reason);
  };
  const settled = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) watch?.idle();
  };
  const died = (detail: string) =>
    new CleanroomError(
      'worker-crashed',
      `The background worker stopped unexpectedly${detail}. Your stored data is intact; please try again.`,
    );
  const stuck = (silentMs: number) =>
    new CleanroomError(
      'worker-stuck',
      `The background worker stopped responding (no sign of life for ${Math.round(silentMs / 1000)} s during a long task), so it was stopped. Your stored data is intact; please try again.`,
    );
  const connect = (): Endpoint => {
    if (endpoint) return endpoint;
    const created = spawn();
    const createdWatch = watchHeartbeat(heartbeat, timers, (silentMs) => {
      if (endpoint === created) kill(stuck(silentMs));
    });
    created.addEventListener('message', (event: MessageEvent) => {
      if (endpoint === created) createdWatch.heard();
      const message = event.data as Response;
      if (message.type === 'beat') return;
      if (message.type === 'life-lock-held') {
        // Granted to us only once the worker has let go of it: when it is gone.
        void locks?.request(message.name, () => {
          if (endpoint === created) kill(died(''));
        });
        return;
      }
      const call = pending.get(message.id);
      if (!call) return;
      if (message.type === 'progress') return call.onProgress?.(message.progress);
      settled(message.id);
      if (message.type === 'result') call.resolve(message.result);
      else call.reject(fromWire(message.error));
    });
    created.addEventListener('error', (event: Event) => {
      if (endpoint !== created) return;
      const detail = (event as ErrorEvent).message ? ` (${(event as ErrorEvent).message})` : '';
      kill(died(detail));
    });
    endpoint = created;
    watch = createdWatch;
    created.postMessage({ type: 'heartbeat', everyMs: heartbeat.intervalMs } satisfies Request);
    if (locks) {
      const name = `cleanroom:worker-life:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
      created.postMessage({ type: 'hold-life-lock', name } satisfies Request);
    }
    return created;
  };

  return {
    call(method, params, options = {}) {
      const { signal, onProgress, transfer = [] } = options;
      if (signal?.aborted) return Promise.reject(new CleanroomError('aborted', 'Cancelled.'));
      const id = nextId++;
      const target = connect();
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          onProgress: onProgress as (p: unknown) => void,
        });
        const request: Request = { type: 'call', id, method, params };
        watch?.busy();
        target.postMessage(request, transfer);
        signal?.addEventListener('abort', () => {
          if (!pending.has(id)) return;
          target.postMessage({ type: 'cancel', id } satisfies Request);
          setTimeout(() => {
            if (!pending.has(id) || endpoint !== target) return;
            pending.get(id)?.reject(new CleanroomError('aborted', 'Cancelled.'));
            settled(id);
            kill(
              new CleanroomError(
                'aborted',
                'Interrupted: a cancelled task had to be stopped. Please try again.',
              ),
            );
          }, graceMs);
        });
      });
    },
    close() {
      kill(new CleanroomError('aborted', 'The worker was closed.'));
    },
  };
}
