/** Interrupt is how Ctrl-C reaches a running command: poll `interrupted` or subscribe. */
export interface Interrupt {
  readonly interrupted: boolean;
  /** onInterrupt registers fn; the returned function unregisters it. */
  onInterrupt(fn: () => void): () => void;
}

/** InterruptController owns an Interrupt and fires it (the terminal's Ctrl-C). */
export class InterruptController {
  private fired = false;
  private fns = new Set<() => void>();
  readonly signal: Interrupt;

  constructor() {
    const fns = this.fns;
    const state = () => this.fired;
    this.signal = {
      get interrupted() { return state(); },
      onInterrupt: (fn) => { fns.add(fn); return () => { fns.delete(fn); }; },
    };
  }

  /** fire interrupts every waiter once. */
  fire(): void {
    if (this.fired) return;
    this.fired = true;
    for (const fn of [...this.fns]) fn();
  }
}

/** NEVER_INTERRUPTED is an Interrupt that never fires (scripts, tests). */
export const NEVER_INTERRUPTED: Interrupt = { interrupted: false, onInterrupt: () => () => {} };
