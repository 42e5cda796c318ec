import type { Endpoint } from '../../../src/protocol/client';
import { serve, type Handlers } from '../../../src/protocol/server';
import type { MethodMap, Port } from '../../../src/protocol/rpc';

/** Counts of worker stand-ins started and stopped. */
export interface SpawnLog {
  spawned: number;
  terminated: number;
}

/** An endpoint that can also simulate the worker dying. */
export type TestEndpoint = Endpoint & { crash: () => void };

/**
 * A worker stand-in: `handlers` served over a MessageChannel, so every call goes through
 * structured clone exactly as it does with a real worker.
 */
export function channelEndpoint<M extends MethodMap>(
  handlers: Handlers<M>,
  log: SpawnLog,
): TestEndpoint {
  const { port1, port2 } = new MessageChannel();
  serve(port2 as unknown as Port, handlers);
  port1.start();
  port2.start();
  log.spawned++;
  const errorListeners: Array<(e: Event) => void> = [];
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      port1.postMessage(message, transfer ?? []),
    addEventListener: ((type: string, listener: (event: never) => void) => {
      if (type === 'message') port1.addEventListener('message', listener as never);
      else errorListeners.push(listener as never);
    }) as Endpoint['addEventListener'],
    removeEventListener: (_type: 'message', listener: (event: MessageEvent) => void) =>
      port1.removeEventListener('message', listener as never),
    terminate: () => {
      log.terminated++;
      port1.close();
      port2.close();
    },
    crash: () =>
      errorListeners.forEach((l) => l(Object.assign(new Event('error'), { message: 'boom' }))),
  };
}
