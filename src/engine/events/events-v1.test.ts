import { describe, it, expect } from 'vitest';
import type { KObject } from '../types';
import { VirtualClock, createRng } from '../util';
import { createFakeClient } from '../controllers/runtime';
import { createEventsV1Recorder, SERIES_FINISH_MS, SERIES_REFRESH_MS } from './index';

const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u-1', resourceVersion: '9' } };

function setup() {
  const clock = new VirtualClock();
  const client = createFakeClient(clock);
  const rec = createEventsV1Recorder({ client, clock, rng: createRng(3), reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-master' });
  return { clock, client, rec };
}

describe('events.k8s.io recorder', () => {
  it('writes eventTime, action and reporting fields with an empty source', () => {
    const { client, rec } = setup();
    rec.event(pod, 'Normal', 'Scheduled', 'Successfully assigned default/web to worker', { action: 'Binding' });
    expect(client.list('events', 'default')[0]).toMatchObject({
      reason: 'Scheduled', type: 'Normal', action: 'Binding', source: {}, firstTimestamp: null, lastTimestamp: null,
      eventTime: '2025-03-10T09:00:00.000000Z', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-master',
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u-1', resourceVersion: '9' },
    });
  });

  it('turns repeats into a series written on the second occurrence and on refresh', () => {
    const { client, rec, clock } = setup();
    const fail = () => rec.event(pod, 'Warning', 'FailedScheduling', '0/1 nodes are available', { action: 'Scheduling' });
    fail();
    clock.advance(10_000);
    fail();
    const series = () => client.list('events', 'default')[0].series as { count: number; lastObservedTime: string } | undefined;
    expect(series()).toEqual({ count: 2, lastObservedTime: '2025-03-10T09:00:10.000000Z' });
    clock.advance(60_000);
    fail();
    expect(series()?.count).toBe(2);
    clock.advance(SERIES_REFRESH_MS);
    expect(series()?.count).toBe(3);
    expect(client.list('events', 'default')).toHaveLength(1);
  });

  it('starts a new event after the series finished', () => {
    const { client, rec, clock } = setup();
    rec.event(pod, 'Warning', 'FailedScheduling', 'x', { action: 'Scheduling' });
    clock.advance(SERIES_FINISH_MS + 1);
    rec.event(pod, 'Warning', 'FailedScheduling', 'x', { action: 'Scheduling' });
    expect(client.list('events', 'default')).toHaveLength(2);
  });
});
