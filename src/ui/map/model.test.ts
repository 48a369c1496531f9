import { describe, expect, it } from 'vitest';
import type { KObject } from '../../engine/protocol';
import { chipLabel, COLLAPSE_ABOVE, createLayoutMemory, layoutMap, type MapInput, type MapOptions } from './model';
import { podStatusText, podView } from './pod-state';
import { parseQuantity, formatCpu, formatMemory } from './resources';

const node = (name: string, role?: string): KObject => ({
  apiVersion: 'v1', kind: 'Node',
  metadata: { name, labels: role ? { [`node-role.kubernetes.io/${role}`]: '' } : {} },
  status: { allocatable: { cpu: '2', memory: '2Gi' }, conditions: [{ type: 'Ready', status: 'True' }] },
});

const running = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] };

function pod(name: string, nodeName: string | undefined, opts: { ns?: string; rs?: string; hash?: string; labels?: Record<string, string>; status?: unknown; deleting?: boolean } = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: opts.ns ?? 'default', uid: `uid-${name}`,
      labels: { ...(opts.hash ? { 'pod-template-hash': opts.hash } : {}), ...opts.labels },
      ownerReferences: opts.rs ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: opts.rs, uid: `uid-${opts.rs}`, controller: true }] : undefined,
      deletionTimestamp: opts.deleting ? '2025-01-01T00:00:00Z' : undefined,
    },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '250m', memory: '64Mi' } } }] },
    status: opts.status ?? running,
  };
}

const opts = (o: Partial<MapOptions> = {}): MapOptions => ({ namespace: '', labels: '', showOwners: false, showServices: true, toggled: new Set(), ...o });
const input = (o: Partial<MapInput>): MapInput => ({ nodes: [], pods: [], services: [], endpoints: [], owners: [], ...o });

