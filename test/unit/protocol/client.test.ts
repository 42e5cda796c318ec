import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { createClient, type Endpoint } from '../../../src/protocol/client';
import { serve, type Handlers } from '../../../src/protocol/server';

type TestMethods = {
  echo: { params: { text: string }; result: string; progress: never };
  count: { params: { to: number }; result: number; progress: number };
  fail: { params: Record<string, never>; result: never; progress: never };
  hang: { params: { obeyCancel: boolean }; result: string; progress: never };
};

const handlers: Handlers<TestMethods> = {
  echo: async ({ text }) => text,
  count: async ({ to }, { progress }) => {
    for (let i = 1; i <= to; i++) progress(i);
    return to;
  },
  fail: async () => {
    throw new CleanroomError('empty-file', 'The file is empty.');
  },
  hang: ({ obeyCancel }, { signal }) =>
    new Promise((resolve, reject) => {
      if (obeyCancel)
        signal.addEventListener('abort', () => reject(new CleanroomError('aborted', 'stopped')));
      void resolve;
    }),
};

/** A worker stand-in over a MessageChannel: structured clone like a real worker. */
function channelEndpoint(log: { spawned: number; terminated: number }): Endpoint {
  const { port1, port2 } = new MessageChannel();
  serve(port2 as unknown as Parameters<typeof serve>[0], handlers);
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
    // Lets a test simulate the worker dying.
    ...{
      crash: () =>
        errorListeners.forEach((l) => l(Object.assign(new Event('error'), { message: 'boom' }))),
    },
  };
}

describe('message-passing client', () => {
  it('returns results, reports progress and rebuilds errors with their code', async () => {
    const log = { spawned: 0, terminated: 0 };
    const client = createClient<TestMethods>(() => channelEndpoint(log));
    expect(await client.call('echo', { text: '<b>hi</b>' })).toBe('<b>hi</b>');
    const seen: number[] = [];
    expect(await client.call('count', { to: 3 }, { onProgress: (p) => seen.push(p) })).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    const error = await client.call('fail', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CleanroomError);
    expect((error as CleanroomError).code).toBe('empty-file');
    expect((error as CleanroomError).message).toBe('The file is empty.');
    expect(log.spawned).toBe(1);
    client.close();
  });

  it('cancels a cooperative call without killing the worker', async () => {
    const log = { spawned: 0, terminated: 0 };
    const client = createClient<TestMethods>(() => channelEndpoint(log), 200);
    const controller = new AbortController();
    const call = client.call('hang', { obeyCancel: true }, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    expect(log.terminated).toBe(0);
    expect(await client.call('echo', { text: 'still here' })).toBe('still here');
    client.close();
  });

  it('terminates a worker that ignores a cancel after the grace period, then starts a new one', async () => {
    const log = { spawned: 0, terminated: 0 };
    const client = createClient<TestMethods>(() => channelEndpoint(log), 50);
    const controller = new AbortController();
    const stuck = client.call('hang', { obeyCancel: false }, { signal: controller.signal });
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ code: 'aborted' });
    expect(log.terminated).toBe(1);
    expect(await client.call('echo', { text: 'fresh' })).toBe('fresh');
    expect(log.spawned).toBe(2);
    client.close();
  });

  it('fails pending calls clearly when the worker dies and recovers on the next call', async () => {
    const log = { spawned: 0, terminated: 0 };
    let last: (Endpoint & { crash?: () => void }) | null = null;
    const client = createClient<TestMethods>(() => (last = channelEndpoint(log)));
    const pending = client.call('hang', { obeyCancel: false });
    await new Promise((r) => setTimeout(r, 10));
    last!.crash!();
    await expect(pending).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(await client.call('echo', { text: 'again' })).toBe('again');
    expect(log.spawned).toBe(2);
    client.close();
  });
});
