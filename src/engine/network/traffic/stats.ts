// Counting answers for one generator: totals, per pod, per revision, and a sliding recent window.
import type { TrafficBucket, TrafficPodRow, TrafficVersionRow } from './types';

/** Outcome is one finished request as the stats see it. */
export interface Outcome {
  t: number;
  failed: boolean;
  /** pod is `namespace/name` of the answering pod (or an external host name); undefined when nothing answered. */
  pod?: string;
  revision?: string;
}

/** PodInfo is what is known about an answering pod: its revision and image. */
export interface PodInfo { namespace: string; pod: string; revision: string; version: string; image: string }

interface Counter { count: number; failures: number }

/**
 * TrafficCounter accumulates outcomes. The recent window keeps the outcomes of the last windowMs in
 * arrival order (timestamps never go backwards on the virtual clock), trimmed from the front.
 */
export class TrafficCounter {
  sent = 0;
  answered = 0;
  failures = 0;
  lastError: string | undefined;
  private pods = new Map<string, Counter>();
  private revisions = new Map<string, Counter>();
  private recent: Outcome[] = [];
  private head = 0;

  constructor(readonly windowMs: number) {}

  /** add counts one request. */
  add(o: Outcome, error?: string): void {
    this.sent++;
    if (o.failed) { this.failures++; if (error) this.lastError = error; }
    if (o.pod !== undefined) {
      this.answered++;
      bump(this.pods, o.pod, o.failed);
      bump(this.revisions, o.revision ?? '', o.failed);
    }
    this.recent.push(o);
    this.trim(o.t);
  }

  /** rows returns the per-pod and per-revision rows at time now, with info resolving pods' revision and image. */
  rows(now: number, info: (pod: string) => PodInfo): { pods: TrafficPodRow[]; versions: TrafficVersionRow[]; recentSent: number; recentFailures: number } {
    this.trim(now);
    const recentPods = new Map<string, Counter>();
    const recentRevs = new Map<string, Counter>();
    let recentSent = 0, recentFailures = 0, recentAnswered = 0;
    for (let i = this.head; i < this.recent.length; i++) {
      const o = this.recent[i];
      recentSent++;
      if (o.failed) recentFailures++;
      if (o.pod === undefined) continue;
      recentAnswered++;
      bump(recentPods, o.pod, o.failed);
      bump(recentRevs, o.revision ?? '', o.failed);
    }
    const bucket = (all: Counter, rec: Counter | undefined): TrafficBucket => ({
      count: all.count, failures: all.failures, share: ratio(all.count, this.answered),
      recent: rec?.count ?? 0, recentFailures: rec?.failures ?? 0, recentShare: ratio(rec?.count ?? 0, recentAnswered),
    });
    const pods: TrafficPodRow[] = [...this.pods.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, c]) => ({ ...info(key), ...bucket(c, recentPods.get(key)) }));
    const versions: TrafficVersionRow[] = [...this.revisions.entries()].map(([rev, c]) => {
      const p = pods.find((r) => r.revision === rev);
      return { revision: rev, version: p?.version ?? '', image: p?.image ?? '', ...bucket(c, recentRevs.get(rev)) };
    });
    return { pods, versions, recentSent, recentFailures };
  }

  private trim(now: number): void {
    const from = now - this.windowMs;
    while (this.head < this.recent.length && this.recent[this.head].t <= from) this.head++;
    // Compact once the dead prefix dominates, so memory stays about one window's worth.
    if (this.head > 1024 && this.head * 2 > this.recent.length) { this.recent = this.recent.slice(this.head); this.head = 0; }
  }
}

function bump(m: Map<string, Counter>, key: string, failed: boolean): void {
  const c = m.get(key) ?? m.set(key, { count: 0, failures: 0 }).get(key)!;
  c.count++;
  if (failed) c.failures++;
}

function ratio(n: number, d: number): number { return d > 0 ? n / d : 0; }
