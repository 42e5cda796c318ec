import { describe, expect, it } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { createClient } from '../../../src/protocol/client';
import type { Handlers } from '../../../src/protocol/server';
import { channelEndpoint, type SpawnLog, type TestEndpoint } from './channel-endpoint';

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

const channel = (log: SpawnLog) => channelEndpoint(handlers, log);

describe('message-passing client', () => {
  it('returns results, reports progress and rebuilds errors with their code', async () => {
    const log = { spawned: 0, terminated: 0 };
    const client = createClient<TestMethods>(() => channel(log));
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
    const client = createClient<TestMethods>(() => channel(log), 200);
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
    const client = createClient<TestMethods>(() => channel(log), 50);
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
    let last: TestEndpoint | null = null;
    const client = createClient<TestMethods>(() => (last = channel(log)));
    const pending = client.call('hang', { obeyCancel: false });
    await new Promise((r) => setTimeout(r, 10));
    last!.crash();
    await expect(pending).rejects.toMatchObject({ code: 'worker-crashed' });
    expect(await client.call('echo', { text: 'again' })).toBe('again');
    expect(log.spawned).toBe(2);
    client.close();
  });
});
