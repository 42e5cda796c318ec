/**
 * The wire format between the page and a worker, generic over a method map
 * `{ [method]: { params; result; progress } }` so that one type drives client, server and tests.
 */

/** Describes one method: what it takes, what it returns and what it reports on the way. */
export interface MethodSpec {
  params: unknown;
  result: unknown;
  progress: unknown;
}

/** A map of method names to their specs. */
export type MethodMap = { [method: string]: MethodSpec };

/** An error as it crosses the boundary; `code` is one of core/errors ErrorCode values. */
export interface WireError {
  name: string;
  message: string;
  code: string;
}

/**
 * Page → worker; `hold-life-lock` asks the worker to hold a Web Lock for as long as it lives;
 * `heartbeat` asks it to beat every `everyMs` while a call runs (heartbeat.ts).
 */
export type Request =
  | { type: 'call'; id: number; method: string; params: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'hold-life-lock'; name: string }
  | { type: 'heartbeat'; everyMs: number };

/** Worker → page. */
export type Response =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: WireError }
  | { type: 'progress'; id: number; progress: unknown }
  | { type: 'life-lock-held'; name: string }
  | { type: 'beat' };

/** Anything with postMessage and message events: a Worker, a worker's global scope, a MessagePort. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** The part of the Web Locks API the life lock uses (navigator.locks in page and worker). */
export interface LifeLocks {
  request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown>;
}

/** The Web Locks API where this runtime has one. */
export function webLocks(): LifeLocks | undefined {
  return (globalThis as { navigator?: { locks?: LifeLocks } }).navigator?.locks;
}

/** A result with buffers to move (not copy) to the other side. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly transfer: Transferable[],
  ) {}
}

/** Wraps a result so its buffers are transferred rather than copied. */
export function withTransfer<T>(value: T, transfer: Transferable[]): T {
  return new Transfer(value, transfer) as unknown as T;
}