describe('layoutMap', () => {
  it('draws every node as a container, control-plane first, with its pods inside', () => {
    const g = layoutMap(input({ nodes: [node('worker'), node('master', 'control-plane'), node('worker2')], pods: [pod('web', 'worker')] }), opts(), createLayoutMemory());
    const boxes = g.nodes.filter((n) => n.kind === 'node');
    expect(boxes.map((n) => n.data.name)).toEqual(['master', 'worker', 'worker2']);
    const web = g.nodes.find((n) => n.id === 'pod:default/web')!;
    const group = g.nodes.find((n) => n.id === web.parentId)!;
    expect(group.parentId).toBe('node:worker');
    expect(boxes[1].kind === 'node' && boxes[1].data.usage).toMatchObject({ cpu: 0.25, cpuAllocatable: 2, pods: 1 });
  });

  it('keeps a pod where it is when its neighbours come and go', () => {
    const mem = createLayoutMemory();
    const nodes = [node('worker')];
    const a = pod('web-a', 'worker', { rs: 'web-1', hash: '1' }), b = pod('web-b', 'worker', { rs: 'web-1', hash: '1' }), c = pod('web-c', 'worker', { rs: 'web-1', hash: '1' });
    const first = layoutMap(input({ nodes, pods: [a, b, c] }), opts(), mem);
    const pos = (g: typeof first, id: string) => { const n = g.nodes.find((x) => x.id === id)!; return [n.x, n.y, n.parentId]; };
    const second = layoutMap(input({ nodes, pods: [a, c] }), opts(), mem);
    expect(pos(second, 'pod:default/web-c')).toEqual(pos(first, 'pod:default/web-c'));
    const d = pod('web-d', 'worker', { rs: 'web-1', hash: '1' });
    const third = layoutMap(input({ nodes, pods: [d, c, a] }), opts(), mem);
    expect(pos(third, 'pod:default/web-a')).toEqual(pos(first, 'pod:default/web-a'));
    expect(pos(third, 'pod:default/web-d')).toEqual(pos(first, 'pod:default/web-b'));
  });

  it('groups a ReplicaSet\'s pods by pod-template-hash, apart from loose pods', () => {
    const g = layoutMap(input({ nodes: [node('worker')], pods: [pod('web-x', 'worker', { rs: 'web-5d8f', hash: '5d8f' }), pod('solo', 'worker')] }), opts(), createLayoutMemory());
    const groups = g.nodes.filter((n) => n.kind === 'group');
    expect(groups.map((n) => n.kind === 'group' && [n.data.label, n.data.detail])).toEqual([['ReplicaSet web-5d8f', 'pod-template-hash=5d8f'], ['Pods', 'namespace default']]);
  });

  it('links a Service to the pods its Endpoints name', () => {
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.12', ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } } };
    const ep: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.1.2', targetRef: { kind: 'Pod', name: 'web-a', namespace: 'default' } }] }] };
    const pods = [pod('web-a', 'worker', { labels: { app: 'web' } }), pod('web-b', 'worker', { labels: { app: 'web' } })];
    const g = layoutMap(input({ nodes: [node('worker')], pods, services: [svc], endpoints: [ep] }), opts(), createLayoutMemory());
    expect(g.edges).toEqual([{ id: 'e:svc:default/web->pod:default/web-a', source: 'svc:default/web', target: 'pod:default/web-a', kind: 'endpoint' }]);
    const box = g.nodes.find((n) => n.kind === 'service')!;
    expect(box.kind === 'service' && box.data).toMatchObject({ ports: '80/TCP', endpoints: 1, clusterIP: '10.96.0.12' });
  });

  it('filters by namespace and label selector, and reports a bad selector', () => {
    const pods = [pod('a', 'worker', { labels: { app: 'web' } }), pod('b', 'worker', { labels: { app: 'db' } }), pod('dns', 'worker', { ns: 'kube-system' })];
    const names = (o: MapOptions) => layoutMap(input({ nodes: [node('worker')], pods }), o, createLayoutMemory()).nodes.filter((n) => n.kind === 'pod').map((n) => n.kind === 'pod' && n.data.name);
    expect(names(opts({ namespace: 'kube-system' }))).toEqual(['dns']);
    expect(names(opts({ labels: 'app=web' }))).toEqual(['a']);
    expect(names(opts({ labels: 'app!=web' }))).toEqual(['b', 'dns']);
    expect(layoutMap(input({ pods }), opts({ labels: 'app==(' }), createLayoutMemory()).filterError).toBe('unable to parse requirement: app==(');
  });

  it('collapses big groups once more than 200 pods are visible, unless toggled open', () => {
    const pods = Array.from({ length: COLLAPSE_ABOVE + 1 }, (_, i) => pod(`web-${i}`, 'worker', { rs: 'web-1', hash: '1' }));
    const g = layoutMap(input({ nodes: [node('worker')], pods }), opts(), createLayoutMemory());
    const group = g.nodes.find((n) => n.kind === 'group')!;
    expect(group.kind === 'group' && group.data).toMatchObject({ collapsed: true, count: 201, tones: { running: 201 } });
    expect(g.nodes.filter((n) => n.kind === 'pod')).toHaveLength(0);
    const open = layoutMap(input({ nodes: [node('worker')], pods }), opts({ toggled: new Set([group.id]) }), createLayoutMemory());
    expect(open.nodes.filter((n) => n.kind === 'pod')).toHaveLength(201);
  });

  it('puts pods without a node in a "Not scheduled" container', () => {
    const g = layoutMap(input({ nodes: [node('worker')], pods: [pod('p', undefined, { status: { phase: 'Pending' } })] }), opts(), createLayoutMemory());
    const box = g.nodes.find((n) => n.id === 'node:(unscheduled)')!;
    expect(box.kind === 'node' && box.data.name).toBe('Not scheduled');
  });

  it('draws owner chains Deployment → ReplicaSet → pod group when asked', () => {
    const dep: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'uid-web' }, spec: { replicas: 1 }, status: { readyReplicas: 1 } };
    const rs: KObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', namespace: 'default', uid: 'uid-web-1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true }] }, spec: { replicas: 1 } };
    const g = layoutMap(input({ nodes: [node('worker')], pods: [pod('web-1-a', 'worker', { rs: 'web-1', hash: '1' })], owners: [dep, rs] }), opts({ showOwners: true }), createLayoutMemory());
    expect(g.edges.map((e) => `${e.source} -> ${e.target}`)).toEqual([
      'owner:Deployment:default/web -> owner:ReplicaSet:default/web-1',
      'owner:ReplicaSet:default/web-1 -> group:worker:rs:default/uid-web-1',
    ]);
  });
});

