// Long-running local servers of kubectl (port-forward, proxy): how they wait until Ctrl-C or `kill`.
import { WATCH_IDLE_MS, type Env } from './env';

/** Stopper ends a running local server from inside (a lost connection); waiters resolve at once. */
export class Stopper {
  private fns = new Set<() => void>();
  /** reason is set once stopped. */
  reason: string | undefined;

  /** stopped tells whether stop() was called. */
  get stopped(): boolean { return this.reason !== undefined; }

  /** stop ends the server with reason (first call wins). */
  stop(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const fn of [...this.fns]) fn();
  }

  /** onStop registers fn; the returned function unregisters it. */
  onStop(fn: () => void): () => void { this.fns.add(fn); return () => { this.fns.delete(fn); }; }
}

/**
 * serveUntilStopped waits while a local server runs: until Ctrl-C / `kill %N` (interactive mode and
 * background jobs, where it never moves virtual time itself) or, in a headless foreground run,
 * WATCH_IDLE_MS of virtual time, as `get -w` does. Returns 'interrupted', 'stopped' or 'idle'.
 */
export async function serveUntilStopped(env: Env, stopper: Stopper): Promise<'interrupted' | 'stopped' | 'idle'> {
  const { interrupt } = env.ctx;
  if (!env.ctx.background && env.deps.mode !== 'interactive') {
    await env.ctx.time.waitFor(() => stopper.stopped, WATCH_IDLE_MS, interrupt);
  } else {
    await new Promise<void>((resolve) => {
      if (stopper.stopped || interrupt.interrupted) { resolve(); return; }
      const offs: Array<() => void> = [];
      const done = () => { for (const off of offs) off(); resolve(); };
      offs.push(interrupt.onInterrupt(done), stopper.onStop(done));
    });
  }
  if (stopper.stopped) return 'stopped';
  return interrupt.interrupted ? 'interrupted' : 'idle';
}
