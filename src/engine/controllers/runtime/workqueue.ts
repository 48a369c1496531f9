import type { Clock, TimerId } from '../../util';

/** ReconcileResult is what a reconcile returns: done, or requeue after a delay. */
export interface ReconcileResult { requeueAfter?: number }

/** Reconciler handles one key; throwing requeues it with exponential backoff. */
export type Reconciler = (key: string) => ReconcileResult | void;

/**
 * WorkQueueOptions tune the rate limiter (defaults: 5 ms doubling to 1000 s, as client-go's item backoff).
 * `sync` processes a key inside add() itself: for controllers whose effect a learner's very next command
 * must already see (a real controller reacts within milliseconds; headless time stands still between commands).
 */
export interface WorkQueueOptions { baseDelayMs?: number; maxDelayMs?: number; sync?: boolean; onError?: (key: string, err: unknown) => void }

/**
 * WorkQueue is client-go's rate-limited workqueue reduced to virtual time: a key is held once
 * (dirty set), processing runs on a 0 ms clock timer, failures back off per key.
 */
export class WorkQueue {
  private dirty = new Set<string>();
  private draining = false;
  private failures = new Map<string, number>();
  private delayed = new Map<string, TimerId>();
  private scheduled: TimerId | undefined;
  private stopped = false;

  constructor(private clock: Clock, private reconcile: Reconciler, private opts: WorkQueueOptions = {}) {}

  /** add enqueues key for processing as soon as the clock runs due timers. */
  add(key: string): void {
    if (this.stopped) return;
    this.dirty.add(key);
    if (this.opts.sync) this.drain();
    else this.kick();
  }

  /** addAfter enqueues key after ms (an earlier pending addAfter wins over a later one). */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const prev = this.delayed.get(key);
    if (prev !== undefined) this.clock.cancel(prev);
    this.delayed.set(key, this.clock.after(ms, () => { this.delayed.delete(key); this.add(key); }));
  }

  /** addRateLimited enqueues key after its backoff (base * 2^failures, capped). */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const base = this.opts.baseDelayMs ?? 5;
    this.addAfter(key, Math.min(base * 2 ** n, this.opts.maxDelayMs ?? 1_000_000));
  }

  /** forget resets key's backoff. */
  forget(key: string): void { this.failures.delete(key); }

  /** len is the number of keys waiting. */
  len(): number { return this.dirty.size; }

  /** drain processes every queued key now (tests and bootstrap). */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let guard = 0; this.dirty.size && guard < 100_000; guard++) {
        const key = this.dirty.values().next().value as string;
        this.dirty.delete(key);
        this.processOne(key);
      }
    } finally {
      this.draining = false;
    }
  }

  /** shutDown drops all keys and timers. */
  shutDown(): void {
    this.stopped = true;
    this.dirty.clear();
    for (const t of this.delayed.values()) this.clock.cancel(t);
    this.delayed.clear();
    if (this.scheduled !== undefined) this.clock.cancel(this.scheduled);
  }

  private kick(): void {
    if (this.scheduled !== undefined) return;
    this.scheduled = this.clock.after(0, () => { this.scheduled = undefined; this.drain(); });
  }

  private processOne(key: string): void {
    try {
      const res = this.reconcile(key);
      this.forget(key);
      if (res && res.requeueAfter !== undefined) this.addAfter(key, res.requeueAfter);
    } catch (err) {
      this.opts.onError?.(key, err);
      this.addRateLimited(key);
    }
  }
}
