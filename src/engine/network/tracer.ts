// The request tracer: every completed request (HTTP, TCP, DNS, ICMP, kubelet probes) becomes one
// TrafficTrace delivered to subscribers (the workspace map, the traffic generator's counters).
import type { Rng } from '../util';
import type { Hop, Peer, TrafficTrace } from './types';

/** Tracer numbers traces and fans them out; with no subscriber it only counts. */
export class Tracer {
  private readonly subs = new Set<(t: TrafficTrace) => void>();
  private nextId = 0;

  /** active tells whether anyone listens (callers may skip building optional traces). */
  get active(): boolean { return this.subs.size > 0; }

  /** subscribe adds fn; returns unsubscribe. */
  subscribe(fn: (t: TrafficTrace) => void): () => void {
    this.subs.add(fn);
    return () => { this.subs.delete(fn); };
  }

  /** record assigns the next id and delivers the trace (a throwing subscriber does not break the others). */
  record(t: Omit<TrafficTrace, 'id'>): TrafficTrace {
    // The caller's object becomes the trace (no copy per probe), unless it is frozen.
    const full = (Object.isFrozen(t) ? { ...t } : t) as TrafficTrace;
    full.id = ++this.nextId;
    if (this.subs.size) {
      for (const fn of [...this.subs]) {
        try { fn(full); } catch { /* a broken subscriber must not break the network */ }
      }
    }
    return full;
  }
}

/** TraceBuilder accumulates the hops and the elapsed virtual time of one request. */
export class TraceBuilder {
  readonly hops: Hop[] = [];
  /** ms is the time elapsed since the request started. */
  ms = 0;

  constructor(readonly t: number, readonly from: Peer, private readonly rng: Rng) {}

  /** hop records a step at the current offset. */
  hop(from: Peer, to: Peer, via: Hop['via'], note?: string): void {
    const h: Hop = { from, to, via, atMs: round(this.ms) };
    if (note) h.note = note;
    this.hops.push(h);
  }

  /** wire lets a packet cross one link: same host (veth, loopback), the LAN, or the internet. */
  wire(kind: 'local' | 'lan' | 'internet'): void {
    const [base, spread] = kind === 'local' ? [0.05, 0.04] : kind === 'lan' ? [0.35, 0.25] : [12, 6];
    this.ms += this.rng.jitter(base, spread);
  }

  /** wait adds a fixed delay (a handler's delayMs, a resolver timeout). */
  wait(ms: number): void { this.ms += ms; }
}

/** round keeps three decimals (microseconds) in traces. */
export function round(ms: number): number { return Math.round(ms * 1000) / 1000; }
