/**
 * Noticing a worker that is alive but stuck. While a call is running, the worker's server posts
 * a beat every `intervalMs` from a timer; a timer only fires when the worker's event loop is free,
 * so a job that yields between chunks (awaits storage, a timer, the next epoch) keeps beating and
 * a job caught in an endless synchronous loop falls silent. The page counts its own ticks without
 * a word from the worker and calls it stuck after `missedBeats` of them in a row. A tick that
 * comes late (the page itself was asleep or throttled in the background) judges nothing: the
 * silence then says nothing about the worker.
 */

/** How often a busy worker beats, and how many silent ticks in a row mean it is stuck. */
export interface HeartbeatOptions {
  intervalMs: number;
  missedBeats: number;
}

/**
 * One beat a second; stuck after a minute of silence. Long enough for the longest synchronous
 * stretch a healthy job has (one epoch's batch, one chunk of a ranking), short enough to notice.
 */
export const DEFAULT_HEARTBEAT: HeartbeatOptions = { intervalMs: 1000, missedBeats: 60 };

/** The clock and timer the watch uses; injected so tests can drive a fake one. */
export interface WatchTimers {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The runtime's own clock and timers. */
export const realTimers: WatchTimers = {
  now: () => performance.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** A watch over one worker: `heard` on every message from it, `busy`/`idle` as calls come and go. */
export interface HeartbeatWatch {
  heard(): void;
  busy(): void;
  idle(): void;
}

/** A tick this many intervals after the previous one means the page was paused, not the worker. */
const LATE_TICKS = 3;

/** Watches for silence while busy; calls `onStuck` with the silent time once, then stops. */
export function watchHeartbeat(
  options: HeartbeatOptions,
  timers: WatchTimers,
  onStuck: (silentMs: number) => void,
): HeartbeatWatch {
  let handle: unknown = null;
  let heardSinceTick = false;
  let missed = 0;
  let lastTick = 0;
  const stop = () => {
    if (handle !== null) timers.clearInterval(handle);
    handle = null;
  };
  const tick = () => {
    const now = timers.now();
    const late = now - lastTick > LATE_TICKS * options.intervalMs;
    lastTick = now;
    if (heardSinceTick || late) {
      heardSinceTick = false;
      missed = 0;
      return;
    }
    if (++missed < options.missedBeats) return;
    stop();
    onStuck(missed * options.intervalMs);
  };
  return {
    heard: () => void (heardSinceTick = true),
    busy() {
      heardSinceTick = true;
      if (handle !== null) return;
      missed = 0;
      lastTick = timers.now();
      handle = timers.setInterval(tick, options.intervalMs);
    },
    idle: stop,
  };
}
