import { describe, it, expect } from 'vitest';
import { VirtualClock, clone, createRng, rfc3339 } from '../../util';
import { createFakeClient } from '../runtime';
import type { FakeClient } from '../runtime';
import type { ControllerDeps } from '../types';
import { createCronJobController } from './index';

// Test objects are read loosely (deep optional fields); the assertions check their shape.
type Obj = any;

function harness() {
  const clock = new VirtualClock(Date.UTC(2025, 2, 10, 9, 5, 0));
  const client = createFakeClient(clock);
  const events: string[] = [];
  const deps: ControllerDeps = {
    client, clock, rng: createRng(1),
    recorder: (component) => ({ event: (_obj, type, reason, message) => { events.push(`${component} ${type} ${reason}: ${message}`); } }),
  };
  createCronJobController(deps).start();
  return { clock, client, events };
}

function cronjob(client: FakeClient, name: string, spec: Record<string, unknown>): Obj {
  return client.create<Obj>('cronjobs', 'default', {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name },
    spec: {
      concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { labels: { app: name } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } } },
      ...spec,
    },
  });
}

function complete(client: FakeClient, clock: VirtualClock, name: string, type = 'Complete') {
  const j = clone(client.get('jobs', 'default', name)) as Obj;
  j.status = { startTime: j.metadata.creationTimestamp, completionTime: rfc3339(clock.now()), conditions: [{ type, status: 'True' }] };
  client.updateStatus('jobs', 'default', j);
}

const jobNames = (client: FakeClient) => client.list<Obj>('jobs', 'default').map((j) => j.metadata.name).sort();

describe('cronjob controller', () => {
  it('creates <name>-<minutes since epoch> at each scheduled minute and tracks status', () => {
    const h = harness();
    cronjob(h.client, 'every-fifteen', { schedule: '0,15,30,45 * * * *' });
    h.clock.advance(9 * 60_000);
    expect(jobNames(h.client)).toEqual([]);
    h.clock.advance(61_000);
    const minutes = Date.UTC(2025, 2, 10, 9, 15) / 60_000;
    expect(jobNames(h.client)).toEqual([`every-fifteen-${minutes}`]);
    const j = h.client.get<Obj>('jobs', 'default', `every-fifteen-${minutes}`);
    expect(j.metadata.labels).toEqual({ app: 'every-fifteen' });
    expect(j.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-03-10T09:15:00Z' });
    expect(j.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'every-fifteen', controller: true });
    let cj = h.client.get<Obj>('cronjobs', 'default', 'every-fifteen');
    expect(cj.status.lastScheduleTime).toBe('2025-03-10T09:15:00Z');
    expect(cj.status.active).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace: 'default', resourceVersion: expect.any(String), uid: j.metadata.uid }]);
    expect(h.events).toEqual([`cronjob-controller Normal SuccessfulCreate: Created job every-fifteen-${minutes}`]);
    h.clock.advance(120_000);
    complete(h.client, h.clock, j.metadata.name);
    h.clock.advance(1);
    cj = h.client.get<Obj>('cronjobs', 'default', 'every-fifteen');
    expect(cj.status.active).toBeUndefined();
    expect(cj.status.lastSuccessfulTime).toBe(rfc3339(h.clock.now() - 1));
    expect(h.events).toContain(`cronjob-controller Normal SawCompletedJob: Saw completed job: every-fifteen-${minutes}, condition: Complete`);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs and deletes the oldest', () => {
    const h = harness();
    cronjob(h.client, 'tick', { schedule: '*/1 * * * *', successfulJobsHistoryLimit: 2 });
    h.clock.advance(1_000);
    for (let i = 0; i < 4; i++) {
      h.clock.advance(60_000);
      for (const n of jobNames(h.client)) if (!h.client.get<Obj>('jobs', 'default', n).status) complete(h.client, h.clock, n);
    }
    h.clock.advance(1);
    const base = Date.UTC(2025, 2, 10, 9, 6) / 60_000;
    expect(jobNames(h.client)).toEqual([`tick-${base + 2}`, `tick-${base + 3}`]);
    expect(h.events.filter((e) => e.includes('SuccessfulDelete'))).toEqual([
      `cronjob-controller Normal SuccessfulDelete: Deleted job tick-${base}`, `cronjob-controller Normal SuccessfulDelete: Deleted job tick-${base + 1}`,
    ]);
  });

  it('Forbid skips a run while one is active; Replace deletes the active Job; suspend stops runs', () => {
    const h = harness();
    cronjob(h.client, 'f', { schedule: '*/1 * * * *', concurrencyPolicy: 'Forbid' });
    h.clock.advance(121_000);
    expect(jobNames(h.client)).toHaveLength(1);
    expect(h.events).toContain('cronjob-controller Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');

    const r = harness();
    cronjob(r.client, 'r', { schedule: '*/1 * * * *', concurrencyPolicy: 'Replace' });
    r.clock.advance(61_000);
    const [first] = jobNames(r.client);
    r.clock.advance(60_000);
    expect(jobNames(r.client)).not.toContain(first);
    expect(jobNames(r.client)).toHaveLength(1);
    expect(r.events).toContain(`cronjob-controller Normal SuccessfulDelete: Deleted job ${first}`);

    const s = harness();
    cronjob(s.client, 's', { schedule: '*/1 * * * *', suspend: true });
    s.clock.advance(300_000);
    expect(jobNames(s.client)).toEqual([]);
  });

  it('warns about too many missed start times and starts only the most recent one', () => {
    const h = harness();
    h.client.create('cronjobs', 'default', {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'late', creationTimestamp: '2025-03-10T06:00:00Z' },
      spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Allow', jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    });
    h.clock.advance(1);
    expect(h.events[0]).toBe('cronjob-controller Warning TooManyMissedTimes: too many missed start times: 185. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    expect(jobNames(h.client)).toEqual([`late-${Date.UTC(2025, 2, 10, 9, 5) / 60_000}`]);
  });
});
