import { describe, it, expect } from 'vitest';
import type { KObject } from '../../types';
import { VirtualClock, clone, createRng, rfc3339 } from '../../util';
import { createFakeClient } from '../runtime';
import type { FakeClient } from '../runtime';
import type { ControllerDeps } from '../types';
import { createDaemonSetController } from './index';

// Test objects are read loosely (deep optional fields); the assertions check their shape.
type Obj = any;

function harness() {
  const clock = new VirtualClock(Date.UTC(2025, 2, 10, 9, 0, 0));
  const client = createFakeClient(clock);
  const events: string[] = [];
  const deps: ControllerDeps = {
    client, clock, rng: createRng(1),
    recorder: (component) => ({ event: (obj, type, reason, message) => { events.push(`${component} ${type} ${reason} ${obj.metadata.name}: ${message}`); } }),
  };
  const node = (name: string, labels: Record<string, string> = {}, taints: object[] = []) =>
    client.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints } });
  return { clock, client, events, deps, node };
}

const ds = (name: string, nodeSelector?: Record<string, string>, extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name, namespace: 'default', generation: 1 },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { ...(nodeSelector ? { nodeSelector } : {}), containers: [{ name: 'main', image: 'luksa/ssd-monitor' }] } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    ...extra,
  },
});

const podsOf = (client: FakeClient, app: string) => client.list<Obj>('pods', 'default').filter((p) => p.metadata.labels?.app === app);
const target = (p: Obj) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];

function markReady(client: FakeClient, clock: VirtualClock, p: Obj) {
  const next = clone(p) as Obj;
  next.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(clock.now()) }] };
  client.updateStatus('pods', 'default', next);
}

