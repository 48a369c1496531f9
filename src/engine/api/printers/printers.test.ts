import { describe, expect, it } from 'vitest';
import type { KObject } from '../../types';
import { toTable } from './index';

const NOW = Date.parse('2025-01-01T12:00:00Z');
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');
const k = (o: Record<string, unknown>): KObject => o as unknown as KObject;

function pod(status: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject {
  return k({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', creationTimestamp: ago(300), ...(extra.metadata as object ?? {}) },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }], ...(extra.spec as object ?? {}) }, status });
}
const row = (resource: string, o: KObject): unknown[] => toTable(resource, [o], NOW).rows[0].cells;

describe('pods table', () => {
  it('has kube-apiserver columns with wide ones at priority 1', () => {
    const t = toTable('pods', [], NOW);
    expect(t.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1']);
  });
  it('prints a running pod', () => {
    const p = pod({ phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: { startedAt: ago(200) } } }] });
    expect(row('pods', p)).toEqual(['web', '1/1', 'Running', '0', '5m', '10.244.1.5', 'node-1', '<none>', '<none>']);
  });
  it('prints ContainerCreating, Pending and <none> for a missing IP/node', () => {
    const creating = pod({ phase: 'Pending', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] });
    expect(row('pods', creating).slice(0, 6)).toEqual(['web', '0/1', 'ContainerCreating', '0', '5m', '<none>']);
    const pending = pod({ phase: 'Pending' }, { spec: { nodeName: undefined } });
    expect(row('pods', pending)).toEqual(['web', '0/1', 'Pending', '0', '5m', '<none>', '<none>', '<none>', '<none>']);
  });
  it('prints CrashLoopBackOff with restarts and time since the last restart', () => {
    const p = pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: false, restartCount: 3,
      state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(45) } } }] });
    expect(row('pods', p).slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '3 (45s ago)']);
  });
  it('prints Completed, Terminating and init states', () => {
    const done = pod({ phase: 'Succeeded', containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] });
    expect(row('pods', done)[2]).toBe('Completed');
    expect(toTable('pods', [done], NOW).rows[0].conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    const term = pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] }, { metadata: { deletionTimestamp: ago(1) } });
    expect(row('pods', term)[2]).toBe('Terminating');
    const init = pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, restartCount: 0, state: { running: {} } }],
      containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] },
    { spec: { initContainers: [{ name: 'i', image: 'busybox' }], containers: [{ name: 'c', image: 'nginx' }] } });
    expect(row('pods', init)[2]).toBe('Init:0/1');
    const initDone = pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [{ name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] },
    { spec: { initContainers: [{ name: 'i', image: 'busybox' }], containers: [{ name: 'c', image: 'nginx' }] } });
    expect(row('pods', initDone)[2]).toBe('PodInitializing');
    const initErr = pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
      { spec: { initContainers: [{ name: 'i', image: 'busybox' }], containers: [{ name: 'c', image: 'nginx' }] } });
    expect(row('pods', initErr).slice(2, 4)).toEqual(['Init:CrashLoopBackOff', '2']);
  });
});

