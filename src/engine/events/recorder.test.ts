import { describe, it, expect } from 'vitest';
import type { KObject } from '../types';
import { VirtualClock, createRng } from '../util';
import { createFakeClient } from '../controllers/runtime';
import { createEventRecorder } from './index';

const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u-1', resourceVersion: '7' } };
const node: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker', uid: 'worker' } };

function setup() {
  const clock = new VirtualClock();
  const client = createFakeClient(clock);
  const rec = createEventRecorder({ client, clock, rng: createRng(1), component: 'kubelet', host: 'worker' });
  return { clock, client, rec };
}

describe('event recorder', () => {
  it('writes a core/v1 Event as client-go does', () => {
    const { client, rec, clock } = setup();
    rec.event(pod, 'Normal', 'Pulling', 'Pulling image "nginx"', { fieldPath: 'spec.containers{nginx}' });
    const [ev] = client.list('events', 'default');
    expect(ev.metadata.name).toMatch(/^web\.[0-9a-f]{16}$/);
    expect(BigInt('0x' + ev.metadata.name!.slice(4)) / 1000000n).toBe(BigInt(clock.now()));
    expect(ev).toMatchObject({
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u-1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulling', message: 'Pulling image "nginx"', type: 'Normal', count: 1,
      source: { component: 'kubelet', host: 'worker' }, eventTime: null, reportingComponent: 'kubelet', reportingInstance: 'worker',
      firstTimestamp: '2025-03-10T09:00:00Z', lastTimestamp: '2025-03-10T09:00:00Z',
    });
  });

  it('puts cluster-scoped objects in default and aggregates repeats into count', () => {
    const { client, rec, clock } = setup();
    rec.event(node, 'Normal', 'NodeReady', 'Node worker status is now: NodeReady');
    clock.advance(30_000);
    rec.event(node, 'Normal', 'NodeReady', 'Node worker status is now: NodeReady');
    rec.event(node, 'Warning', 'Other', 'x');
    const evs = client.list('events', 'default');
    expect(evs).toHaveLength(2);
    expect(evs[0]).toMatchObject({ count: 2, firstTimestamp: '2025-03-10T09:00:00Z', lastTimestamp: '2025-03-10T09:00:30Z' });
    expect(client.actions.filter((a) => a.startsWith('patch'))).toHaveLength(1);
  });

  it('recreates a repeat of an expired event with the running count', () => {
    const { client, rec } = setup();
    rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    const name = client.list('events', 'default')[0].metadata.name;
    // The API server's event TTL removed it; the PATCH of the repeat finds nothing and falls back to CREATE.
    client.delete('events', 'default', name!);
    rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    expect(client.list('events', 'default')[0]).toMatchObject({ metadata: { name }, count: 2 });
  });

  it('combines many similar events with different messages', () => {
    const { client, rec } = setup();
    for (let i = 0; i < 12; i++) rec.event(pod, 'Warning', 'Failed', `error ${i}`);
    const msgs = client.list('events', 'default').map((e) => `${e.message}|${e.count}`);
    expect(msgs).toHaveLength(10);
    expect(msgs[9]).toBe('(combined from similar events): error 11|3');
  });

  it('throttles an object to 25 writes, then one per 5 minutes, while the count keeps running', () => {
    const { client, rec, clock } = setup();
    for (let i = 0; i < 30; i++) rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    expect(client.list('events', 'default')[0].count).toBe(25);
    clock.advance(5 * 60 * 1000);
    rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    expect(client.list('events', 'default')[0].count).toBe(31);
  });

  it("forgets an object after 4,096 others, as client-go's LRU caches do", () => {
    const { client, rec } = setup();
    for (let i = 0; i < 26; i++) rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    const backOff = () => client.list('events', 'default').find((e) => (e.involvedObject as { uid?: string }).uid === 'u-1' && e.reason === 'BackOff')!;
    expect(backOff().count).toBe(25);
    for (let i = 0; i < 4096; i++) {
      rec.event({ ...pod, metadata: { ...pod.metadata, name: `p${i}`, uid: `other-${i}` } }, 'Normal', 'Pulled', 'pulled');
    }
    // A fresh token bucket and a fresh count: the repeat starts a new Event.
    rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    const backOffs = client.list('events', 'default').filter((e) => (e.involvedObject as { uid?: string }).uid === 'u-1');
    expect(backOffs.map((e) => e.count)).toEqual([25, 1]);
  });
});
