import { CleanroomError } from '../core/errors';
import {
  Transfer,
  type MethodMap,
  type Port,
  type Request,
  type Response,
  type WireError,
  webLocks,
  type LifeLocks,
} from './rpc';

/** What a handler gets besides its params. */
export interface CallContext<P> {
  /** Aborted when the page cancels the call. */
  signal: AbortSignal;
  /** Reports progress to the caller (throttling is the handler's business). */
  progress: (progress: P) => void;
}

/** The implementation of every method of a map. */
export type Handlers<M extends MethodMap> = {
  [K in keyof M]: (
    params: M[K]['params'],
    ctx: CallContext<M[K]['progress']>,
  ) => Promise<M[K]['result']>;
};

/** Turns anything thrown into the wire shape, keeping our codes and user-facing messages. */
export function toWireError(error: unknown): WireError {
  if (error instanceof CleanroomError)
    return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) {
    const code = error.name === 'AbortError' ? 'aborted' : 'internal';
    return { name: error.name, message: error.message || String(error), code };
  }
  return { name: 'Error', message: String(error), code: 'internal' };
}

/**
 * Serves `handlers` on `port` until the port closes; each call can be cancelled by id. Asked to,
 * it holds a Web Lock until the worker dies, so the page learns of a death that fires no event,
 * and beats while a call runs, so the page learns of a job stuck in a loop (heartbeat.ts).
 */
export function serve<M extends MethodMap>(
  port: Port,
  handlers: Handlers<M>,
  locks: LifeLocks | undefined = webLocks(),
): void {
  const running = new Map<number, AbortController>();
  const send = (message: Response, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);
  let beatEveryMs = 0;
  let beating: ReturnType<typeof setInterval> | null = null;
  // A timer beat: it fires only while the event loop is free, so an endless loop silences it.
  const syncBeat = () => {
    if (running.size > 0 && beatEveryMs > 0 && beating === null)
      beating = setInterval(() => send({ type: 'beat' }), beatEveryMs);
    else if (running.size === 0 && beating !== null) {
      clearInterval(beating);
      beating = null;
    }
  };

  port.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as Request;
    if (request.type === 'cancel') {
      running.get(request.id)?.abort();
      return;
    }
    if (request.type === 'heartbeat') {
      beatEveryMs = request.everyMs;
      return;
    }
    if (request.type === 'hold-life-lock') {
      void locks?.request(request.name, () => {
        send({ type: 'life-lock-held', name: request.name });
        // Never settles: the lock goes when the worker does.
        return new Promise<never>(() => undefined);
      });
      return;
    }
    const handler = handlers[request.method as keyof M];
    if (!handler) {
      send({
        type: 'error',
        id: request.id,
        error: { name: 'Error', message: `Unknown method ${request.method}`, code: 'internal' },
      });
      return;
    }
    const controller = new AbortController();
    running.set(request.id, controller);
    syncBeat();
    const ctx = {
      signal: controller.signal,
      progress: (progress: unknown) => send({ type: 'progress', id: request.id, progress }),
    };
    handler(request.params as never, ctx as never)
      .then((result) => {
        if (result instanceof Transfer)
          send({ type: 'result', id: request.id, result: result.value }, result.transfer);
        else send({ type: 'result', id: request.id, result });
      })
      .catch((error: unknown) => send({ type: 'error', id: request.id, error: toWireError(error) }))
      .finally(() => {
        running.delete(request.id);
        syncBeat();
      });
  });
}
