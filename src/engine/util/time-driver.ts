import type { VirtualClock } from './clock';
import type { Interrupt } from './interrupt';

/**
 * TimeDriver is how a command waits in virtual time. Headless ('manual') it advances
 * the clock itself, so a script's output is exactly repeatable; in the browser ('host')
 * the host advances the clock at the chosen speed and calls poll() after each step.
 */
export interface TimeDriver {
  /** sleep waits ms virtual milliseconds; resolves false when interrupted. */
  sleep(ms: number, signal?: Interrupt): Promise<boolean>;
  /**
   * waitFor resolves true as soon as check() holds, false at the timeout or on interrupt.
   * check runs after every clock step; keep it cheap.
   */
  waitFor(check: () => boolean, timeoutMs: number, signal?: Interrupt): Promise<boolean>;
  /** poll re-evaluates waiters (host mode; a no-op headless). */
  poll(): void;
}

interface Waiter { check: () => boolean; deadline: number; resolve: (ok: boolean) => void; signal?: Interrupt }

/** createTimeDriver makes a driver over clock; mode 'manual' advances time itself. */
export function createTimeDriver(clock: VirtualClock, mode: 'manual' | 'host'): TimeDriver {
  const waiters = new Set<Waiter>();

  const manualWait = (check: () => boolean, timeoutMs: number, signal?: Interrupt): boolean => {
    const deadline = clock.now() + timeoutMs;
    clock.runDue();
    for (;;) {
      if (check()) return true;
      if (signal?.interrupted) return false;
      const next = clock.nextDue();
      if (next === undefined || next > deadline) {
        clock.advanceTo(deadline);
        return check();
      }
      clock.advanceTo(next);
    }
  };

  const poll = () => {
    for (const w of [...waiters]) {
      if (w.signal?.interrupted) { waiters.delete(w); w.resolve(false); continue; }
      if (w.check()) { waiters.delete(w); w.resolve(true); continue; }
      if (clock.now() >= w.deadline) { waiters.delete(w); w.resolve(false); }
    }
  };

  const hostWait = (check: () => boolean, timeoutMs: number, signal?: Interrupt): Promise<boolean> =>
    new Promise((resolve) => {
      if (check()) return resolve(true);
      const w: Waiter = { check, deadline: clock.now() + timeoutMs, resolve, signal };
      waiters.add(w);
      signal?.onInterrupt(() => { if (waiters.delete(w)) resolve(false); });
    });

  return {
    sleep(ms, signal) {
      if (mode === 'manual') {
        clock.advance(ms);
        return Promise.resolve(!signal?.interrupted);
      }
      const until = clock.now() + ms;
      return hostWait(() => clock.now() >= until, ms, signal).then((ok) => ok || (!signal?.interrupted && clock.now() >= until));
    },
    waitFor(check, timeoutMs, signal) {
      return mode === 'manual' ? Promise.resolve(manualWait(check, timeoutMs, signal)) : hostWait(check, timeoutMs, signal);
    },
    poll() { if (mode === 'host') poll(); },
  };
}
