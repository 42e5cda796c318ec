import { describe, expect, it } from 'vitest';
import { createClient, type Endpoint } from '../../../src/protocol/client';
import type { LifeLocks, Port } from '../../../src/protocol/rpc';
import { serve, type Handlers } from '../../../src/protocol/server';

/** Exclusive Web Locks shared by a page and its workers; an agent can die, dropping its locks. */
function lockManager() {
  const held = new Map<string, symbol>();
  const queue = new Map<string, Array<{ owner: symbol; callback: () => unknown }>>();
  const grant = (name: string, owner: symbol, callback: () => unknown) => {
    held.set(name, owner);
    void Promise.resolve(callback()).then(() => release(name, owner));
  };
  const release = (name: string, owner: symbol) => {
    if (held.get(name) !== owner) return;
    held.delete(name);
    const next = queue.get(name)?.shift();
    if (next) grant(name, next.owner, next.callback);
  };
  const agent = (): LifeLocks & { die: () => void } => {
    const owner = Symbol('agent');
    return {
      request: async (name, callback) => {
        if (held.has(name)) queue.set(name, [...(queue.get(name) ?? []), { owner, callback }]);
        else grant(name, owner, callback);
      },
      die: () => {
        for (const [name, o] of [...held]) if (o === owner) release(name, owner);
      },
    };
  };
  return { agent };
}

type Methods = { work: { params: Record<string, never>; result: string; progress: number } };

/** A worker stand-in over a MessageChannel whose `die()` fires no event, as a killed worker. */
function dyingWorker(locks: ReturnType<ReturnType<typeof lockManager>['agent']>) {
  const { port1, port2 } = new MessageChannel();
  const handlers: Handlers<Methods> = {
    work: (_params, { progress }) => {
      progress(45);
      return new Promise<string>(() => undefined);
    },
  };
  serve(port2 as unknown as Port, handlers, locks);
  port1.start();
  port2.start();
  const endpoint: Endpoint = {
    postMessage: (message: unknown) => port1.postMessage(message),
    addEventListener: ((type: string, listener: (event: never) => void) => {
      if (type === 'message') port1.addEventListener('message', listener as never);
    }) as Endpoint['addEventListener'],
    removeEventListener: () => undefined,
    terminate: () => port1.close(),
  };
  return {
    endpoint,
    die: () => {
      port2.close();
      locks.die();
    },
  };
}

describe('a worker that dies without an error event', () => {
  it('fails the pending call as worker-crashed, and the next call gets a fresh worker', async () => {
    const manager = lockManager();
    const page = manager.agent();
    const workers: ReturnType<typeof dyingWorker>[] = [];
    const client = createClient<Methods>(
      () => {
        const worker = dyingWorker(manager.agent());
        workers.push(worker);
        return worker.endpoint;
      },
      3000,
      page,
    );
    const seen: number[] = [];
    const call = client.call('work', {}, { onProgress: (p) => seen.push(p) });
    await expect.poll(() => seen).toEqual([45]);
    workers[0].die();
    await expect(call).rejects.toMatchObject({ code: 'worker-crashed' });
    const retry = client.call('work', {}).catch((e: unknown) => e);
    expect(workers).toHaveLength(2);
    client.close();
    await expect(retry).resolves.toMatchObject({ code: 'aborted' });
  });

  it('leaves a live worker alone, and ignores the lock of a worker it closed itself', async () => {
    const manager = lockManager();
    const workers: ReturnType<typeof dyingWorker>[] = [];
    const client = createClient<Methods>(
      () => {
        const worker = dyingWorker(manager.agent());
        workers.push(worker);
        return worker.endpoint;
      },
      3000,
      manager.agent(),
    );
    let settled = false;
    const call = client.call('work', {}).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    client.close();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    workers[0].die();
    await new Promise((r) => setTimeout(r, 10));
  });
});
