import { TRAFFIC_BATCH_MAX, type SandboxEvent, type TrafficTrace } from '../../engine/protocol';
import type { Sandbox } from '../../engine/sandbox';
import { trafficGenerator } from '../../engine/sandboxctl';

/** TrafficOptions are what the UI asked to receive. */
export interface TrafficOptions { traces: boolean; probes: boolean }

/** STATS_EVERY_MS is how often (real time) generator stats are sent while any generator runs. */
const STATS_EVERY_MS = 400;

/**
 * TrafficFeed subscribes to the cluster's request tracer and hands the host one `traffic` event per
 * flush: probes dropped unless asked for, at most TRAFFIC_BATCH_MAX traces (an even random sample of a
 * busy interval, so 50 rps at 16× does not flood the UI), plus the generators' stats every ~400 ms.
 */
export class TrafficFeed {
  private batch: TrafficTrace[] = [];
  private seen = 0;
  private lastStats = -Infinity;
  private hadGenerators = false;
  private seed = 0x9e3779b9;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly sandbox: Sandbox, private options: TrafficOptions) {
    this.setOptions(options);
  }

  /**
   * setOptions changes what is forwarded from now on. With traces off the feed does not subscribe
   * at all, so the network (and the kubelets' probes) can skip building traces nobody draws.
   */
  setOptions(options: TrafficOptions): void {
    this.options = options;
    if (options.traces && !this.unsubscribe) this.unsubscribe = this.sandbox.cluster.network.onTrace((t) => this.add(t));
    if (!options.traces) { this.stop(); this.batch = []; this.seen = 0; }
  }

  /** stop unsubscribes from the tracer. */
  stop(): void { this.unsubscribe?.(); this.unsubscribe = undefined; }

  /** take returns the event for this flush (realNow is the host's real clock), or undefined when there is nothing to say. */
  take(realNow: number): Extract<SandboxEvent, { type: 'traffic' }> | undefined {
    const traces = this.batch;
    const dropped = this.seen - traces.length;
    this.batch = [];
    this.seen = 0;
    let generators;
    if (realNow - this.lastStats >= STATS_EVERY_MS) {
      const list = trafficGenerator(this.sandbox.cluster).list();
      if (list.length || this.hadGenerators) {
        generators = list;
        this.lastStats = realNow;
      }
      this.hadGenerators = list.length > 0;
    }
    if (!traces.length && !dropped && !generators) return undefined;
    traces.sort((a, b) => a.t - b.t || a.id - b.id);
    return { type: 'traffic', now: this.sandbox.cluster.clock.now(), traces, dropped, ...(generators ? { generators } : {}) };
  }

  private add(t: TrafficTrace): void {
    if (!this.options.traces || (t.probe && !this.options.probes)) return;
    this.seen++;
    if (this.batch.length < TRAFFIC_BATCH_MAX) { this.batch.push(t); return; }
    // Reservoir sampling keeps an even sample of the whole interval.
    const j = this.random() % this.seen;
    if (j < TRAFFIC_BATCH_MAX) this.batch[j] = t;
  }

  private random(): number {
    // xorshift32: the UI-side sample needs no seeded engine RNG, only an even spread.
    let x = this.seed;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed;
  }
}
