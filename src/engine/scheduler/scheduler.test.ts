import { describe, it, expect } from 'vitest';
import type { KObject } from '../types';
import { VirtualClock, createRng } from '../util';
import { createFakeClient } from '../controllers/runtime';
import { createEventRecorder } from '../events';
import { createScheduler } from './index';

function node(name: string, o: { cpu?: string; memory?: string; pods?: string; taints?: unknown[]; labels?: Record<string, string>; unschedulable?: boolean } = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: { cpu: o.cpu ?? '2', memory: o.memory ?? '4Gi', pods: o.pods ?? '110' }, capacity: { cpu: o.cpu ?? '2' } },
  };
}

function pod(name: string, spec: Record<string, unknown> = {}, cpu?: string): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
    spec: { schedulerName: 'default-scheduler', containers: [{ name: 'c', image: 'nginx', resources: cpu ? { requests: { cpu } } : {} }], ...spec },
    status: { phase: 'Pending' },
  };
}

const CP_TAINT = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];

function setup(nodes: KObject[]) {
  const clock = new VirtualClock();
  const rng = createRng(42);
  const client = createFakeClient(clock);
  for (const n of nodes) client.create('nodes', undefined, n);
  const recorder = createEventRecorder({ client, clock, rng, component: 'default-scheduler' });
  const sched = createScheduler({ client, clock, rng, recorder });
  sched.start();
  const events = () => client.list('events', 'default').map((e) => `${e.type} ${e.reason} ${e.message}${(e.count as number) > 1 ? ` x${e.count}` : ''}`);
  return { clock, client, sched, events };
}

