import { describe, it, expect } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { clone, rfc3339 } from '../../util';
import { createReplicaSetController } from './index';
import { barePod, newTestEnv, replicaSet } from './testutil';
import type { TestEnv } from './testutil';

type Obj = KObject & { status?: Record<string, unknown> };

function setup() {
  const env = newTestEnv();
  const ctrl = createReplicaSetController(env.deps);
  return { env, ctrl };
}

const podsOf = (env: TestEnv) => env.client.list<Pod & KObject>('pods', 'default');

// runPod binds a pod and marks it Running (and Ready since `readyAt`, when given), as scheduler and kubelet would.
function runPod(env: TestEnv, name: string, node: string, readyAt?: number, restarts = 0): void {
  env.client.post('pods', 'default', name, 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } });
  const pod = clone(env.client.get('pods', 'default', name)) as Obj;
  const ready = readyAt !== undefined;
  pod.status = {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(readyAt ?? env.clock.now()) }],
    containerStatuses: [{ name: 'web', image: 'nginx', imageID: '', ready, restartCount: restarts, started: true, state: { running: {} } }],
  };
  env.client.updateStatus('pods', 'default', pod);
}

describe('replicaset controller', () => {
  it('creates the missing pods from the template, with a controller reference and events', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 3));
    env.actions.length = 0;
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    const rs = env.client.get('replicasets', 'default', 'kubia') as Obj;
    const pods = podsOf(env);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^kubia-[a-z0-9]{5}$/);
      expect(p.metadata.generateName).toBe('kubia-');
      expect(p.metadata.labels).toEqual({ app: 'kubia' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(env.actions).toEqual([
      ...pods.map(() => expect.stringMatching(/^create pods default\/kubia-/)),
      'update/status replicasets default/kubia',
    ]);
    expect(rs.status).toEqual({ replicas: 0, observedGeneration: 1 });
    expect(env.events('kubia').sort()).toEqual(pods.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    // The next sync sees the pods and reports them.
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect((env.client.get('replicasets', 'default', 'kubia') as Obj).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it('adopts matching orphans (matchExpressions) and leaves pods of other controllers alone', () => {
    const { env, ctrl } = setup();
    for (const n of ['a', 'b']) env.client.create('pods', 'default', barePod(n, { app: 'kubia', env: 'prod' }));
    env.client.create('pods', 'default', barePod('debug', { app: 'kubia', env: 'debug' }));
    env.client.create('pods', 'default', barePod('owned', { app: 'kubia', env: 'prod' }, {}));
    const other = env.client.create('replicasets', 'default', replicaSet('other', 0, { labels: { team: 'x' } }));
    const owned = clone(env.client.get('pods', 'default', 'owned'));
    owned.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'other', uid: other.metadata.uid ?? '', controller: true }];
    env.client.update('pods', 'default', owned);
    env.client.create('replicasets', 'default', replicaSet('kubia', 2, {
      labels: { app: 'kubia', env: 'prod' },
      selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }, { key: 'env', operator: 'NotIn', values: ['debug'] }] },
    }));
    env.actions.length = 0;
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(env.actions).toEqual(['patch pods default/a', 'patch pods default/b', 'update/status replicasets default/kubia']);
    const rs = env.client.get('replicasets', 'default', 'kubia');
    expect(env.client.get('pods', 'default', 'a').metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(env.client.get('pods', 'default', 'debug').metadata.ownerReferences).toBeUndefined();
    expect(env.client.get('pods', 'default', 'owned').metadata.ownerReferences?.[0].name).toBe('other');
    expect((rs as Obj).status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 2 });
    expect(env.events('kubia')).toEqual([]);
  });

  it('releases a relabelled pod and creates a replacement', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 2));
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    const [first] = podsOf(env);
    env.client.patch('pods', 'default', first.metadata.name ?? '', 'application/merge-patch+json', { metadata: { labels: { app: 'foo' } } });
    env.actions.length = 0;
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(env.actions).toEqual([`patch pods default/${first.metadata.name}`, expect.stringMatching(/^create pods default\/kubia-/), 'update/status replicasets default/kubia']);
    expect(env.client.get('pods', 'default', first.metadata.name ?? '').metadata.ownerReferences).toBeUndefined();
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(podsOf(env).filter((p) => p.metadata.labels?.app === 'kubia' && p.metadata.ownerReferences)).toHaveLength(2);
  });

  it('does not count terminating pods and replaces them', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 1));
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    const [pod] = podsOf(env);
    runPod(env, pod.metadata.name ?? '', 'worker', env.clock.now());
    env.client.delete('pods', 'default', pod.metadata.name ?? '');
    expect(env.client.get('pods', 'default', pod.metadata.name ?? '').metadata.deletionTimestamp).toBeDefined();
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(podsOf(env)).toHaveLength(2);
    expect((env.client.get('replicasets', 'default', 'kubia') as Obj).status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1 });
  });

  it('scales down by deleting the pods ActivePods ranks first', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 5));
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    const names = podsOf(env).map((p) => p.metadata.name ?? '').sort();
    const t0 = env.clock.now();
    // names[0] stays unscheduled; names[1] runs but is not ready; names[2..4] are ready (names[4] restarted).
    runPod(env, names[1], 'worker');
    runPod(env, names[2], 'worker', t0);
    runPod(env, names[3], 'worker2', t0);
    runPod(env, names[4], 'worker2', t0, 3);
    const rs = clone(env.client.get('replicasets', 'default', 'kubia'));
    (rs.spec as { replicas: number }).replicas = 2;
    env.client.update('replicasets', 'default', rs);
    env.actions.length = 0;
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(env.actions).toEqual([`delete pods default/${names[0]}`, `delete pods default/${names[1]}`, `delete pods default/${names[4]}`, 'update/status replicasets default/kubia']);
    expect(env.events('kubia').filter((e) => e.includes('Delete'))).toEqual([names[0], names[1], names[4]].map((n) => `Normal SuccessfulDelete Deleted pod: ${n}`));
  });

  it('manages ReplicationControllers with a map selector as replication-controller', () => {
    const { env, ctrl } = setup();
    env.client.create('pods', 'default', barePod('orphan', { app: 'kubia' }));
    env.client.create('replicationcontrollers', 'default', {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' },
      spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    });
    ctrl.reconcile('ReplicationController', 'default/kubia');
    const rc = env.client.get('replicationcontrollers', 'default', 'kubia');
    const pods = podsOf(env);
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true });
    const events = env.client.list<KObject & { source: { component: string }; reason: string }>('events', 'default');
    expect(events.map((e) => `${e.source.component} ${e.reason}`)).toEqual(['replication-controller SuccessfulCreate', 'replication-controller SuccessfulCreate']);
  });

  it('creates in slow-start batches and reports ReplicaFailure until creates succeed', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 10));
    const msg = 'pods "kubia-" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3';
    // Batches 1 and 2 succeed; one create of batch 3 (size 4) fails: the batch finishes, the rest are skipped.
    env.failCreates(1, msg, 3);
    expect(() => ctrl.reconcile('ReplicaSet', 'default/kubia')).toThrow(msg);
    expect(env.podCreates()).toBe(7);
    expect(podsOf(env)).toHaveLength(6);
    const rs = env.client.get('replicasets', 'default', 'kubia') as Obj;
    expect((rs.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: msg, lastTransitionTime: rfc3339(env.clock.now()) },
    ]);
    expect(env.events('kubia')).toContain(`Warning FailedCreate Error creating: ${msg}`);
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    const after = env.client.get('replicasets', 'default', 'kubia') as Obj;
    expect(podsOf(env)).toHaveLength(10);
    expect(after.status).toEqual({ replicas: 10, fullyLabeledReplicas: 10, observedGeneration: 1 });
  });

  it('counts a ready pod as available only after minReadySeconds', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 1, { minReadySeconds: 10 }));
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    runPod(env, podsOf(env)[0].metadata.name ?? '', 'worker', env.clock.now());
    expect(ctrl.reconcile('ReplicaSet', 'default/kubia')).toEqual({ requeueAfter: 10_000 });
    expect((env.client.get('replicasets', 'default', 'kubia') as Obj).status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, observedGeneration: 1 });
    env.clock.advance(10_000);
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect((env.client.get('replicasets', 'default', 'kubia') as Obj).status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it('reacts to pod events through its informers (delete a pod → replacement)', () => {
    const { env, ctrl } = setup();
    ctrl.start();
    env.client.create('replicasets', 'default', replicaSet('kubia', 2));
    env.clock.runDue();
    const before = podsOf(env).map((p) => p.metadata.name);
    expect(before).toHaveLength(2);
    env.client.delete('pods', 'default', before[0] ?? '');
    env.clock.runDue();
    const after = podsOf(env).map((p) => p.metadata.name);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
    ctrl.stop();
  });
  it('keeps its counts right through readiness changes, a relabelled pod, a template change and deletions', () => {
    const { env, ctrl } = setup();
    env.client.create('replicasets', 'default', replicaSet('kubia', 3));
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    const status = () => (env.client.get('replicasets', 'default', 'kubia') as Obj).status;
    const [a, b, c] = podsOf(env).map((p) => p.metadata.name ?? '');
    runPod(env, a, 'node1', env.clock.now());
    runPod(env, b, 'node1', env.clock.now());
    runPod(env, c, 'node2');
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(status()).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    // An extra template label: the pods no longer carry all of it (fullyLabeled drops), the selector still matches.
    const rs = clone(env.client.get('replicasets', 'default', 'kubia')) as Obj & { spec: { template: { metadata: { labels: Record<string, string> } } } };
    rs.spec.template.metadata.labels = { app: 'kubia', tier: 'web' };
    env.client.update('replicasets', 'default', rs);
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(status()).toEqual({ replicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 });
    // A relabelled pod is released and replaced; a deleted one is replaced too.
    env.client.patch('pods', 'default', a, 'application/merge-patch+json', { metadata: { labels: { app: 'other' } } });
    env.client.delete('pods', 'default', b, { gracePeriodSeconds: 0 });
    env.actions.length = 0;
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(env.actions.filter((x) => x.startsWith('patch') || x.startsWith('create'))).toEqual([
      `patch pods default/${a}`, expect.stringMatching(/^create pods default\/kubia-/), expect.stringMatching(/^create pods default\/kubia-/),
    ]);
    expect((env.client.get('pods', 'default', a) as Obj).metadata.ownerReferences).toBeUndefined();
    ctrl.reconcile('ReplicaSet', 'default/kubia');
    expect(status()).toEqual({ replicas: 3, fullyLabeledReplicas: 2, observedGeneration: 2 });
  });
});
