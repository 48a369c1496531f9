import { describe, it, expect } from 'vitest';
import type { Status, TextStream } from '../index';
import { TABLE_ACCEPT } from '../index';
import { newTestServer, podFixture } from './testutil';
import { encodeBody } from './request';

describe('pods/binding and eviction', () => {
  it('binds once and answers 409 with the upstream message afterwards', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('web'));
    const body = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { apiVersion: 'v1', kind: 'Node', name: 'worker' } };
    const ok = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods/web/binding', body });
    expect(ok.code).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'Status', status: 'Success', code: 201 });
    const pod = client.get<any>('pods', 'default', 'web');
    expect(pod.spec.nodeName).toBe('worker');
    expect(pod.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-03-10T09:00:00Z' }]);
    const again = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods/web/binding', body: { ...body, target: { name: 'other' } } });
    expect(again.code).toBe(409);
    expect((again.body as Status).message).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "worker"');
  });

  it('evicts with a graceful delete', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('web', { nodeName: 'n1' }));
    const res = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods/web/eviction', body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web', namespace: 'default' } } });
    expect(res.code).toBe(201);
    expect(client.get<any>('pods', 'default', 'web').metadata.deletionGracePeriodSeconds).toBe(30);
  });
});

describe('pods/log', () => {
  it('asks for a container name when the pod has several', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('web', { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] }));
    const res = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log' });
    expect(res.code).toBe(400);
    expect((res.body as Status).message).toBe('a container name must be specified for pod web, choose one of: [a b]');
    const bad = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log', query: { container: 'c' } });
    expect((bad.body as Status).message).toBe('container c is not valid for pod web');
  });

  it('passes options to the provider and returns its text, stream or error', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('web'));
    const seen: unknown[] = [];
    const stream = { onData() {}, onClose() {}, close() {} } as TextStream;
    api.setPodLogProvider((ns, pod, opts) => {
      seen.push({ ns, pod, opts });
      if (opts.previous) return { error: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400, reason: 'BadRequest', message: 'previous terminated container "web" in pod "web" not found' } };
      return opts.follow ? { text: 'a\n', stream } : { text: 'hello\n' };
    });
    const res = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log', query: { tailLines: '10', timestamps: 'true' } });
    expect(res).toMatchObject({ code: 200, text: 'hello\n' });
    expect(seen[0]).toEqual({ ns: 'default', pod: 'web', opts: { container: 'web', tailLines: 10, timestamps: true } });
    expect(api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log', query: { follow: 'true' } }).stream).toBe(stream);
    const prev = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/web/log', query: { previous: 'true' } });
    expect(prev.code).toBe(400);
    expect((prev.body as Status).message).toBe('previous terminated container "web" in pod "web" not found');
  });
});

describe('scale subresource', () => {
  it('reads and patches replicas through autoscaling/v1 Scale', () => {
    const { api, client } = newTestServer();
    client.create('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    const s = api.handle({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web/scale' }).body as any;
    expect(s).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { replicas: 0, selector: 'app=web' } });
    const p = api.handle({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', headers: { 'content-type': 'application/merge-patch+json' }, body: { spec: { replicas: 5 } } });
    expect(p.code).toBe(200);
    expect((p.body as any).spec.replicas).toBe(5);
    const d = client.get<any>('deployments', 'default', 'web');
    expect(d.spec.replicas).toBe(5);
    expect(d.metadata.generation).toBe(2);
  });
});

describe('admission', () => {
  it('mounts the service account token, adds default tolerations and priority like a real pod', () => {
    const { client } = newTestServer();
    const pod = client.create<any>('pods', 'default', podFixture('web'));
    expect(pod.spec.serviceAccountName).toBe('default');
    const vol = pod.spec.volumes.find((v: any) => v.name.startsWith('kube-api-access-'));
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol.projected.sources).toEqual([
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ]);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(pod.spec.priority).toBe(0);
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.qosClass).toBe('BestEffort');
  });

  it('skips the token when automountServiceAccountToken is false and rejects unknown priority classes', () => {
    const { api, client } = newTestServer();
    const pod = client.create<any>('pods', 'default', podFixture('a', { automountServiceAccountToken: false }));
    expect(pod.spec.volumes ?? []).toEqual([]);
    const res = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: podFixture('b', { priorityClassName: 'gold' }) });
    expect(res.code).toBe(403);
    expect((res.body as Status).message).toBe('pods "b" is forbidden: no PriorityClass with name gold was found');
  });
});

describe('tables', () => {
  it('answers lists and gets with Tables and row objects per includeObject', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('a'));
    client.create('pods', 'default', podFixture('b'));
    const headers = { Accept: TABLE_ACCEPT };
    const t = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods', headers }).body as any;
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(t.columnDefinitions[0].name).toBe('Name');
    expect(t.rows.map((r: any) => r.cells[0])).toEqual(['a', 'b']);
    expect(t.rows[0].object.kind).toBe('PartialObjectMetadata');
    const none = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods', headers, query: { includeObject: 'None' } }).body as any;
    expect(none.rows[0].object).toBeUndefined();
    const full = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/a', headers, query: { includeObject: 'Object' } }).body as any;
    expect(full.rows).toHaveLength(1);
    expect(full.rows[0].object.kind).toBe('Pod');
  });
});

