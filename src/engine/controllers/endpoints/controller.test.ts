import { describe, it, expect } from 'vitest';
import type { Endpoints, EndpointSubset } from 'kubernetes-types/core/v1';
import { createSandbox } from '../../sandbox';
import type { KObject } from '../../types';
import { repackSubsets } from './repack';
import { truncateSubsets } from './capacity';
import { BATCH_MS, createPodBatcher } from './watch';
import { VirtualClock } from '../../util';

type Ep = Endpoints & KObject;

const RC = (readiness: boolean, ports = '        - containerPort: 8080') => `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
        tier: web
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
${ports}
${readiness ? '        readinessProbe:\n          exec:\n            command: [ls, /var/ready]\n' : ''}`;

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: kubia
  labels:
    team: web
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`;

const ips = (ss: EndpointSubset[] | undefined, key: 'addresses' | 'notReadyAddresses') => (ss ?? []).flatMap((s) => (s[key] ?? []).map((a) => a.ip)).sort();

describe('endpoints controller', () => {
  it('puts ready pods in addresses and moves a pod over when its readiness probe starts passing', async () => {
    const sb = createSandbox();
    await sb.apply(RC(true));
    await sb.apply(SVC);
    sb.advance(20_000);
    const client = sb.cluster.client;
    let ep = client.get<Ep>('endpoints', 'default', 'kubia');
    expect(ep.metadata.labels).toEqual({ team: 'web' });
    expect(ips(ep.subsets, 'addresses')).toEqual([]);
    expect(ips(ep.subsets, 'notReadyAddresses')).toHaveLength(3);
    expect(ep.subsets?.[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const pod = client.list('pods', 'default')[0];
    const ip = (pod.status as { podIP: string }).podIP;
    const addr = ep.subsets?.[0].notReadyAddresses?.find((a) => a.ip === ip);
    expect(addr).toEqual({ ip, nodeName: (pod.spec as { nodeName: string }).nodeName, targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: 'default', uid: pod.metadata.uid } });

    expect((await sb.run(`kubectl exec ${pod.metadata.name} -- touch /var/ready`)).code).toBe(0);
    sb.advance(10_000);
    ep = client.get<Ep>('endpoints', 'default', 'kubia');
    expect(ips(ep.subsets, 'addresses')).toEqual([ip]);
    expect(ips(ep.subsets, 'notReadyAddresses')).toHaveLength(2);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-03-10T09:05:\d\dZ$/);
    expect((await sb.run('kubectl get endpoints kubia')).stdout).toBe(`NAME    ENDPOINTS         AGE\nkubia   ${ip}:8080   30s\n`);
  });

  it('resolves a named targetPort per pod and leaves out pods without that port name', async () => {
    const sb = createSandbox();
    await sb.apply(RC(false, '        - name: http\n          containerPort: 8080\n        - name: https\n          containerPort: 8443'));
    await sb.apply(`apiVersion: v1
kind: Pod
metadata:
  name: plain
  labels:
    tier: web
spec:
  containers:
  - name: kubia
    image: luksa/kubia
    ports:
    - containerPort: 9999
`);
    await sb.apply(`apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: https
    port: 443
    targetPort: https
  selector:
    tier: web
`);
    sb.advance(60_000);
    const ep = sb.cluster.client.get<Ep>('endpoints', 'default', 'kubia');
    expect(sb.cluster.client.list('pods', 'default').map((p) => (p.status as { phase: string }).phase)).toEqual(['Running', 'Running', 'Running', 'Running']);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets?.[0].addresses).toHaveLength(3);
    const plainIP = (sb.cluster.client.get('pods', 'default', 'plain').status as { podIP: string }).podIP;
    expect(ips(ep.subsets, 'addresses')).not.toContain(plainIP);
    // Ports come in RepackSubsets' hash order: https before http.
    expect(ep.subsets?.[0].ports).toEqual([{ name: 'https', port: 8443, protocol: 'TCP' }, { name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('leaves a selectorless Service and its hand-made Endpoints alone, and deletes Endpoints with their Service', async () => {
    const sb = createSandbox();
    await sb.apply(`apiVersion: v1
kind: Service
metadata:
  name: external-service
spec:
  ports:
  - port: 80
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-service
subsets:
  - addresses:
    - ip: 11.11.11.11
    - ip: 22.22.22.22
    ports:
    - port: 80
