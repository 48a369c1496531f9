import { describe, it, expect } from 'vitest';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../types';
import type { EventRecorder } from '../../events';
import { VirtualClock, clone } from '../../util';
import { createFakeClient } from '../runtime';
import type { FakeClient } from '../runtime';
import { startFakeReplicaSets } from './fake-rs';
import { computeHash, createDeploymentController, safeEncodeString } from './index';

function setup(available?: (rs: ReplicaSet) => number) {
  const clock = new VirtualClock(Date.UTC(2025, 2, 10, 9, 0, 0));
  const client = createFakeClient(clock);
  const events: string[] = [];
  const recorder = (): EventRecorder => ({ event: (obj, type, reason, message) => { events.push(`${type} ${reason} ${obj.metadata.name}: ${message}`); } });
  const rs = startFakeReplicaSets(client, available);
  const ctrl = createDeploymentController({ client, clock, rng: { next: () => 0 } as never, recorder });
  ctrl.start();
  return { clock, client, events, ctrl, rs };
}

function deployment(name: string, image: string, extra: Partial<NonNullable<Deployment['spec']>> = {}): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: 'default', generation: 1, labels: { app: name } },
    spec: {
      replicas: 3, selector: { matchLabels: { app: name } }, progressDeadlineSeconds: 600, revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: name, image }] } },
      ...extra,
    },
  };
}

const rsList = (c: FakeClient) => (c.list('replicasets', 'default') as ReplicaSet[]).sort((a, b) => (a.metadata!.creationTimestamp! < b.metadata!.creationTimestamp! ? -1 : 1));
const dep = (c: FakeClient, name = 'kubia') => c.get('deployments', 'default', name) as Deployment;
const setImage = (c: FakeClient, image: string, name = 'kubia') => {
  const d = clone(dep(c, name)) as KObject & Deployment;
  d.spec!.template.spec!.containers[0].image = image;
  (d.metadata as { generation?: number }).generation = (d.metadata.generation ?? 1) + 1;
  c.update('deployments', 'default', d);
};

