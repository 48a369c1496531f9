import { describe, it, expect } from 'vitest';
import { TRAFFIC_BATCH_MAX } from '../../engine/protocol';
import { createSandbox } from '../../engine/sandbox';
import { TrafficFeed } from './traffic-feed';

const trace = (n: number, probe = false) => ({ t: n, protocol: 'http' as const, from: { kind: 'node' as const, name: 'worker' }, hops: [], latencyMs: 1, ...(probe ? { probe } : {}) });

describe('TrafficFeed', () => {
  it('forwards traces without probes unless asked, capped per batch', () => {
    const s = createSandbox();
    const feed = new TrafficFeed(s, { traces: true, probes: false });
    s.cluster.network.record(trace(1, true));
    s.cluster.network.record(trace(2));
    let ev = feed.take(0);
    expect(ev?.traces.map((t) => t.t)).toEqual([2]);
    expect(ev?.dropped).toBe(0);
    feed.setOptions({ traces: true, probes: true });
    for (let i = 0; i < 100; i++) s.cluster.network.record(trace(i, i % 2 === 0));
    ev = feed.take(100);
    expect(ev?.traces).toHaveLength(TRAFFIC_BATCH_MAX);
    expect(ev?.dropped).toBe(100 - TRAFFIC_BATCH_MAX);
    // An even sample: sorted by time, spread over the whole interval, not just its start.
    expect(ev!.traces[ev!.traces.length - 1].t).toBeGreaterThan(50);
    feed.setOptions({ traces: false, probes: false });
    s.cluster.network.record(trace(3));
    expect(feed.take(200)).toBeUndefined();
    feed.stop();
    s.cluster.stop();
  });

  it('sends generator stats while generators run, and once more after they stop', async () => {
    const s = createSandbox();
    const feed = new TrafficFeed(s, { traces: false, probes: false });
    expect(feed.take(0)).toBeUndefined();
    await s.run('sandbox traffic svc/kubernetes --rps 2');
    await s.run('sleep 2');
    const ev = feed.take(1000);
    expect(ev?.generators?.map((g) => [g.id, g.target, g.sent])).toEqual([['traffic-1', 'svc/kubernetes', 4]]);
    expect(feed.take(1100)).toBeUndefined(); // stats at most every 400 ms
    await s.run('sandbox traffic stop');
    expect(feed.take(2000)?.generators).toEqual([]);
    expect(feed.take(3000)).toBeUndefined();
    feed.stop();
    s.cluster.stop();
  });
});