describe('scheduler', () => {
  it('binds a pod to the only fitting node and records Scheduled', () => {
    const { clock, client, events } = setup([node('master', { taints: CP_TAINT }), node('worker')]);
    client.create('pods', 'default', pod('web'));
    clock.advance(10);
    expect((client.get('pods', 'default', 'web').spec as { nodeName: string }).nodeName).toBe('worker');
    expect(client.actions).toContain('create pods default/web/binding');
    expect(events()).toEqual(['Normal Scheduled Successfully assigned default/web to worker']);
    const ev = client.list('events', 'default')[0];
    expect(ev.source).toEqual({ component: 'default-scheduler' });
    expect(ev.reportingComponent).toBe('default-scheduler');
  });

  it('reports taints and insufficient cpu with the kube-scheduler 1.32 text', () => {
    const { clock, client, events } = setup([node('master', { taints: CP_TAINT }), node('worker'), node('worker2')]);
    client.create('pods', 'default', pod('big', {}, '3'));
    clock.advance(10);
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(events()).toEqual([`Warning FailedScheduling ${msg}`]);
    const p = client.get('pods', 'default', 'big') as unknown as { spec: { nodeName?: string }; status: { conditions: Array<Record<string, string>> } };
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg })]);
  });

  it('reports a nodeSelector no node matches', () => {
    const { clock, client, events } = setup([node('master', { taints: CP_TAINT }), node('worker'), node('worker2')]);
    client.create('pods', 'default', pod('sel', { nodeSelector: { disktype: 'ssd' } }));
    clock.advance(10);
    expect(events()).toEqual(["Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."]);
  });

  it('retries when a node changes, after the backoff', () => {
    const { clock, client, events } = setup([node('worker')]);
    client.create('pods', 'default', pod('sel', { nodeSelector: { disktype: 'ssd' } }));
    clock.advance(10);
    expect(events()).toHaveLength(1);
    const n = client.get('nodes', undefined, 'worker');
    client.update('nodes', undefined, { ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disktype: 'ssd' } } });
    clock.advance(500);
    expect((client.get('pods', 'default', 'sel').spec as { nodeName?: string }).nodeName).toBeUndefined();
    clock.advance(600);
    expect((client.get('pods', 'default', 'sel').spec as { nodeName?: string }).nodeName).toBe('worker');
    expect(events()).toContain('Normal Scheduled Successfully assigned default/sel to worker');
  });

  it('counts requests of pods already on the node and aggregates repeated failures', () => {
    const { clock, client, events } = setup([node('worker', { cpu: '1' })]);
    client.create('pods', 'default', pod('a', {}, '600m'));
    clock.advance(10);
    client.create('pods', 'default', pod('b', {}, '600m'));
    clock.advance(10);
    expect((client.get('pods', 'default', 'b').spec as { nodeName?: string }).nodeName).toBeUndefined();
    clock.advance(5 * 60 * 1000);
    const failed = events().filter((e) => e.includes('FailedScheduling'));
    expect(failed).toEqual(['Warning FailedScheduling 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod. x2']);
    client.delete('pods', 'default', 'a');
    clock.advance(20_000);
    expect((client.get('pods', 'default', 'b').spec as { nodeName?: string }).nodeName).toBe('worker');
  });

  it('respects tolerations, unschedulable nodes, host ports and pod count', () => {
    const { clock, client } = setup([node('master', { taints: CP_TAINT }), node('worker', { unschedulable: true })]);
    client.create('pods', 'default', pod('tol', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    clock.advance(10);
    expect((client.get('pods', 'default', 'tol').spec as { nodeName?: string }).nodeName).toBe('master');
    client.create('pods', 'default', pod('np'));
    clock.advance(10);
    const cond = (client.get('pods', 'default', 'np').status as { conditions: Array<{ message: string }> }).conditions[0];
    expect(cond.message).toBe('0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  });

  it('spreads replicas of one owner across equal nodes, deterministically', () => {
    const run = () => {
      const { clock, client } = setup([node('worker'), node('worker2')]);
      const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-1', controller: true }];
      for (let i = 0; i < 4; i++) client.create('pods', 'default', { ...pod(`p${i}`), metadata: { name: `p${i}`, namespace: 'default', ownerReferences: owner } });
      clock.advance(10);
      return client.list('pods', 'default').map((p) => (p.spec as { nodeName: string }).nodeName);
    };
    const a = run();
    expect(a.filter((n) => n === 'worker')).toHaveLength(2);
    expect(run()).toEqual(a);
  });

  it('applies required pod anti-affinity and affinity', () => {
    const { clock, client, events } = setup([node('worker'), node('worker2')]);
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    for (const n of ['db-0', 'db-1', 'db-2']) client.create('pods', 'default', { ...pod(n, { affinity: anti }), metadata: { name: n, namespace: 'default', labels: { app: 'db' } } });
    clock.advance(10);
    const nodesOf = (names: string[]) => names.map((n) => (client.get('pods', 'default', n).spec as { nodeName?: string }).nodeName);
    expect(nodesOf(['db-0', 'db-1']).sort()).toEqual(['worker', 'worker2']);
    expect(nodesOf(['db-2'])).toEqual([undefined]);
    expect(events().filter((e) => e.includes('FailedScheduling'))).toEqual([
      "Warning FailedScheduling 0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    ]);
    const aff = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    client.create('pods', 'default', pod('web', { affinity: aff }));
    clock.advance(10);
    expect(nodesOf(['web'])).toEqual([undefined]);
    client.create('pods', 'default', { ...pod('cache', { nodeName: 'worker2' }), metadata: { name: 'cache', namespace: 'default', labels: { app: 'cache' } } });
    clock.advance(2000);
    expect(nodesOf(['web'])).toEqual(['worker2']);
  });

  it('enforces DoNotSchedule topology spread constraints', () => {
    const { clock, client } = setup([node('worker', { labels: { zone: 'a' } }), node('worker2', { labels: { zone: 'b' } }), node('edge')]);
    const tsc = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }];
    client.create('pods', 'default', { ...pod('old', { nodeName: 'worker' }), metadata: { name: 'old', namespace: 'default', labels: { app: 'web' } } });
    client.create('pods', 'default', { ...pod('w1', { topologySpreadConstraints: tsc }), metadata: { name: 'w1', namespace: 'default', labels: { app: 'web' } } });
    clock.advance(10);
    expect((client.get('pods', 'default', 'w1').spec as { nodeName?: string }).nodeName).toBe('worker2');
    client.create('pods', 'default', { ...pod('w2', { topologySpreadConstraints: tsc, nodeSelector: { zone: 'a' } }), metadata: { name: 'w2', namespace: 'default', labels: { app: 'web' } } });
    client.create('pods', 'default', { ...pod('w3', { topologySpreadConstraints: [{ ...tsc[0], maxSkew: 5 }], nodeName: undefined }), metadata: { name: 'w3', namespace: 'default', labels: { app: 'web' } } });
    clock.advance(10);
    expect((client.get('pods', 'default', 'w2').spec as { nodeName?: string }).nodeName).toBe('worker');
    expect(['worker', 'worker2']).toContain((client.get('pods', 'default', 'w3').spec as { nodeName?: string }).nodeName);
  });

  it('waits for persistent volume claims (VolumeBinding)', () => {
    const { clock, client } = setup([node('worker'), node('worker2')]);
    client.create('pods', 'default', pod('db', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }));
    clock.advance(10);
    const message = () => (client.get('pods', 'default', 'db').status as { conditions: Array<{ message: string }> }).conditions[0].message;
    expect(message()).toBe('0/2 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    client.create('persistentvolumeclaims', 'default', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } });
    clock.advance(2000);
    expect(message()).toBe('0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    client.create('persistentvolumes', undefined, {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'local-pv' },
      spec: { capacity: { storage: '1Gi' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker2'] }] }] } } },
    });
    const pvc = client.get('persistentvolumeclaims', 'default', 'data');
    client.update('persistentvolumeclaims', 'default', { ...pvc, spec: { ...(pvc.spec as object), volumeName: 'local-pv' } });
    clock.advance(5000);
    expect((client.get('pods', 'default', 'db').spec as { nodeName?: string }).nodeName).toBe('worker2');
  });

  it('preempts lower-priority pods for a higher-priority one', () => {
    const { clock, client, events } = setup([node('worker', { cpu: '1' })]);
    client.create('pods', 'default', pod('low', {}, '600m'));
    clock.advance(10);
    client.create('pods', 'default', pod('high', { priority: 1000 }, '600m'));
    clock.advance(10);
    const uid = client.get('pods', 'default', 'high').metadata.uid;
    expect(client.tryGet('pods', 'default', 'low')).toBeUndefined();
    expect(events()).toContain(`Normal Preempted Preempted by pod ${uid} on node worker`);
    expect(events()).toContain('Warning FailedScheduling 0/1 nodes are available: 1 Insufficient cpu.');
    expect((client.get('pods', 'default', 'high').status as { nominatedNodeName?: string }).nominatedNodeName).toBe('worker');
    clock.advance(1500);
    expect((client.get('pods', 'default', 'high').spec as { nodeName?: string }).nodeName).toBe('worker');
  });

  it('says when preemption is not allowed', () => {
    const { clock, client, events } = setup([node('worker', { cpu: '1' })]);
    client.create('pods', 'default', pod('low', {}, '600m'));
    clock.advance(10);
    client.create('pods', 'default', pod('polite', { priority: 1000, preemptionPolicy: 'Never' }, '600m'));
    clock.advance(10);
    expect(events()).toContain('Warning FailedScheduling 0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
    expect(client.tryGet('pods', 'default', 'low')).toBeDefined();
  });
});