describe('other tables', () => {
  it('prints node status and roles', () => {
    const node = k({ metadata: { name: 'cp', creationTimestamp: ago(3600 * 30), labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24' } } });
    expect(row('nodes', node)).toEqual(['cp', 'Ready,SchedulingDisabled', 'control-plane', '30h', 'v1.32.0', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0', 'containerd://1.7.24']);
    const worker = k({ metadata: { name: 'w', creationTimestamp: ago(60) }, status: { conditions: [{ type: 'Ready', status: 'False' }] } });
    expect(row('nodes', worker).slice(1, 3)).toEqual(['NotReady', '<none>']);
  });
  it('prints service ports and external IPs', () => {
    const base = { metadata: { name: 'web', creationTimestamp: ago(10) } };
    expect(row('services', k({ ...base, spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } } })))
      .toEqual(['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '10s', 'app=web']);
    expect(row('services', k({ ...base, spec: { type: 'NodePort', clusterIPs: ['10.96.1.1'], ports: [{ port: 80, nodePort: 30123, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } })).slice(1, 7))
      .toEqual(['NodePort', '10.96.1.1', '<none>', '80:30123/TCP,53/UDP', '10s', '<none>']);
    expect(row('services', k({ ...base, spec: { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }, status: { loadBalancer: {} } }))[3]).toBe('<pending>');
    expect(row('services', k({ ...base, spec: { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [] }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } }))[3]).toBe('1.2.3.4');
    expect(row('services', k({ ...base, spec: { type: 'ExternalName', externalName: 'example.com' } })).slice(2, 5)).toEqual(['<none>', 'example.com', '<none>']);
  });
  it('prints deployment columns', () => {
    const d = k({ metadata: { name: 'web', creationTimestamp: ago(125) }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } },
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'side', image: 'busybox' }] } } },
    status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } });
    const t = toTable('deployments', [d], NOW);
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(t.rows[0].cells).toEqual(['web', '2/3', 3, 2, '2m5s', 'nginx,side', 'nginx:1.25,busybox', 'app=web']);
  });
  it('prints endpoints with "N more..."', () => {
    const ep = k({ metadata: { name: 'web', creationTimestamp: ago(5) }, subsets: [{ addresses: [1, 2, 3, 4, 5].map((i) => ({ ip: `10.244.1.${i}` })), ports: [{ port: 8080 }] }] });
    expect(row('endpoints', ep)[1]).toBe('10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 2 more...');
    expect(row('endpoints', k({ metadata: { name: 'x' } }))[1]).toBe('<none>');
  });
  it('prints jobs with STATUS, COMPLETIONS and DURATION', () => {
    const j = k({ metadata: { name: 'pi', creationTimestamp: ago(100) }, spec: { completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } },
      template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } }, status: { succeeded: 1, startTime: ago(100), completionTime: ago(60), conditions: [{ type: 'Complete', status: 'True' }] } });
    expect(row('jobs', j)).toEqual(['pi', 'Complete', '1/1', '40s', '100s', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u']);
  });
  it('prints events with the wide source/count columns', () => {
    const e = k({ metadata: { name: 'web.17', creationTimestamp: ago(30) }, involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{c}' },
      reason: 'Pulled', message: 'Successfully pulled image "nginx"', type: 'Normal', source: { component: 'kubelet', host: 'node-1' }, firstTimestamp: ago(30), lastTimestamp: ago(20), count: 2 });
    expect(row('events', e)).toEqual(['20s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{c}', 'kubelet, node-1', 'Successfully pulled image "nginx"', '30s', 2, 'web.17']);
  });
  it('falls back to the default Name / Created At table', () => {
    const t = toTable('widgets', [k({ metadata: { name: 'w', creationTimestamp: '2025-01-01T00:00:00Z' } })], NOW);
    expect(t.columnDefinitions.map((c) => `${c.name}:${c.type}`)).toEqual(['Name:string', 'Created At:date']);
    expect(t.rows[0].cells).toEqual(['w', '2025-01-01T00:00:00Z']);
  });
  it('prints configmaps, secrets, namespaces and PVCs', () => {
    expect(row('configmaps', k({ metadata: { name: 'c', creationTimestamp: ago(5) }, data: { a: '1', b: '2' } }))).toEqual(['c', 2, '5s']);
    expect(row('secrets', k({ metadata: { name: 's', creationTimestamp: ago(5) }, type: 'Opaque', data: { a: 'MQ==' } }))).toEqual(['s', 'Opaque', 1, '5s']);
    expect(row('namespaces', k({ metadata: { name: 'dev', creationTimestamp: ago(5) }, status: { phase: 'Active' } }))).toEqual(['dev', 'Active', '5s']);
    expect(row('persistentvolumeclaims', k({ metadata: { name: 'data', creationTimestamp: ago(5) }, spec: { volumeName: 'pv1', storageClassName: 'standard', volumeMode: 'Filesystem' },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } }))).toEqual(['data', 'Bound', 'pv1', '1Gi', 'RWO', 'standard', '<unset>', '5s', 'Filesystem']);
  });
});