describe('chip labels', () => {
  it('keep the random suffix of controller-made names and cut others at the end', () => {
    expect(chipLabel(pod('coredns-668d6bf9bc-xk2p9', 'w', { rs: 'coredns-668d6bf9bc' }))).toBe('coredns-66…-xk2p9');
    expect(chipLabel(pod('web-c87bbd489-kr5tx', 'w', { rs: 'web-c87bbd489' }))).toBe('web-c87bbd…-kr5tx');
    expect(chipLabel(pod('web-7d9f8-x2k4q', 'w', { rs: 'web-7d9f8' }))).toBe('web-7d9f8-x2k4q');
    expect(chipLabel(pod('kube-controller-manager-master', 'w'))).toBe('kube-controller-…');
    expect(chipLabel(pod('web', 'w'))).toBe('web');
  });
  it('link a Service to a big group once instead of to each pod', () => {
    const pods = Array.from({ length: 10 }, (_, i) => pod(`web-${i}`, 'worker', { rs: 'web-1', hash: '1', labels: { app: 'web' } }));
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
    const g = layoutMap(input({ nodes: [node('worker')], pods, services: [svc] }), opts(), createLayoutMemory());
    expect(g.edges.map((e) => e.target)).toEqual(['group:worker:rs:default/uid-web-1']);
  });
});

describe('pod status', () => {
  const withState = (state: unknown, extra: Record<string, unknown> = {}) => pod('p', 'worker', { status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 4, state, ...extra }] } });
  it('reads the STATUS column from container states as kubectl does', () => {
    expect(podStatusText(withState({ waiting: { reason: 'CrashLoopBackOff' } }))).toEqual({ status: 'CrashLoopBackOff', ready: '0/1', restarts: 4 });
    expect(podView(withState({ waiting: { reason: 'ContainerCreating' } })).tone).toBe('creating');
    expect(podView(pod('p', 'w', { status: { phase: 'Succeeded', containerStatuses: [{ name: 'c', ready: false, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] } }))).toMatchObject({ status: 'Completed', tone: 'completed' });
    expect(podView(pod('p', 'w', { deleting: true }))).toMatchObject({ status: 'Terminating', tone: 'terminating' });
    expect(podView(withState({ running: {} }))).toMatchObject({ status: 'Running', tone: 'notready', allReady: false });
    expect(podView(pod('p', 'w'))).toMatchObject({ status: 'Running', ready: '1/1', tone: 'running' });
    expect(podView(pod('p', undefined, { status: { phase: 'Pending' } }))).toMatchObject({ status: 'Pending', ready: '0/1', tone: 'pending' });
  });
});

describe('quantities', () => {
  it('parses and prints CPU and memory as describe node does', () => {
    expect(parseQuantity('250m')).toBe(0.25);
    expect(parseQuantity('128Mi')).toBe(128 * 1024 * 1024);
    expect(formatCpu(0.75)).toBe('750m');
    expect(formatCpu(2)).toBe('2');
    expect(formatMemory(2 * 1024 ** 3)).toBe('2Gi');
    expect(formatMemory(170 * 1024 ** 2)).toBe('170Mi');
    expect(formatMemory(3912896 * 1024)).toBe('3.7Gi');
  });
});
