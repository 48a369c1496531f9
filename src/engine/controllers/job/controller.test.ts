import { describe, it, expect } from 'vitest';
import { VirtualClock, clone, createRng, rfc3339 } from '../../util';
import { createFakeClient } from '../runtime';
import type { FakeClient } from '../runtime';
import type { ControllerDeps } from '../types';
import { createJobController, TRACKING_FINALIZER } from './index';

// Test objects are read loosely (deep optional fields); the assertions check their shape.
type Obj = any;

function harness() {
  const clock = new VirtualClock(Date.UTC(2025, 2, 10, 9, 0, 0));
  const client = createFakeClient(clock);
  // Pods holding finalizers are only marked for deletion, as the API server does.
  const realDelete = client.delete.bind(client);
  client.delete = (r, ns, name, o) => {
    if (r !== 'pods') return realDelete(r, ns, name, o);
    const p = clone(client.get(r, ns, name)) as Obj;
    if (!(p.metadata.finalizers ?? []).length) return realDelete(r, ns, name, o);
    p.metadata.deletionTimestamp = rfc3339(clock.now());
    return client.update('pods', ns, p);
  };
  const events: string[] = [];
  const deps: ControllerDeps = {
    client, clock, rng: createRng(1),
    recorder: (component) => ({ event: (obj, type, reason, message) => { events.push(`${component} ${type} ${reason}: ${message}`); } }),
  };
  createJobController(deps).start();
  return { clock, client, events };
}

function job(client: FakeClient, name: string, spec: Record<string, unknown>, restartPolicy = 'OnFailure'): Obj {
  const created = client.create<Obj>('jobs', 'default', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name } });
  const uid = created.metadata.uid;
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  const next = clone(created) as Obj;
  next.spec = { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } }, template: { metadata: { labels }, spec: { restartPolicy, containers: [{ name: 'main', image: 'luksa/batch-job' }] } }, ...spec };
  return client.update<Obj>('jobs', 'default', next);
}

const podsOf = (client: FakeClient, name: string) => client.list<Obj>('pods', 'default').filter((p) => p.metadata.labels?.['job-name'] === name);

function finish(client: FakeClient, clock: VirtualClock, p: Obj, phase: 'Succeeded' | 'Failed') {
  const next = clone(client.get('pods', 'default', p.metadata.name)) as Obj;
  next.status = { phase, containerStatuses: [{ name: 'main', restartCount: 0, state: { terminated: { exitCode: phase === 'Succeeded' ? 0 : 1, finishedAt: rfc3339(clock.now()) } } }] };
  client.updateStatus('pods', 'default', next);
}

function setRunning(client: FakeClient, p: Obj, restartCount = 0) {
  const next = clone(client.get('pods', 'default', p.metadata.name)) as Obj;
  next.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'main', restartCount, ready: true }] };
  client.updateStatus('pods', 'default', next);
}

