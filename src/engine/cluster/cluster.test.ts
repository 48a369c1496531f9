import { describe, it, expect } from 'vitest';
import type { KObject } from '../types';
import { DEFAULT_EPOCH } from '../util';
import { createCluster } from './index';

type Pod = KObject & { spec: { nodeName?: string }; status: { phase?: string; podIP?: string; conditions?: Array<{ type: string; status: string }> } };

describe('createCluster', () => {
  const cluster = createCluster();
  const { client } = cluster;

  it('hands over five minutes after kubeadm init', () => {
    expect(cluster.clock.now()).toBe(DEFAULT_EPOCH + 5 * 60_000);
  });

  it('has the three default nodes with their IPs, CIDRs and taints', () => {
    const nodes = client.list('nodes');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['master', 'worker', 'worker2']);
    expect(cluster.nodeNames()).toEqual(['master', 'worker', 'worker2']);
    const ips = nodes.map((n) => (n.status as { addresses: Array<{ type: string; address: string }> }).addresses.find((a) => a.type === 'InternalIP')?.address);
    expect(ips).toEqual(['192.168.1.2', '192.168.1.3', '192.168.1.4']);
    expect(nodes.map((n) => (n.spec as { podCIDR: string }).podCIDR)).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24']);
    expect((nodes[0].spec as { taints: unknown[] }).taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(nodes[0].metadata.labels?.['node-role.kubernetes.io/control-plane']).toBe('');
    const ready = (nodes[1].status as { conditions: Array<{ type: string; status: string; reason: string }> }).conditions.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady' });
  });

  it('runs every kube-system pod, Ready, with the kubeadm names', () => {
    const pods = client.list<Pod>('pods', 'kube-system');
    const names = pods.map((p) => p.metadata.name ?? '').sort();
    expect(names.filter((n) => n.endsWith('-master'))).toEqual(['etcd-master', 'kube-apiserver-master', 'kube-controller-manager-master', 'kube-scheduler-master']);
    expect(names.filter((n) => /^coredns-668d6bf9bc-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toHaveLength(2);
    expect(names.filter((n) => /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toHaveLength(3);
    for (const p of pods) {
      expect(p.status.phase, p.metadata.name).toBe('Running');
      expect(p.status.conditions?.find((c) => c.type === 'Ready')?.status, p.metadata.name).toBe('True');
    }
    const proxyNodes = pods.filter((p) => p.metadata.name?.startsWith('kube-proxy-')).map((p) => p.spec.nodeName).sort();
    expect(proxyNodes).toEqual(['master', 'worker', 'worker2']);
    const etcd = pods.find((p) => p.metadata.name === 'etcd-master')!;
    expect(etcd.status.podIP).toBe('192.168.1.2');
    for (const p of pods.filter((x) => x.metadata.name?.startsWith('coredns-'))) expect(p.status.podIP).toMatch(/^10\.244\.\d\.\d+$/);
  });

  it('serves the system namespaces, services and service accounts', () => {
    expect(client.list('namespaces').map((n) => n.metadata.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const svcs = client.list('services').map((s) => `${s.metadata.namespace}/${s.metadata.name} ${(s.spec as { clusterIP: string }).clusterIP}`);
    expect(svcs.sort()).toEqual(['default/kubernetes 10.96.0.1', 'kube-system/kube-dns 10.96.0.10']);
    for (const ns of ['default', 'kube-public', 'kube-node-lease', 'kube-system']) {
      expect(client.tryGet('serviceaccounts', ns, 'default'), ns).toBeDefined();
      expect(client.tryGet('configmaps', ns, 'kube-root-ca.crt'), ns).toBeDefined();
    }
    const ep = client.get('endpoints', 'kube-system', 'kube-dns') as KObject & { subsets: Array<{ addresses: unknown[] }> };
    expect(ep.subsets[0].addresses).toHaveLength(2);
    const deploy = client.get('deployments', 'kube-system', 'coredns') as KObject & { status: { readyReplicas: number } };
    expect(deploy.status.readyReplicas).toBe(2);
  });

  it('gives a new namespace its default service account and schedules user pods on workers', () => {
    client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    cluster.advance(100);
    expect(client.tryGet('serviceaccounts', 'demo', 'default')).toBeDefined();
    client.create('pods', 'demo', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    cluster.advance(10_000);
    const pod = client.get<Pod>('pods', 'demo', 'web');
    expect(['worker', 'worker2']).toContain(pod.spec.nodeName);
    expect(pod.status.phase).toBe('Running');
    const evs = client.list('events', 'demo').map((e) => e.reason);
    expect(evs).toContain('Scheduled');
    client.delete('namespaces', undefined, 'demo');
    cluster.advance(60_000);
    expect(client.tryGet('namespaces', undefined, 'demo')).toBeUndefined();
  });

  it('reports an unschedulable pod through the real API server', () => {
    client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] } });
    cluster.advance(1000);
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    const pod = client.get<Pod>('pods', 'default', 'big');
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg })]);
    const ev = client.list('events', 'default').filter((e) => (e.involvedObject as { name: string }).name === 'big');
    expect(ev.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([`Warning FailedScheduling ${msg}`]);
    expect(ev[0]).toMatchObject({ source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-master', action: 'Scheduling', firstTimestamp: null });
    client.delete('pods', 'default', 'big', { gracePeriodSeconds: 0 });
  });

  it('is deterministic for a seed', () => {
    const snapshot = (c: ReturnType<typeof createCluster>) => c.client.list('pods', 'kube-system').map((p) => `${p.metadata.name} ${p.metadata.uid} ${(p.spec as { nodeName: string }).nodeName} ${(p.status as { podIP: string }).podIP}`);
    const a = createCluster({ seed: 7 });
    const b = createCluster({ seed: 7 });
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(createCluster({ seed: 8 }))).not.toEqual(snapshot(a));
  });
});

describe('the API server keeps its own Service', () => {
  it('recreates default/kubernetes and its endpoints within 10 s of their deletion, with the same ClusterIP', () => {
    const cluster = createCluster();
    const { client } = cluster;
    const old = client.get('services', 'default', 'kubernetes');
    client.delete('services', 'default', 'kubernetes');
    client.delete('endpoints', 'default', 'kubernetes');
    cluster.advance(10_000);
    const svc = client.get('services', 'default', 'kubernetes');
    expect(svc.metadata.uid).not.toBe(old.metadata.uid);
    expect((svc.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    expect(client.get('endpoints', 'default', 'kubernetes').subsets).toEqual([{ addresses: [{ ip: '192.168.1.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    cluster.stop();
  });
});
