import { describe, it, expect } from 'vitest';
import { createSandbox } from '../../sandbox';
import type { Slice } from './reconciler';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 2
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      terminationGracePeriodSeconds: 30
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - name: http
          containerPort: 8080
`;
const SVC = `apiVersion: v1
kind: Service
metadata:
  name: kubia
  labels:
    team: web
spec:
  ports:
  - name: web
    port: 80
    targetPort: http
  selector:
    app: kubia
`;

const slicesOf = (sb: ReturnType<typeof createSandbox>, svc: string) =>
  sb.cluster.client.list<Slice>('endpointslices', 'default', { labelSelector: `kubernetes.io/service-name=${svc}` });

describe('endpointslice controller', () => {
  it('keeps a placeholder slice until pods match, then one named, labelled, owned slice with conditions', async () => {
    const sb = createSandbox();
    await sb.apply(SVC);
    let [slice, ...rest] = slicesOf(sb, 'kubia');
    expect(rest).toHaveLength(0);
    expect(slice.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.generateName).toBe('kubia-');
    expect(slice.endpoints).toBeNull();
    expect(slice.ports).toBeNull();
    expect((await sb.run('kubectl get endpointslices -l kubernetes.io/service-name=kubia')).stdout).toBe(
      `NAME          ADDRESSTYPE   PORTS     ENDPOINTS   AGE\n${slice.metadata.name}   IPv4          <unset>   <unset>     0s\n`);
    const name = slice.metadata.name;
    await sb.apply(DEPLOY);
    sb.advance(30_000);
    [slice, ...rest] = slicesOf(sb, 'kubia');
    expect(rest).toHaveLength(0);
    expect(slice.metadata.name).toBe(name);
    const svc = sb.cluster.client.get('services', 'default', 'kubia');
    expect(slice.metadata.labels).toEqual({
      team: 'web', 'kubernetes.io/service-name': 'kubia', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'kubia', uid: svc.metadata.uid }]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'web', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints).toHaveLength(2);
    for (const e of slice.endpoints) {
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
      expect(e.targetRef?.kind).toBe('Pod');
      expect(e.nodeName).toMatch(/^worker2?$/);
    }
    // A terminating pod stays in the slice (ready false, still serving, terminating) until it is gone.
    const pod = sb.cluster.client.list('pods', 'default')[0];
    await sb.run(`kubectl delete pod ${pod.metadata.name} --wait=false`);
    const gone = slicesOf(sb, 'kubia')[0].endpoints.find((e) => e.targetRef?.name === pod.metadata.name);
    expect(gone?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    sb.advance(60_000);
    const eps = slicesOf(sb, 'kubia')[0].endpoints;
    expect(eps).toHaveLength(2);
    expect(eps.some((e) => e.targetRef?.name === pod.metadata.name)).toBe(false);
  });

  it('lets the garbage collector remove a deleted Service\'s slices', async () => {
    const sb = createSandbox();
    await sb.apply(SVC);
    expect(slicesOf(sb, 'kubia')).toHaveLength(1);
    await sb.run('kubectl delete svc kubia');
    sb.advance(1000);
    expect(slicesOf(sb, 'kubia')).toHaveLength(0);
  });

  it('mirrors a selectorless Service\'s hand-made Endpoints', async () => {
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
    const [slice, ...rest] = slicesOf(sb, 'external-service');
    expect(rest).toHaveLength(0);
    expect(slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io');
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Endpoints', name: 'external-service' });
    expect(slice.endpoints).toEqual([{ addresses: ['11.11.11.11'], conditions: { ready: true } }, { addresses: ['22.22.22.22'], conditions: { ready: true } }]);
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    // The API server's own `kubernetes` Endpoints carry skip-mirror: only its bootstrap slice exists.
    expect(slicesOf(sb, 'kubernetes').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});
