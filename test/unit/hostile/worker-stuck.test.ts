import { afterEach, describe, expect, it, vi } from 'vitest';
import { CleanroomError } from '../../../src/core/errors';
import { createClient, type Endpoint } from '../../../src/protocol/client';
import type { WatchTimers } from '../../../src/protocol/heartbeat';
import type { Port, Request, Response } from '../../../src/protocol/rpc';
import { serve } from '../../../src/protocol/server';

/** A fake clock whose intervals fire only when the test advances it. */
function fakeTimers() {
  let now = 0;
  const intervals = new Map<number, { callback: () => void; ms: number; next: number }>();
  let nextHandle = 1;
  const timers: WatchTimers = {
    now: () => now,
    setInterval: (callback, ms) => {
      intervals.set(nextHandle, { callback, ms, next: now + ms });
      return nextHandle++;
    },
    clearInterval: (handle) => void intervals.delete(handle as number),
  };
  /** Moves time on by `ms`, firing each interval as often as it falls due, in order. */
  const advance = (ms: number, between?: () => void) => {
    const end = now + ms;
    for (;;) {
      const due = [...intervals.values()].filter((i) => i.next <= end);
      if (due.length === 0) break;
      const first = due.reduce((a, b) => (a.next <= b.next ? a : b));
      now = first.next;
      first.next += first.ms;
      first.callback();
      between?.();
    }
    now = end;
  };
  /** The page asleep for `ms`: on waking, each interval fires once, late, as browsers do. */
  const sleep = (ms: number) => {
    now += ms;
    for (const i of [...intervals.values()]) {
      i.next = now + i.ms;
      i.callback();
    }
  };
  return { timers, advance, sleep, active: () => intervals.size };
}

/** A worker stand-in: records what the page posts and lets the test answer as the worker. */
function fakeWorker() {
  const listeners: ((event: MessageEvent) => void)[] = [];
  const posted: Request[] = [];
  let terminated = false;
  const endpoint: Endpoint = {
    postMessage: (message: unknown) => void posted.push(message as Request),
    addEventListener: ((type: string, listener: (event: MessageEvent) => void) => {
      if (type === 'message') listeners.push(listener);
    }) as Endpoint['addEventListener'],
    removeEventListener: () => undefined,
    terminate: () => void (terminated = true),
  };
  const say = (data: Response) => listeners.forEach((l) => l({ data } as MessageEvent));
  const calls = () => posted.filter((m) => m.type === 'call') as { id: number }[];
  return { endpoint, posted, say, calls, terminated: () => terminated };
}

type Methods = { work: { params: Record<string, never>; result: string; progress: number } };

function setup() {
  const clock = fakeTimers();
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const client = createClient<Methods>(
    () => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker.endpoint;
    },
    3000,
    undefined,
    { intervalMs: 1000, missedBeats: 5 },
    clock.timers,
  );
  return { clock, workers, client };
}

describe('a worker alive but stuck in a long job', () => {
  it('asks the worker to beat, and keeps a call that beats or reports progress', async () => {
    const { clock, workers, client } = setup();
    const call = client.call('work', {});
    const worker = workers[0];
    expect(worker.posted).toContainEqual({ type: 'heartbeat', everyMs: 1000 });
    // Beats from the worker, then progress only: a minute of steady signs of life.
    clock.advance(30_000, () => worker.say({ type: 'beat' }));
    clock.advance(30_000, () => worker.say({ type: 'progress', id: 1, progress: 50 }));
    expect(worker.terminated()).toBe(false);
    worker.say({ type: 'result', id: worker.calls()[0].id, result: 'done' });
    await expect(call).resolves.toBe('done');
    expect(clock.active()).toBe(0);
  });

  it('after the set number of silent beats fails every pending call, stops the worker, and the next call gets a new one', async () => {
    const { clock, workers, client } = setup();
    const first = client.call('work', {});
    const second = client.call('work', {});
    clock.advance(10_000, () => workers[0].say({ type: 'beat' }));
    // The tick after the last beat finds it; the five after it find nothing.
    clock.advance(5000);
    expect(workers[0].terminated()).toBe(false);
    clock.advance(1000);
    expect(workers[0].terminated()).toBe(true);
    for (const call of [first, second]) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CleanroomError);
      expect((error as CleanroomError).code).toBe('worker-stuck');
      expect((error as CleanroomError).message).toMatch(
        /^The background worker stopped responding \(no sign of life for 5 s during a long task\), so it was stopped\. Your stored data is intact; please try again\.$/,
      );
    }
    expect(clock.active()).toBe(0);
    const retry = client.call('work', {});
    expect(workers).toHaveLength(2);
    workers[1].say({ type: 'result', id: workers[1].calls()[0].id, result: 'again' });
    await expect(retry).resolves.toBe('again');
  });

  it('judges nothing from ticks that come late (the page asleep or throttled), nor while idle', () => {
    const { clock, workers, client } = setup();
    void client.call('work', {}).catch(() => undefined);
    // Each tick 10 s after the last: the page was paused, so the silence says nothing.
    for (let i = 0; i < 20; i++) clock.sleep(10_000);
    expect(workers[0].terminated()).toBe(false);
    workers[0].say({ type: 'result', id: 1, result: 'late but fine' });
    // No call pending: no watch, however long the silence.
    clock.advance(600_000);
    expect(clock.active()).toBe(0);
    expect(workers[0].terminated()).toBe(false);
  });
});

describe('the worker side of the heartbeat', () => {
  afterEach(() => void vi.useRealTimers());

  it('beats at the asked interval while a call runs, and stops when none does', async () => {
    vi.useFakeTimers();
    const listeners: ((event: MessageEvent) => void)[] = [];
    const sent: Response[] = [];
    const port: Port = {
      postMessage: (message) => void sent.push(message as Response),
      addEventListener: (_type, listener) => void listeners.push(listener),
      removeEventListener: () => undefined,
    };
    let finish = () => undefined as void;
    serve<Methods>(port, { work: () => new Promise((resolve) => (finish = () => resolve('ok'))) });
    const post = (data: Request) => listeners.forEach((l) => l({ data } as MessageEvent));
    const beats = () => sent.filter((m) => m.type === 'beat').length;
    post({ type: 'heartbeat', everyMs: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(beats()).toBe(0);
    post({ type: 'call', id: 1, method: 'work', params: {} });
    await vi.advanceTimersByTimeAsync(3500);
    expect(beats()).toBe(3);
    finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.some((m) => m.type === 'result')).toBe(true);
    expect(beats()).toBe(3);
  });
});
