/** TimerId identifies a scheduled callback on a Clock. */
export type TimerId = number;

/** Clock is the virtual time source every engine component receives by injection. */
export interface Clock {
  /** now returns virtual milliseconds since the Unix epoch. */
  now(): number;
  /** after runs fn once, ms virtual milliseconds from now. */
  after(ms: number, fn: () => void): TimerId;
  /** every runs fn each ms virtual milliseconds until cancelled. */
  every(ms: number, fn: () => void): TimerId;
  /** cancel stops a timer; unknown ids are ignored. */
  cancel(id: TimerId): void;
}

interface Timer { id: TimerId; due: number; fn: () => void; interval?: number; seq: number }

/** DEFAULT_EPOCH is the virtual wall time a new cluster starts at (2025-03-10T09:00:00Z). */
export const DEFAULT_EPOCH = Date.UTC(2025, 2, 10, 9, 0, 0);

/**
 * VirtualClock is a deterministic clock: time moves only through advance/advanceTo,
 * and timers fire in (due, insertion) order. Hosts decide how fast it advances.
 */
export class VirtualClock implements Clock {
  private t: number;
  private nextId = 1;
  private seq = 0;
  private heap: Timer[] = [];
  private live = new Map<TimerId, Timer>();

  constructor(start = DEFAULT_EPOCH) { this.t = start; }

  now(): number { return this.t; }

  after(ms: number, fn: () => void): TimerId {
    return this.add({ id: this.nextId++, due: this.t + Math.max(0, ms), fn, seq: this.seq++ });
  }

  every(ms: number, fn: () => void): TimerId {
    const step = Math.max(1, ms);
    return this.add({ id: this.nextId++, due: this.t + step, fn, interval: step, seq: this.seq++ });
  }

  cancel(id: TimerId): void { this.live.delete(id); }

  /** nextDue returns the due time of the earliest live timer, if any. */
  nextDue(): number | undefined {
    this.dropDead();
    return this.heap.length ? this.heap[0].due : undefined;
  }

  /** advance moves time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void { this.advanceTo(this.t + Math.max(0, ms)); }

  /** advanceTo moves time to t (never backwards), firing due timers in order. */
  advanceTo(target: number): void {
    for (;;) {
      this.dropDead();
      const top = this.heap[0];
      if (!top || top.due > target) break;
      this.pop();
      this.t = Math.max(this.t, top.due);
      if (top.interval !== undefined) {
        top.due += top.interval;
        top.seq = this.seq++;
        this.push(top);
      } else {
        this.live.delete(top.id);
      }
      top.fn();
    }
    this.t = Math.max(this.t, target);
  }

  /** runDue fires timers already due at the current time (those added with a 0 ms delay). */
  runDue(): void { this.advanceTo(this.t); }

  private add(timer: Timer): TimerId {
    this.live.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  private dropDead(): void {
    while (this.heap.length && this.live.get(this.heap[0].id) !== this.heap[0]) this.pop();
  }

  private less(a: Timer, b: Timer): boolean { return a.due < b.due || (a.due === b.due && a.seq < b.seq); }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
