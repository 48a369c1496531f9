/**
 * Real-time driving of the virtual clock for the serve host: virtual time follows wall time
 * times a speed factor, so kubelets, probes and back-offs progress while real kubectl watches.
 */

/** AdvanceableClock is the part of VirtualClock the driver needs. */
export interface AdvanceableClock { now(): number; advanceTo(t: number): void }

/** RealTimeClockOptions configure startRealTimeClock. */
export interface RealTimeClockOptions {
  clock: AdvanceableClock;
  /** speed is virtual ms per wall ms (default 1). */
  speed?: number;
  /** intervalMs is how often the host steps the clock (default 20 ms). */
  intervalMs?: number;
  /** wallNow reads wall time in ms (default performance.now; injectable for tests). */
  wallNow?: () => number;
  /** onError receives an exception thrown by a timer while advancing (default: rethrow asynchronously). */
  onError?: (e: unknown) => void;
}

/** RealTimeClock is a running driver. */
export interface RealTimeClock {
  /** sync advances the virtual clock to where wall time says it should be now. */
  sync(): void;
  /** speed is the current factor. */
  readonly speed: number;
  /** setSpeed changes the factor from now on (0 pauses). */
  setSpeed(speed: number): void;
  /** stop ends the interval; the clock keeps its current time. */
  stop(): void;
}

/**
 * startRealTimeClock steps `clock` every intervalMs by elapsed wall ms × speed (re-entrant calls
 * are ignored, since a timer firing inside advanceTo may trigger host callbacks).
 */
export function startRealTimeClock(opts: RealTimeClockOptions): RealTimeClock {
  const wallNow = opts.wallNow ?? (() => performance.now());
  const clock = opts.clock;
  let speed = checkSpeed(opts.speed ?? 1);
  let baseWall = wallNow();
  let baseVirtual = clock.now();
  let busy = false;

  const sync = (): void => {
    if (busy) return;
    busy = true;
    try {
      const target = baseVirtual + (wallNow() - baseWall) * speed;
      // Virtual time never goes back, and whole milliseconds keep timestamps tidy.
      if (target > clock.now()) clock.advanceTo(Math.floor(target));
    } catch (e) {
      if (opts.onError) opts.onError(e); else queueMicrotask(() => { throw e; });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(sync, opts.intervalMs ?? 20);
  timer.unref?.();

  return {
    sync,
    get speed() { return speed; },
    setSpeed(next: number) {
      sync();
      speed = checkSpeed(next);
      baseWall = wallNow();
      baseVirtual = clock.now();
    },
    stop() { clearInterval(timer); },
  };
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < 0) throw new Error(`invalid speed ${speed}: must be a number >= 0`);
  return speed;
}