`);
    sb.advance(10_000);
    const ep = sb.cluster.client.get<Ep>('endpoints', 'default', 'external-service');
    expect(ips(ep.subsets, 'addresses')).toEqual(['11.11.11.11', '22.22.22.22']);
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBeUndefined();
    expect((await sb.run('kubectl get ep external-service')).stdout).toContain('11.11.11.11:80,22.22.22.22:80');
    await sb.apply(SVC);
    sb.advance(1000);
    expect(sb.cluster.client.tryGet('endpoints', 'default', 'kubia')).toBeDefined();
    await sb.run('kubectl delete svc kubia external-service');
    expect(sb.cluster.client.tryGet('endpoints', 'default', 'kubia')).toBeUndefined();
    expect(sb.cluster.client.tryGet('endpoints', 'default', 'external-service')).toBeUndefined();
    expect(sb.cluster.client.tryGet('endpoints', 'default', 'kubernetes')).toBeDefined();
  });

  it('labels headless Services\' Endpoints and gives ExternalName Services none', async () => {
    const sb = createSandbox();
    await sb.apply(`apiVersion: v1
kind: Service
metadata:
  name: kubia-headless
spec:
  clusterIP: None
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
---
apiVersion: v1
kind: Service
metadata:
  name: google-svc
spec:
  type: ExternalName
  externalName: google.com
`);
    sb.advance(1000);
    const ep = sb.cluster.client.get<Ep>('endpoints', 'default', 'kubia-headless');
    expect(ep.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(ep.subsets).toBeUndefined();
    expect((await sb.run('kubectl get ep kubia-headless')).stdout).toBe('NAME             ENDPOINTS   AGE\nkubia-headless   <none>      1s\n');
    expect(sb.cluster.client.tryGet('endpoints', 'default', 'google-svc')).toBeUndefined();
  });

  it('writes kube-dns from the CoreDNS pods with upstream port order', async () => {
    const sb = createSandbox();
    const ep = sb.cluster.client.get<Ep>('endpoints', 'kube-system', 'kube-dns');
    expect(ep.subsets?.[0].addresses).toHaveLength(2);
    expect(ep.subsets?.[0].ports?.map((p) => p.name)).toEqual(['dns-tcp', 'dns', 'metrics']);
    expect((await sb.run('kubectl describe ep kube-dns -n kube-system')).stdout).toContain('    Name     Port  Protocol\n    ----     ----  --------\n    dns-tcp  53    TCP\n    dns      53    UDP\n    metrics  9153  TCP\n');
  });
});

describe('repackSubsets', () => {
  it('groups ports that share an address set and keeps a pod ready if it is ready on any subset', () => {
    const a = { ip: '10.0.0.2', targetRef: { kind: 'Pod', name: 'a', uid: 'a' } };
    const b = { ip: '10.0.0.1', targetRef: { kind: 'Pod', name: 'b', uid: 'b' } };
    const http = { name: 'http', port: 8080, protocol: 'TCP' };
    const https = { name: 'https', port: 8443, protocol: 'TCP' };
    const out = repackSubsets([
      { addresses: [a], ports: [http] }, { addresses: [a], ports: [https] },
      { notReadyAddresses: [b], ports: [http] }, { notReadyAddresses: [b], ports: [https] },
    ]);
    expect(out).toEqual([{ addresses: [a], notReadyAddresses: [b], ports: [https, http] }]);
    const split = repackSubsets([{ addresses: [a], ports: [http] }, { addresses: [a, b], ports: [https] }]);
    expect(split).toHaveLength(2);
    expect(split.map((s) => s.addresses?.map((x) => x.ip))).toContainEqual(['10.0.0.1', '10.0.0.2']);
  });
});

describe('truncateSubsets', () => {
  it('keeps 1000 addresses, dropping not-ready ones first, proportionally per subset', () => {
    const addr = (i: number) => ({ ip: `10.0.${Math.floor(i / 256)}.${i % 256}` });
    const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => addr(from + i));
    const [kept, cut] = truncateSubsets([{ addresses: many(900), notReadyAddresses: many(300, 900), ports: [{ port: 80 }] }]);
    expect(cut).toBe(true);
    expect(kept[0].addresses).toHaveLength(900);
    expect(kept[0].notReadyAddresses).toHaveLength(100);
    const [ready] = truncateSubsets([{ addresses: many(600), ports: [{ port: 80 }] }, { addresses: many(600, 600), notReadyAddresses: many(5, 1200), ports: [{ port: 81 }] }]);
    expect(ready.map((s) => s.addresses?.length)).toEqual([500, 500]);
    expect(ready[1].notReadyAddresses).toBeUndefined();
    expect(truncateSubsets([{ addresses: many(3) }])[1]).toBe(false);
  });
});

describe('createPodBatcher', () => {
  it('passes small Services through at once and syncs a large one at most once per batch period', () => {
    const clock = new VirtualClock(0);
    const added: string[] = [];
    const sizes: Record<string, number> = { 'default/small': 3, 'default/big': 500 };
    const enqueue = createPodBatcher(clock, (k) => added.push(`${clock.now()} ${k}`), (k) => sizes[k] ?? 0);
    enqueue('default/small');
    for (let i = 0; i < 50; i++) enqueue('default/big');
    expect(added).toEqual(['0 default/small']);
    clock.advance(BATCH_MS);
    expect(added).toEqual(['0 default/small', `${BATCH_MS} default/big`]);
  });
});
