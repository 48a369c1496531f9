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

// Every timer has the same members (interval 0 = one-shot), so the heap code sees one object shape.
interface Timer { id: TimerId; due: number; seq: number; fn: () => void; interval: number; dead: boolean }

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
    return this.add({ id: this.nextId++, due: this.t + Math.max(0, ms), seq: this.seq++, fn, interval: 0, dead: false });
  }

  every(ms: number, fn: () => void): TimerId {
    const step = Math.max(1, ms);
    return this.add({ id: this.nextId++, due: this.t + step, seq: this.seq++, fn, interval: step, dead: false });
  }

  cancel(id: TimerId): void {
    const t = this.live.get(id);
    if (!t) return;
    t.dead = true;
    this.live.delete(id);
  }

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
      if (top.interval > 0) {
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
    while (this.heap.length && this.heap[0].dead) this.pop();
  }

  // Binary heap ordered by (due, seq); the keys are unique, so the firing order is fully determined.
  private push(timer: Timer): void {
    const h = this.heap;
    let i = h.length;
    h.push(timer);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (!before(timer, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = timer;
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    const n = h.length;
    if (n && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(h[r], h[l]) ? r : l;
        if (!before(h[m], last)) break;
        h[i] = h[m];
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean { return a.due < b.due || (a.due === b.due && a.seq < b.seq); }
