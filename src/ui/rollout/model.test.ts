import { describe, it, expect } from 'vitest';
import type { KObject } from '../../engine/protocol';
import type { ObjectMirror } from '../store';
import { autoSelect, budgetOf, deploymentEntries, rolloutView, scaledValue } from './model';

const deploy = (over: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'kubia', namespace: 'default', uid: 'd1', generation: 2 },
  spec: { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, ...over },
  status: { observedGeneration: 2, updatedReplicas: 1 },
} as unknown as KObject);

const rs = (name: string, rev: string, hash: string, desired: number, current: number, ready: number, image: string): KObject => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: { name, namespace: 'default', uid: `u-${name}`, labels: { app: 'kubia', 'pod-template-hash': hash },
    annotations: { 'deployment.kubernetes.io/revision': rev }, ownerReferences: [{ kind: 'Deployment', name: 'kubia', uid: 'd1' }] },
  spec: { replicas: desired, template: { spec: { containers: [{ name: 'kubia', image }] } } },
  status: { replicas: current, readyReplicas: ready, availableReplicas: ready },
} as unknown as KObject);

const pod = (name: string, hash: string, owner?: string): KObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'kubia', 'pod-template-hash': hash },
    ...(owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: owner, uid: `u-${owner}` }] } : {}) },
  spec: { containers: [{ name: 'kubia', image: 'x' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'kubia', ready: true, restartCount: 0, state: { running: {} } }] },
} as unknown as KObject);

function mirror(objs: KObject[]): ObjectMirror {
  const out: Record<string, Record<string, KObject>> = {};
  for (const o of objs) (out[o.kind] ??= {})[`${o.metadata?.namespace}/${o.metadata?.name}`] = o;
  return out;
}

describe('budget', () => {
  it('rounds surge up and unavailable down like upstream ResolveFenceposts', () => {
    expect(budgetOf(deploy())).toMatchObject({ maxSurge: 1, maxUnavailable: 0, maxPods: 4, minAvailable: 3 });
    expect(budgetOf(deploy({ replicas: 10 }))).toMatchObject({ maxSurge: 3, maxUnavailable: 2, maxPods: 13, minAvailable: 8 });
    expect(budgetOf(deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } })))
      .toMatchObject({ maxSurge: 0, maxUnavailable: 1, minAvailable: 2 });
    expect(budgetOf(deploy({ strategy: { type: 'Recreate' } }))).toMatchObject({ strategy: 'Recreate', maxSurge: 0 });
    expect(scaledValue('50%', 3, true)).toBe(2);
    expect(scaledValue('50%', 3, false)).toBe(1);
  });
});

describe('rolloutView', () => {
  const objs = mirror([
    deploy(),
    rs('kubia-old', '1', 'aaa', 2, 3, 3, 'luksa/kubia:v1'),
    rs('kubia-new', '2', 'bbb', 2, 1, 0, 'luksa/kubia:v2'),
    rs('kubia-ancient', '0', 'zzz', 0, 0, 0, 'luksa/kubia:v0'),
    pod('kubia-old-a', 'aaa', 'kubia-old'), pod('kubia-old-b', 'aaa', 'kubia-old'), pod('kubia-old-c', 'aaa'),
    pod('kubia-new-x', 'bbb', 'kubia-new'),
  ]);

  it('lists ReplicaSets newest revision first with counts and pods marked with their revision', () => {
    const v = rolloutView(objs.Deployment['default/kubia'], objs);
    expect(v.replicaSets.map((r) => [r.name, r.revision, r.isNew, r.desired, r.current, r.ready])).toEqual([
      ['kubia-new', '2', true, 2, 1, 0], ['kubia-old', '1', false, 2, 3, 3],
    ]);
    expect(v.replicaSets[1].pods.map((p) => `${p.name}@${p.revision}`)).toEqual(['kubia-old-a@1', 'kubia-old-b@1', 'kubia-old-c@1']);
    expect(v.replicaSets[0].pods.map((p) => `${p.name}@${p.revision}`)).toEqual(['kubia-new-x@2']);
    expect(v.replicaSets[0].image).toBe('luksa/kubia:v2');
    expect(v).toMatchObject({ pods: 4, available: 3, complete: false, paused: false });
  });

  it('is complete once the new ReplicaSet has every replica available and the old ones are empty', () => {
    const done = mirror([deploy(), rs('kubia-old', '1', 'aaa', 0, 0, 0, 'v1'), rs('kubia-new', '2', 'bbb', 3, 3, 3, 'v2')]);
    expect(rolloutView(done.Deployment['default/kubia'], done).complete).toBe(true);
    expect(deploymentEntries(done)).toEqual([{ id: 'default/kubia', namespace: 'default', name: 'kubia', complete: true }]);
  });
});

describe('autoSelect', () => {
  const e = (id: string, complete: boolean) => ({ id, namespace: id.split('/')[0], name: id.split('/')[1], complete });
  it('keeps the choice, else a rolling one, else the last shown, else the first outside kube-system', () => {
    const list = [e('default/a', true), e('default/b', false), e('kube-system/coredns', true)];
    expect(autoSelect(list, 'default/a', null)).toBe('default/a');
    expect(autoSelect(list, null, 'default/a')).toBe('default/b');
    expect(autoSelect([e('default/a', true), e('default/b', true)], null, 'default/b')).toBe('default/b');
    expect(autoSelect([e('kube-system/coredns', true), e('x/y', true)], null, null)).toBe('x/y');
    expect(autoSelect([], null, 'gone')).toBeNull();
  });
});