describe('pod-template-hash', () => {
  it('renders the FNV sum with SafeEncodeString and folds in the collision count', () => {
    expect(safeEncodeString('2248269567')).toBe('668d6bf9bc');
    const t = { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v1' }] } };
    const h = computeHash(t);
    expect(h).toMatch(/^[bcdf4-9]{1,10}$/);
    expect(computeHash(clone(t))).toBe(h);
    expect(computeHash(t, 1)).not.toBe(h);
    expect(computeHash({ ...t, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia:v2' }] } })).not.toBe(h);
  });
});

describe('deployment controller', () => {
  it('creates a hashed ReplicaSet, records the scale-up and reports availability', () => {
    const { clock, client, events } = setup();
    client.create('deployments', 'default', deployment('kubia', 'luksa/kubia:v1'));
    clock.runDue();
    const [rs] = rsList(client);
    const hash = rs.metadata!.labels!['pod-template-hash'];
    expect(rs.metadata!.name).toBe(`kubia-${hash}`);
    expect(rs.spec!.selector.matchLabels).toEqual({ app: 'kubia', 'pod-template-hash': hash });
    expect(rs.spec!.template!.metadata!.labels).toEqual({ app: 'kubia', 'pod-template-hash': hash });
    expect(rs.spec!.replicas).toBe(3);
    expect(rs.metadata!.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.metadata!.ownerReferences![0]).toMatchObject({ kind: 'Deployment', name: 'kubia', controller: true, blockOwnerDeletion: true });
    expect(events).toEqual([`Normal ScalingReplicaSet kubia: Scaled up replica set kubia-${hash} from 0 to 3`]);
    const d = dep(client);
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status!.conditions!.map((c) => `${c.type} ${c.status} ${c.reason} ${c.message}`)).toEqual([
      'Available True MinimumReplicasAvailable Deployment has minimum availability.',
      `Progressing True NewReplicaSetAvailable ReplicaSet "kubia-${hash}" has successfully progressed.`,
    ]);
  });

  it('adopts an existing ReplicaSet with an equal template instead of creating one', () => {
    const { clock, client } = setup();
    const d = client.create('deployments', 'default', deployment('coredns', 'coredns:v1'));
    const labels = { app: 'coredns', 'pod-template-hash': '668d6bf9bc' };
    client.create('replicasets', 'default', {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: 'coredns-668d6bf9bc', labels, annotations: { 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'coredns', uid: d.metadata.uid!, controller: true }] },
      spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'coredns', image: 'coredns:v1' }] } } },
    });
    client.actions.length = 0;
    clock.runDue();
    expect(client.actions.filter((a) => a.startsWith('create') || a.startsWith('delete'))).toEqual([]);
    expect(rsList(client).map((r) => r.metadata!.name)).toEqual(['coredns-668d6bf9bc']);
    expect(dep(client, 'coredns').metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('rolls with maxSurge 1 / maxUnavailable 0 one pod at a time, then keeps the old RS at 0', () => {
    let ready = new Map<string, number>();
    const { clock, client, events } = setup((rs) => ready.get(rs.metadata!.name!) ?? rs.spec!.replicas!);
    client.create('deployments', 'default', deployment('kubia', 'luksa/kubia:v1', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    clock.runDue();
    const oldName = rsList(client)[0].metadata!.name!;
    events.length = 0;
    ready = new Map([[oldName, 3]]);
    const hold = (n: number) => { for (const r of rsList(client)) if (r.metadata!.name !== oldName) ready.set(r.metadata!.name!, n); };
    // The new RS's pods are not available until the test says so.
    const origCreate = client.create.bind(client);
    client.create = (r, ns, o) => { if (r === 'replicasets') ready.set(o.metadata.name!, 0); return origCreate(r, ns, o); };
    setImage(client, 'luksa/kubia:v2');
    clock.runDue();
    const newName = rsList(client)[1].metadata!.name!;
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([3, 1]);
    expect(dep(client).status!.conditions!.find((c) => c.type === 'Progressing')!.reason).toBe('ReplicaSetUpdated');
    for (let i = 1; i <= 3; i++) {
      hold(i);
      ready.set(oldName, 3 - i);
      client.updateStatus('replicasets', 'default', { ...(client.get('replicasets', 'default', newName)), status: {} });
      clock.runDue();
    }
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([0, 3]);
    expect(events).toEqual([
      `Normal ScalingReplicaSet kubia: Scaled up replica set ${newName} from 0 to 1`,
      `Normal ScalingReplicaSet kubia: Scaled down replica set ${oldName} from 3 to 2`,
      `Normal ScalingReplicaSet kubia: Scaled up replica set ${newName} from 1 to 2`,
      `Normal ScalingReplicaSet kubia: Scaled down replica set ${oldName} from 2 to 1`,
      `Normal ScalingReplicaSet kubia: Scaled up replica set ${newName} from 2 to 3`,
      `Normal ScalingReplicaSet kubia: Scaled down replica set ${oldName} from 1 to 0`,
    ]);
    const d = dep(client);
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status!.conditions!.find((c) => c.type === 'Progressing')!.message).toBe(`ReplicaSet "${newName}" has successfully progressed.`);
  });

  it('Recreate scales the old RS to 0 and creates the new one only after its pods are gone', () => {
    const { clock, client, events } = setup();
    client.create('deployments', 'default', deployment('web', 'nginx:1.25', { strategy: { type: 'Recreate' } }));
    clock.runDue();
    const old = rsList(client)[0];
    client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-old-1', labels: old.spec!.template!.metadata!.labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: old.metadata!.name!, uid: old.metadata!.uid!, controller: true }] }, spec: {}, status: { phase: 'Running' } });
    events.length = 0;
    setImage(client, 'nginx:1.26', 'web');
    clock.runDue();
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([0]);
    client.delete('pods', 'default', 'web-old-1');
    clock.runDue();
    const [, fresh] = rsList(client);
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([0, 3]);
    expect(events).toEqual([
      `Normal ScalingReplicaSet web: Scaled down replica set ${old.metadata!.name} from 3 to 0`,
      `Normal ScalingReplicaSet web: Scaled up replica set ${fresh.metadata!.name} from 0 to 3`,
    ]);
  });

  it('scales proportionally during a rollout', () => {
    const { clock, client } = setup((rs) => (rs.spec!.template!.spec!.containers[0].image === 'bad' ? 0 : rs.spec!.replicas!));
    client.create('deployments', 'default', deployment('web', 'nginx', { replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    clock.runDue();
    setImage(client, 'bad', 'web');
    clock.runDue();
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([8, 5]);
    const d = clone(dep(client, 'web')) as KObject & Deployment;
    d.spec!.replicas = 15;
    client.update('deployments', 'default', d);
    clock.runDue();
    // 13 → 18 (15 + maxSurge 3): the larger old RS takes 8*18/13 ≈ 11, the new one the rest.
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([11, 7]);
    expect(rsList(client).map((r) => r.metadata!.annotations!['deployment.kubernetes.io/desired-replicas'])).toEqual(['15', '15']);
  });

  it('keeps revisionHistoryLimit old ReplicaSets and reuses an old RS on rollback with revision-history', () => {
    const { clock, client } = setup();
    client.create('deployments', 'default', deployment('web', 'nginx:1', { revisionHistoryLimit: 1 }));
    clock.runDue();
    for (const v of ['nginx:2', 'nginx:3']) { setImage(client, v, 'web'); clock.runDue(); clock.runDue(); }
    expect(rsList(client).map((r) => `${r.spec!.template!.spec!.containers[0].image}@${r.metadata!.annotations!['deployment.kubernetes.io/revision']}`)).toEqual(['nginx:2@2', 'nginx:3@3']);
    setImage(client, 'nginx:2', 'web');
    clock.runDue();
    const back = rsList(client).find((r) => r.spec!.template!.spec!.containers[0].image === 'nginx:2')!;
    expect(back.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('4');
    expect(back.metadata!.annotations!['deployment.kubernetes.io/revision-history']).toBe('2');
    expect(back.spec!.replicas).toBe(3);
  });

  it('reports ProgressDeadlineExceeded when the new pods never become available', () => {
    const { clock, client } = setup((rs) => (rs.spec!.template!.spec!.containers[0].image === 'luksa/kubia:v3' ? 0 : rs.spec!.replicas!));
    client.create('deployments', 'default', deployment('kubia', 'luksa/kubia:v2', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    clock.runDue();
    setImage(client, 'luksa/kubia:v3');
    clock.runDue();
    const name = rsList(client)[1].metadata!.name;
    clock.advance(600_000);
    expect(dep(client).status!.conditions!.find((c) => c.type === 'Progressing')!.reason).toBe('ReplicaSetUpdated');
    clock.advance(1_000);
    expect(dep(client).status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.` });
    expect(rsList(client).map((r) => r.spec!.replicas)).toEqual([3, 1]);
  });

  it('creates no ReplicaSet while paused and marks Progressing Unknown', () => {
    const { clock, client } = setup();
    client.create('deployments', 'default', deployment('kubia', 'luksa/kubia:v1'));
    clock.runDue();
    const d = clone(dep(client)) as KObject & Deployment;
    d.spec!.paused = true;
    client.update('deployments', 'default', d);
    setImage(client, 'luksa/kubia:v2');
    clock.runDue();
    expect(rsList(client)).toHaveLength(1);
    expect(dep(client).status!.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    const r = clone(dep(client)) as KObject & Deployment;
    delete r.spec!.paused;
    client.update('deployments', 'default', r);
    clock.runDue();
    expect(rsList(client)).toHaveLength(2);
  });
});