describe('daemonset controller', () => {
  it('creates one pod per node matching the nodeSelector, pinned by node affinity, and follows node labels', () => {
    const h = harness();
    h.node('master', { disk: 'ssd' }, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    h.node('worker');
    h.node('worker2');
    const ctrl = createDaemonSetController(h.deps);
    ctrl.start();
    h.client.create('daemonsets', 'default', ds('ssd-monitor', { disk: 'ssd' }));
    h.clock.advance(1);
    // master has disk=ssd but an untolerated NoSchedule taint: no pod there.
    expect(podsOf(h.client, 'ssd-monitor')).toHaveLength(0);
    const status = () => h.client.get<Obj>('daemonsets', 'default', 'ssd-monitor').status;
    expect(status()).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0, numberReady: 0, observedGeneration: 1 });

    const w = clone(h.client.get('nodes', undefined, 'worker')) as Obj;
    w.metadata.labels.disk = 'ssd';
    h.client.update('nodes', undefined, w);
    h.clock.advance(1);
    const pods = podsOf(h.client, 'ssd-monitor');
    expect(pods).toHaveLength(1);
    const pod = pods[0];
    expect(target(pod)).toBe('worker');
    expect(pod.metadata.generateName).toBe('ssd-monitor-');
    expect(pod.metadata.labels['pod-template-generation']).toBe('1');
    expect(pod.metadata.labels['controller-revision-hash']).toMatch(/^[a-z0-9]{6,10}$/);
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ kind: 'DaemonSet', name: 'ssd-monitor', controller: true, blockOwnerDeletion: true });
    expect(pod.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(h.events).toContain(`daemonset-controller Normal SuccessfulCreate ssd-monitor: Created pod: ${pod.metadata.name}`);
    const revs = h.client.list<Obj>('controllerrevisions', 'default');
    expect(revs).toHaveLength(1);
    expect(revs[0].metadata.name).toBe(`ssd-monitor-${pod.metadata.labels['controller-revision-hash']}`);
    expect(revs[0].revision).toBe(1);

    markReady(h.client, h.clock, pod);
    h.clock.advance(1);
    expect(status()).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, numberAvailable: 1, updatedNumberScheduled: 1, numberMisscheduled: 0 });

    // Relabel the node out of the selector: its pod is deleted.
    const w2 = clone(h.client.get('nodes', undefined, 'worker')) as Obj;
    w2.metadata.labels.disk = 'hdd';
    h.client.update('nodes', undefined, w2);
    h.clock.advance(1);
    expect(podsOf(h.client, 'ssd-monitor')).toHaveLength(0);
    expect(h.events).toContain(`daemonset-controller Normal SuccessfulDelete ssd-monitor: Deleted pod: ${pod.metadata.name}`);
    expect(status()).toMatchObject({ desiredNumberScheduled: 0, currentNumberScheduled: 0 });
  });

  it('adopts an existing revision and pods without creating or deleting anything', () => {
    const h = harness();
    h.node('a');
    h.node('b');
    const d = h.client.create<Obj>('daemonsets', 'default', { ...ds('proxy'), metadata: { name: 'proxy', namespace: 'default', generation: 1, annotations: { 'deprecated.daemonset.template.generation': '1' } } });
    const owner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'proxy', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }];
    h.client.create('controllerrevisions', 'default', {
      apiVersion: 'apps/v1', kind: 'ControllerRevision', revision: 1,
      metadata: { name: 'proxy-abcdefghij', labels: { app: 'proxy', 'controller-revision-hash': 'abcdefghij' }, ownerReferences: owner },
      data: { spec: { template: { $patch: 'replace', ...d.spec.template } } },
    } as KObject);
    for (const n of ['a', 'b']) {
      h.client.create('pods', 'default', {
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: `proxy-${n}`, labels: { app: 'proxy', 'controller-revision-hash': 'abcdefghij', 'pod-template-generation': '1' }, ownerReferences: owner },
        spec: { nodeName: n, containers: [] },
      });
    }
    const before = h.client.actions.length;
    createDaemonSetController(h.deps).start();
    h.clock.advance(1);
    expect(h.client.actions.slice(before)).toEqual(['update daemonsets default/proxy/status']);
    expect(h.client.get<Obj>('daemonsets', 'default', 'proxy').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2 });
  });

  it('rolls a template change out one node at a time (maxUnavailable 1) and records a new revision', () => {
    const h = harness();
    h.node('a');
    h.node('b');
    createDaemonSetController(h.deps).start();
    h.client.create('daemonsets', 'default', ds('agent'));
    h.clock.advance(1);
    for (const p of podsOf(h.client, 'agent')) markReady(h.client, h.clock, p);
    h.clock.advance(1);
    const oldHash = podsOf(h.client, 'agent')[0].metadata.labels['controller-revision-hash'];
    const cur = clone(h.client.get('daemonsets', 'default', 'agent')) as Obj;
    cur.spec.template.spec.containers[0].image = 'busybox';
    cur.metadata.generation = 2;
    h.client.update('daemonsets', 'default', cur);
    h.clock.advance(1);
    // One old pod was deleted and replaced; the other old pod waits until the new one is available.
    let pods = podsOf(h.client, 'agent');
    expect(pods.filter((p) => p.metadata.labels['controller-revision-hash'] === oldHash)).toHaveLength(1);
    const fresh = pods.filter((p) => p.metadata.labels['controller-revision-hash'] !== oldHash);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].metadata.labels['pod-template-generation']).toBe('2');
    markReady(h.client, h.clock, fresh[0]);
    h.clock.advance(1);
    pods = podsOf(h.client, 'agent');
    expect(pods.every((p) => p.metadata.labels['controller-revision-hash'] !== oldHash)).toBe(true);
    expect(h.client.list<Obj>('controllerrevisions', 'default').map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('leaves pods alone under OnDelete', () => {
    const h = harness();
    h.node('a');
    createDaemonSetController(h.deps).start();
    h.client.create('daemonsets', 'default', ds('od', undefined, { updateStrategy: { type: 'OnDelete' } }));
    h.clock.advance(1);
    const [pod] = podsOf(h.client, 'od');
    const cur = clone(h.client.get('daemonsets', 'default', 'od')) as Obj;
    cur.spec.template.spec.containers[0].image = 'busybox';
    cur.metadata.generation = 2;
    h.client.update('daemonsets', 'default', cur);
    h.clock.advance(1);
    expect(podsOf(h.client, 'od').map((p) => p.metadata.name)).toEqual([pod.metadata.name]);
    expect(h.client.get<Obj>('daemonsets', 'default', 'od').status.updatedNumberScheduled).toBe(0);
  });
});
