import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ResourceDef } from '../../api/types';
import type { KObject } from '../../types';
import { camelcaseSplit, describeObject, describeProbe, smartLabelFor } from './index';
import { fakeClient } from './testdata/fake-client';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));
const json = <T = KObject>(f: string): T => JSON.parse(readFileSync(dir + f, 'utf8')) as T;
const golden = (f: string): string => readFileSync(dir + f, 'utf8');
const def = (group: string, kind: string): ResourceDef => ({ group, version: 'v1', kind, listKind: `${kind}List`, plural: '', singular: '',
  shortNames: [], namespaced: kind !== 'Node' && kind !== 'Namespace', verbs: [], categories: [], subresources: [] });

const NOW = Date.parse('2025-03-10T09:05:00Z');
const pod = json('pod-web.json');

function ctx(showEvents = true) {
  const client = fakeClient({
    events: [...json<KObject[]>('events-web.json'), ...json<KObject[]>('deploy-events.json')],
    pods: [pod, json('kube-proxy-pod.json')],
    leases: [json('lease-worker.json')],
    endpointslices: [json('endpointslice-web.json')],
    replicasets: [json('replicaset-web.json')],
    resourcequotas: [], limitranges: [], secrets: [],
  });
  return { client, now: NOW, showEvents };
}

describe('describeObject golden output (kubectl 1.32 layout)', () => {
  it('pod: containers, probes, conditions, projected volume, tolerations, events with (xN over M)', () => {
    expect(describeObject(pod, def('', 'Pod'), ctx())).toBe(golden('pod-web.describe.txt'));
  });
  it('pod without events section when --show-events=false', () => {
    const out = describeObject(pod, def('', 'Pod'), ctx(false));
    expect(out).not.toContain('Events:');
    expect(out.endsWith('node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n')).toBe(true);
  });
  it('node: lease, conditions, system info, non-terminated pods and allocated resources', () => {
    expect(describeObject(json('node-worker.json'), def('', 'Node'), ctx())).toBe(golden('node-worker.describe.txt'));
  });
  it('service: endpoints from ready EndpointSlice addresses', () => {
    expect(describeObject(json('service-web.json'), def('', 'Service'), ctx())).toBe(golden('service-web.describe.txt'));
  });
  it('namespace: no quota, no limit range', () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, status: { phase: 'Active' } };
    expect(describeObject(ns, def('', 'Namespace'), ctx())).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
  });
  it('deployment: pod template, conditions, replica sets, events', () => {
    expect(describeObject(json('deployment-web.json'), def('apps', 'Deployment'), ctx())).toBe(golden('deployment-web.describe.txt'));
  });
  it('event (generic describer)', () => {
    const ev = json<KObject[]>('events-web.json')[5];
    expect(describeObject(ev, def('', 'Event'), ctx())).toBe(golden('event-generic.describe.txt'));
  });
  it('configmap and secret', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { b: 'two', a: 'line1\nline2' } };
    expect(describeObject(cm, def('', 'ConfigMap'), ctx())).toBe(
      'Name:         cfg\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\nline1\nline2\n\nb:\n----\ntwo\n\n\nBinaryData\n====\n\nEvents:  <none>\n');
    const sec: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, type: 'Opaque', data: { password: 'czNjcjN0', user: 'YWRtaW4=' } };
    expect(describeObject(sec, def('', 'Secret'), ctx())).toBe(
      'Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n');
  });
  it('serviceaccount', () => {
    const sa: KObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default', uid: 'sa' } };
    expect(describeObject(sa, def('', 'ServiceAccount'), ctx())).toBe(
      'Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\n' +
      'Image pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n');
  });
});

describe('describe helpers', () => {
  it('describeProbe formats like kubectl', () => {
    expect(describeProbe({ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 3, successThreshold: 1, failureThreshold: 3 }))
      .toBe('http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3');
    expect(describeProbe({ exec: { command: ['cat', '/tmp/healthy'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 }))
      .toBe('exec [cat /tmp/healthy] delay=0s timeout=1s period=5s #success=1 #failure=3');
    expect(describeProbe({ tcpSocket: { port: 3306 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }))
      .toBe('tcp-socket :3306 delay=0s timeout=1s period=10s #success=1 #failure=3');
  });
  it('smartLabelFor / camelcase', () => {
    expect(camelcaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('involvedObject')).toBe('Involved Object');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('ca.crt')).toBe('ca.crt');
  });
});

describe('more kubectl 1.32 describers', () => {
  it('Job, CronJob, PVC, PV, Role, RoleBinding, ResourceQuota, NetworkPolicy', () => {
    const fx = json<{ pods: KObject[]; objects: { group: string; object: KObject }[] }>('extra-kinds.json');
    const c = { client: fakeClient({ events: [], pods: fx.pods }), now: NOW, showEvents: true };
    const out = fx.objects.map(({ group, object }) => `=== ${object.kind}\n` + describeObject(object, def(group, object.kind), c)).join('');
    expect(out).toBe(golden('extra-kinds.describe.txt'));
  });
});

describe('pod container states', () => {
  it('prints Waiting/CrashLoopBackOff with Last State Terminated, env and pending pods', () => {
    const p = json('pod-web.json') as KObject & { status: Record<string, unknown>; spec: Record<string, unknown> };
    const crash: KObject = {
      ...p,
      spec: { ...p.spec, containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'exit 1'], env: [{ name: 'MODE', value: 'debug' },
        { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }], volumes: [], tolerations: [] },
      status: { ...p.status, containerStatuses: [{ name: 'app', ready: false, restartCount: 3, image: 'busybox', imageID: '', containerID: 'containerd://abc',
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2025-03-10T09:03:00Z', finishedAt: '2025-03-10T09:03:01Z' } } }] },
    };
    const out = describeObject(crash, def('', 'Pod'), ctx(false));
    expect(out).toContain(
      '    Command:\n      sh\n      -c\n      exit 1\n' +
      '    State:          Waiting\n      Reason:       CrashLoopBackOff\n' +
      '    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n' +
      '      Started:      Mon, 10 Mar 2025 09:03:00 +0000\n      Finished:     Mon, 10 Mar 2025 09:03:01 +0000\n' +
      '    Ready:          False\n    Restart Count:  3\n');
    expect(out).toContain("    Environment:\n      MODE:  debug\n      POD:   web-7d4b9c8f6d-x2x9q (v1:metadata.name)\n" +
      "      PASS:  <set to the key 'password' in secret 'db'>  Optional: false\n    Mounts:  <none>\n");
    const pending: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Pending', qosClass: 'BestEffort' } };
    expect(describeObject(pending, def('', 'Pod'), ctx(false))).toBe(
      'Name:         p\nNamespace:    default\nNode:         <none>\nLabels:       <none>\nAnnotations:  <none>\nStatus:       Pending\nIP:           \nIPs:          <none>\n' +
      'Containers:\n  c:\n    Image:        nginx\n    Port:         <none>\n    Host Port:    <none>\n    Environment:  <none>\n    Mounts:       <none>\n' +
      // The container block and the pod-level lines after it share one tabwriter column block.
      'Volumes:          <none>\nQoS Class:        BestEffort\nNode-Selectors:   <none>\nTolerations:      <none>\n');
  });
});
