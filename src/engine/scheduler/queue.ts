import type { Clock, TimerId } from '../util';

/** INITIAL_BACKOFF_MS and MAX_BACKOFF_MS are kube-scheduler's podInitialBackoffSeconds (1) and podMaxBackoffSeconds (10). */
export const INITIAL_BACKOFF_MS = 1000;
/** MAX_BACKOFF_MS caps the per-pod backoff. */
export const MAX_BACKOFF_MS = 10_000;
/** UNSCHEDULABLE_FLUSH_MS is podMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often. */
export const UNSCHEDULABLE_FLUSH_MS = 5 * 60 * 1000;

interface Entry { key: string; priority: number; seq: number; attempts: number; failedAt: number; timer?: TimerId }

/**
 * SchedulingQueue models internal/queue.PriorityQueue: activeQ ordered by priority then arrival,
 * backoff after failures (1 s doubling to 10 s), and an unschedulable set moved back by cluster events
 * or after 5 minutes.
 */
export class SchedulingQueue {
  private entries = new Map<string, Entry>();
  private active = new Set<string>();
  private seq = 0;

  constructor(private clock: Clock, private onActive: () => void) {}

  /** add puts a new or updated pod straight into activeQ (pod add, or update of an unschedulable pod). */
  add(key: string, priority: number): void {
    let e = this.entries.get(key);
    if (!e) { e = { key, priority, seq: this.seq++, attempts: 0, failedAt: 0 }; this.entries.set(key, e); }
    e.priority = priority;
    if (e.attempts > 0) return this.moveOne(e);
    this.activate(e);
  }

  /** has says whether key is queued in any sub-queue. */
  has(key: string): boolean { return this.entries.has(key); }

  /** delete forgets key (pod bound or gone). */
  delete(key: string): void {
    const e = this.entries.get(key);
    if (e?.timer !== undefined) this.clock.cancel(e.timer);
    this.entries.delete(key);
    this.active.delete(key);
  }

  /** popAll returns activeQ in scheduling order and empties it. */
  popAll(): string[] {
    const list = [...this.active].map((k) => this.entries.get(k)!).filter(Boolean);
    this.active.clear();
    list.sort((a, b) => b.priority - a.priority || a.seq - b.seq);
    return list.map((e) => e.key);
  }

  /** unschedulable records a failed attempt: the pod waits for an event, or the 5-minute flush. */
  unschedulable(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.attempts++;
    e.failedAt = this.clock.now();
    this.setTimer(e, UNSCHEDULABLE_FLUSH_MS);
  }

  /** backoff records a failed attempt and retries the pod once its backoff expires (e.g. after preemption). */
  backoff(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.attempts++;
    e.failedAt = this.clock.now();
    this.moveOne(e);
  }

  /** moveAllToActiveOrBackoff is called on cluster events that may make pods schedulable. */
  moveAllToActiveOrBackoff(): void {
    for (const e of this.entries.values()) if (e.attempts > 0 && !this.active.has(e.key)) this.moveOne(e);
  }

  private backoffMs(e: Entry): number {
    return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, e.attempts - 1));
  }

  private moveOne(e: Entry): void {
    const wait = e.failedAt + this.backoffMs(e) - this.clock.now();
    if (wait > 0) this.setTimer(e, wait);
    else this.activate(e);
  }

  private setTimer(e: Entry, ms: number): void {
    if (e.timer !== undefined) this.clock.cancel(e.timer);
    e.timer = this.clock.after(ms, () => { e.timer = undefined; if (this.entries.get(e.key) === e) this.activate(e); });
  }

  private activate(e: Entry): void {
    if (e.timer !== undefined) { this.clock.cancel(e.timer); e.timer = undefined; }
    this.active.add(e.key);
    this.onActive();
  }
}