const conditions = (client: FakeClient, name: string) =>
  (client.get<Obj>('jobs', 'default', name).status.conditions ?? []).map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`);

describe('job controller', () => {
  it('runs one pod to completion, counts it through the tracking finalizer and completes the Job', () => {
    const h = harness();
    job(h.client, 'batch-job', {});
    h.clock.advance(1);
    const [pod] = podsOf(h.client, 'batch-job');
    expect(pod.metadata.generateName).toBe('batch-job-');
    expect(pod.metadata.finalizers).toEqual([TRACKING_FINALIZER]);
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ kind: 'Job', name: 'batch-job', controller: true, blockOwnerDeletion: true });
    expect(h.client.get<Obj>('jobs', 'default', 'batch-job').status).toEqual({
      active: 1, ready: 0, startTime: '2025-03-10T09:00:00Z', terminating: 0, uncountedTerminatedPods: {},
    });
    setRunning(h.client, pod);
    h.clock.advance(1);
    expect(h.client.get<Obj>('jobs', 'default', 'batch-job').status.ready).toBe(1);
    h.clock.advance(120_000);
    finish(h.client, h.clock, pod, 'Succeeded');
    h.clock.advance(1);
    const st = h.client.get<Obj>('jobs', 'default', 'batch-job').status;
    expect(st).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, completionTime: '2025-03-10T09:02:00Z' });
    expect(st.active).toBeUndefined();
    expect(conditions(h.client, 'batch-job')).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(h.client.get<Obj>('pods', 'default', pod.metadata.name).metadata.finalizers).toBeUndefined();
    expect(h.events).toEqual([`job-controller Normal SuccessfulCreate: Created pod: ${pod.metadata.name}`, 'job-controller Normal Completed: Job completed']);
    expect(podsOf(h.client, 'batch-job')).toHaveLength(1);
  });

  it('keeps parallelism pods running until completions succeed', () => {
    const h = harness();
    job(h.client, 'multi', { completions: 3, parallelism: 2 });
    h.clock.advance(1);
    expect(podsOf(h.client, 'multi')).toHaveLength(2);
    for (const p of podsOf(h.client, 'multi')) finish(h.client, h.clock, p, 'Succeeded');
    h.clock.advance(1);
    // Only one more completion is needed: one new pod, not two.
    const active = podsOf(h.client, 'multi').filter((p) => p.status?.phase !== 'Succeeded');
    expect(active).toHaveLength(1);
    expect(h.client.get<Obj>('jobs', 'default', 'multi').status).toMatchObject({ active: 1, succeeded: 2 });
    finish(h.client, h.clock, active[0], 'Succeeded');
    h.clock.advance(1);
    expect(h.client.get<Obj>('jobs', 'default', 'multi').status.succeeded).toBe(3);
    expect(conditions(h.client, 'multi')).toContain('Complete/CompletionsReached');
  });

  it('recreates failed pods after 10 s, then 20 s, and fails past backoffLimit (restartPolicy Never)', () => {
    const h = harness();
    job(h.client, 'fail', { backoffLimit: 1 }, 'Never');
    h.clock.advance(1);
    finish(h.client, h.clock, podsOf(h.client, 'fail')[0], 'Failed');
    h.clock.advance(9_000);
    expect(podsOf(h.client, 'fail')).toHaveLength(1);
    h.clock.advance(1_000);
    expect(podsOf(h.client, 'fail')).toHaveLength(2);
    const second = podsOf(h.client, 'fail').find((p) => !p.status?.phase)!;
    finish(h.client, h.clock, second, 'Failed');
    h.clock.advance(1);
    const st = h.client.get<Obj>('jobs', 'default', 'fail').status;
    expect(st.failed).toBe(2);
    expect(conditions(h.client, 'fail')).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(h.events).toContain('job-controller Warning BackoffLimitExceeded: Job has reached the specified backoff limit');
    h.clock.advance(60_000);
    expect(podsOf(h.client, 'fail')).toHaveLength(2);
  });

  it('counts container restarts towards backoffLimit with restartPolicy OnFailure', () => {
    const h = harness();
    job(h.client, 'crash', { backoffLimit: 2 });
    h.clock.advance(1);
    const [pod] = podsOf(h.client, 'crash');
    setRunning(h.client, pod, 1);
    h.clock.advance(1);
    expect(conditions(h.client, 'crash')).toEqual([]);
    setRunning(h.client, pod, 2);
    h.clock.advance(1);
    expect(conditions(h.client, 'crash')).toEqual(['FailureTarget/BackoffLimitExceeded']);
    expect(h.client.get<Obj>('pods', 'default', pod.metadata.name).metadata.deletionTimestamp).toBeDefined();
  });

  it('fails the Job at activeDeadlineSeconds: active pods are deleted, FailureTarget then Failed once they are gone', () => {
    const h = harness();
    job(h.client, 'slow', { activeDeadlineSeconds: 30 });
    h.clock.advance(1);
    const [pod] = podsOf(h.client, 'slow');
    setRunning(h.client, pod);
    h.clock.advance(29_000);
    expect(conditions(h.client, 'slow')).toEqual([]);
    h.clock.advance(1_000);
    expect(conditions(h.client, 'slow')).toEqual(['FailureTarget/DeadlineExceeded']);
    expect(h.client.get<Obj>('jobs', 'default', 'slow').status).toMatchObject({ failed: 1, terminating: 1 });
    expect(h.events).toContain(`job-controller Normal SuccessfulDelete: Deleted pod: ${pod.metadata.name}`);
    // The kubelet finishes the pod; the finalizer is already gone, so it disappears.
    h.client.delete('pods', 'default', pod.metadata.name);
    h.clock.advance(1);
    expect(conditions(h.client, 'slow')).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(h.events).toContain('job-controller Warning DeadlineExceeded: Job was active longer than specified deadline');
    expect(h.client.get<Obj>('jobs', 'default', 'slow').status.completionTime).toBeUndefined();
  });

  it('runs one pod per completion index in Indexed mode and reports completedIndexes', () => {
    const h = harness();
    job(h.client, 'idx', { completions: 3, parallelism: 2, completionMode: 'Indexed' }, 'Never');
    h.clock.advance(1);
    const first = podsOf(h.client, 'idx');
    expect(first.map((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1']);
    expect(first.map((p) => p.metadata.generateName).sort()).toEqual(['idx-0-', 'idx-1-']);
    expect(first[0].spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
    finish(h.client, h.clock, first.find((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index'] === '1')!, 'Succeeded');
    h.clock.advance(1);
    expect(h.client.get<Obj>('jobs', 'default', 'idx').status.completedIndexes).toBe('1');
    const third = podsOf(h.client, 'idx').find((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index'] === '2');
    expect(third?.spec.hostname).toBe('idx-2');
    for (const p of podsOf(h.client, 'idx')) if (!p.status) finish(h.client, h.clock, p, 'Succeeded');
    h.clock.advance(1);
    expect(h.client.get<Obj>('jobs', 'default', 'idx').status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 });
    expect(conditions(h.client, 'idx')).toContain('Complete/CompletionsReached');
  });
});