describe('selectors on lists', () => {
  it('filters by field and label selectors and rejects unsupported fields', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', { ...podFixture('a', { nodeName: 'n1' }), metadata: { name: 'a', labels: { app: 'web', tier: 'fe' } } });
    client.create('pods', 'default', { ...podFixture('b', { nodeName: 'n2' }), metadata: { name: 'b', labels: { app: 'db' } } });
    const names = (q: Record<string, string>) => (api.handle({ method: 'GET', path: '/api/v1/pods', query: q }).body as any).items.map((o: any) => o.metadata.name);
    expect(names({ fieldSelector: 'spec.nodeName=n1' })).toEqual(['a']);
    expect(names({ fieldSelector: 'spec.nodeName!=n1,status.phase!=Succeeded' })).toEqual(['b']);
    expect(names({ labelSelector: 'app in (web,db),!tier' })).toEqual(['b']);
    expect(names({ labelSelector: 'tier' })).toEqual(['a']);
    const bad = api.handle({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.foo=x' } });
    expect(bad.code).toBe(400);
    expect((bad.body as Status).message).toBe('field label not supported: spec.foo');
    const cm = api.handle({ method: 'GET', path: '/api/v1/configmaps', query: { fieldSelector: 'data.x=y' } });
    expect((cm.body as Status).message).toBe('"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"');
    const badLabel = api.handle({ method: 'GET', path: '/api/v1/pods', query: { labelSelector: 'app in web' } });
    expect(badLabel.code).toBe(400);
    expect((badLabel.body as Status).message).toBe("unable to parse requirement: found 'web' expected: '('");
  });

  it('pages with limit and continue', () => {
    const { api, client } = newTestServer();
    for (const n of ['a', 'b', 'c']) client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n } });
    const p1 = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { limit: '2' } }).body as any;
    expect(p1.items.map((o: any) => o.metadata.name)).toEqual(['a', 'b']);
    const p2 = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { limit: '2', continue: p1.metadata.continue } }).body as any;
    expect(p2.items.map((o: any) => o.metadata.name)).toEqual(['c']);
    expect(p2.metadata.continue).toBeUndefined();
  });
});

describe('discovery', () => {
  it('answers the health endpoints with ok and writes JSON as kube-apiserver does', () => {
    const { api } = newTestServer();
    for (const path of ['/healthz', '/livez', '/readyz']) expect(api.handle({ method: 'GET', path })).toEqual({ code: 200, text: 'ok' });
    const version = { method: 'GET' as const, path: '/version' };
    expect(encodeBody(version, api.handle(version))).toMatch(/^\{\n {2}"major": "1",\n {2}"minor": "32",\n[\s\S]*\n\}\n$/);
    const ns = { method: 'GET' as const, path: '/api/v1/namespaces/default' };
    expect(encodeBody(ns, api.handle(ns))).toMatch(/^\{"apiVersion":"v1","kind":"Namespace",.*\}\n$/);
    const curl = { ...ns, headers: { 'User-Agent': 'curl/8.12.1' } };
    expect(encodeBody(curl, api.handle(curl))).toMatch(/^\{\n {2}"apiVersion": "v1",/);
    const unpretty = { ...curl, query: { pretty: 'false' } };
    expect(encodeBody(unpretty, api.handle(unpretty))).toMatch(/^\{"apiVersion"/);
  });

  it('serves /version, /api, /apis and resource lists', () => {
    const { api } = newTestServer();
    expect((api.handle({ method: 'GET', path: '/version' }).body as any).gitVersion).toBe('v1.32.4');
    expect((api.handle({ method: 'GET', path: '/api' }).body as any).versions).toEqual(['v1']);
    const groups = (api.handle({ method: 'GET', path: '/apis' }).body as any).groups.map((g: any) => g.name);
    expect(groups).toContain('apps');
    expect(groups).toContain('batch');
    const core = (api.handle({ method: 'GET', path: '/api/v1' }).body as any).resources;
    expect(core.find((r: any) => r.name === 'pods')).toEqual({ name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['po'], categories: ['all'] });
    expect(core.find((r: any) => r.name === 'pods/eviction')).toEqual({ name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
    const apps = api.handle({ method: 'GET', path: '/apis/apps/v1' }).body as any;
    expect(apps.groupVersion).toBe('apps/v1');
    expect(apps.resources.find((r: any) => r.name === 'deployments/scale').kind).toBe('Scale');
  });
});

describe('aggregated discovery', () => {
  it('answers APIGroupDiscoveryList when asked, with the version in Content-Type', () => {
    const { api } = newTestServer();
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    const res = api.handle({ method: 'GET', path: '/api', headers: { Accept: accept } });
    expect(res.headers?.['Content-Type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const body = res.body as any;
    expect(body.kind).toBe('APIGroupDiscoveryList');
    const pods = body.items[0].versions[0].resources.find((r: any) => r.resource === 'pods');
    expect(pods).toMatchObject({ scope: 'Namespaced', singularResource: 'pod', shortNames: ['po'], categories: ['all'] });
    expect(pods.subresources.find((s: any) => s.subresource === 'eviction').responseKind).toEqual({ group: 'policy', version: 'v1', kind: 'Eviction' });
    const apis = api.handle({ method: 'GET', path: '/apis', headers: { Accept: accept } }).body as any;
    expect(apis.items.map((i: any) => i.metadata.name)).toContain('apps');
  });
});
