import { describe, it, expect } from 'vitest';
import { ApiError, type Status } from '../index';
import { newTestServer, podFixture } from './testutil';

const status = (b: unknown) => b as Status;

describe('API server CRUD', () => {
  it('creates, gets, lists, updates and deletes a namespaced object on real paths', () => {
    const { api } = newTestServer();
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } };
    const created = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm });
    expect(created.code).toBe(201);
    const obj = created.body as any;
    expect(obj.metadata.namespace).toBe('default');
    expect(obj.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(obj.metadata.creationTimestamp).toBe('2025-03-10T09:00:00Z');
    expect(obj.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(obj.metadata.generation).toBeUndefined();

    const got = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/cfg' });
    expect(got.body).toBe(obj);
    const list = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps' }).body as any;
    expect(list.kind).toBe('ConfigMapList');
    expect(list.apiVersion).toBe('v1');
    expect(list.items.map((o: any) => o.metadata.name)).toEqual(['cfg']);
    expect(list.metadata.resourceVersion).toBe(obj.metadata.resourceVersion);

    const upd = api.handle({ method: 'PUT', path: '/api/v1/namespaces/default/configmaps/cfg', body: { ...obj, data: { a: '2' } } });
    expect(upd.code).toBe(200);
    expect((upd.body as any).data.a).toBe('2');
    expect(Number((upd.body as any).metadata.resourceVersion)).toBeGreaterThan(Number(obj.metadata.resourceVersion));

    const del = api.handle({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/cfg' });
    expect(del.code).toBe(200);
    expect(del.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'cfg', kind: 'configmaps' } });
    expect(api.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/cfg' }).code).toBe(404);
  });

  it('serves cluster-scoped resources without a namespace and apps resources under /apis', () => {
    const { api, client } = newTestServer();
    client.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    expect((api.handle({ method: 'GET', path: '/api/v1/nodes/n1' }).body as any).metadata.name).toBe('n1');
    expect((api.handle({ method: 'GET', path: '/api/v1/nodes/n1' }).body as any).metadata.namespace).toBeUndefined();
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } };
    const res = api.handle({ method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: d });
    expect(res.code).toBe(201);
    expect((res.body as any).metadata.generation).toBe(1);
    expect((res.body as any).status).toEqual({});
    expect(api.handle({ method: 'GET', path: '/apis/apps/v1/deployments' }).code).toBe(200);
    expect(api.store.keys('/registry/deployments/')).toEqual(['/registry/deployments/default/web']);
    expect(api.store.keys('/registry/minions/')).toEqual(['/registry/minions/n1']);
  });

  it('answers errors with upstream messages, reasons and codes', () => {
    const { api, client } = newTestServer();
    const nf = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/nope' });
    expect(nf.code).toBe(404);
    expect(nf.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'pods' }, code: 404 });
    const nf2 = status(api.handle({ method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/x' }).body);
    expect(nf2.message).toBe('deployments.apps "x" not found');
    expect(nf2.details).toEqual({ name: 'x', group: 'apps', kind: 'deployments' });

    client.create('pods', 'default', podFixture('web'));
    const dup = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: podFixture('web') });
    expect(dup.code).toBe(409);
    expect(status(dup.body).message).toBe('pods "web" already exists');
    expect(status(dup.body).reason).toBe('AlreadyExists');

    const wrongNs = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { ...podFixture('x'), metadata: { name: 'x', namespace: 'other' } } });
    expect(wrongNs.code).toBe(400);
    expect(status(wrongNs.body).message).toBe('the namespace of the provided object does not match the namespace sent on the request');

    const wrongGv = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { ...podFixture('x'), apiVersion: 'apps/v1' } });
    expect(wrongGv.code).toBe(400);
    expect(status(wrongGv.body).message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');

    const noNs = api.handle({ method: 'POST', path: '/api/v1/namespaces/foo/pods', body: podFixture('x') });
    expect(noNs.code).toBe(404);
    expect(status(noNs.body).message).toBe('namespaces "foo" not found');

    const unknown = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/widgets' });
    expect(unknown.code).toBe(404);
    expect(status(unknown.body).message).toBe('the server could not find the requested resource');
    expect(api.handle({ method: 'GET', path: '/nonsense' }).code).toBe(404);

    const noName = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} } });
    expect(noName.code).toBe(422);
    expect(status(noName.body).message).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
    expect(status(noName.body).details?.causes?.[0]).toEqual({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });

    const rv = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: '5' } } });
    expect(status(rv.body).message).toBe('resourceVersion should not be set on objects to be created');

    const badVerb = api.handle({ method: 'PUT', path: '/api/v1/namespaces/default/pods' });
    expect(badVerb.code).toBe(405);
    expect(api.handle({ method: 'DELETE', path: '/api/v1/namespaces' }).code).toBe(405);
  });

  it('never throws out of handle', () => {
    const { api } = newTestServer();
    for (const body of [null, 42, 'not json', [], { metadata: 5 }]) {
      const res = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body });
      expect(res.code).toBeGreaterThanOrEqual(400);
      expect((res.body as Status).kind).toBe('Status');
    }
  });

  it('rejects a stale resourceVersion with a Conflict', () => {
    const { api, client } = newTestServer();
    const p = client.create<any>('pods', 'default', podFixture('web'));
    client.update('pods', 'default', { ...p, metadata: { ...p.metadata, labels: { a: 'b' } } });
    const res = api.handle({ method: 'PUT', path: '/api/v1/namespaces/default/pods/web', body: { ...p, metadata: { ...p.metadata, labels: { a: 'c' } } } });
    expect(res.code).toBe(409);
    expect(status(res.body).message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
    expect(status(res.body).reason).toBe('Conflict');
  });

  it('generates names from generateName', () => {
    const { client } = newTestServer();
    const a = client.create<any>('pods', 'default', { ...podFixture(''), metadata: { generateName: 'web-' } });
    const b = client.create<any>('pods', 'default', { ...podFixture(''), metadata: { generateName: 'web-' } });
    expect(a.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b.metadata.name).not.toBe(a.metadata.name);
  });

  it('bumps generation only for spec changes and ignores status on the main resource', () => {
    const { client } = newTestServer();
    const d = client.create<any>('deployments', 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } } });
    const l = client.update<any>('deployments', 'default', { ...d, metadata: { ...d.metadata, labels: { x: 'y' } } });
    expect(l.metadata.generation).toBe(1);
    const s = client.update<any>('deployments', 'default', { ...l, spec: { ...l.spec, replicas: 3 }, status: { replicas: 99 } });
    expect(s.metadata.generation).toBe(2);
    expect(s.status).toEqual({});
    const st = client.updateStatus<any>('deployments', 'default', { ...s, spec: { ...s.spec, replicas: 7 }, status: { replicas: 3 } });
    expect(st.status).toEqual({ replicas: 3 });
    expect(st.spec.replicas).toBe(3);
    expect(st.metadata.generation).toBe(2);
  });

  it('keeps the resourceVersion on a no-op update or patch', () => {
    const { client } = newTestServer();
    const p = client.create<any>('pods', 'default', { ...podFixture('web'), metadata: { name: 'web', labels: { a: 'b' } } });
    const same = client.patch<any>('pods', 'default', 'web', 'application/merge-patch+json', { metadata: { labels: { a: 'b' } } });
    expect(same.metadata.resourceVersion).toBe(p.metadata.resourceVersion);
    const put = client.update<any>('pods', 'default', p);
    expect(put.metadata.resourceVersion).toBe(p.metadata.resourceVersion);
    const changed = client.patch<any>('pods', 'default', 'web', 'application/merge-patch+json', { metadata: { labels: { a: 'c' } } });
    expect(changed.metadata.labels).toEqual({ a: 'c' });
    expect(changed.metadata.resourceVersion).not.toBe(p.metadata.resourceVersion);
  });

  it('answers 415 for unknown patch types; server-side apply needs a fieldManager', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('web'));
    const apply = api.handle({ method: 'PATCH', path: '/api/v1/namespaces/default/pods/web', headers: { 'Content-Type': 'application/apply-patch+yaml' }, body: {} });
    expect(apply.code).toBe(400);
    const res = api.handle({ method: 'PATCH', path: '/api/v1/namespaces/default/pods/web', headers: { 'Content-Type': 'text/plain' }, body: {} });
    expect(res.code).toBe(415);
    expect(status(res.body)).toMatchObject({ reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json' });
  });

  it('dryRun=All validates and answers without writing', () => {
    const { api, store } = newTestServer();
    const rev = store.revision;
    const res = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', query: { dryRun: 'All' }, body: podFixture('web') });
    expect(res.code).toBe(201);
    expect((res.body as any).metadata.uid).toBeTruthy();
    expect(store.revision).toBe(rev);
    expect(api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/web' }).code).toBe(404);
  });

  it('throws ApiError from the client', () => {
    const { client } = newTestServer();
    try { client.get('pods', 'default', 'x'); expect.unreachable(); } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe(404);
      expect((e as ApiError).message).toBe('pods "x" not found');
    }
    expect(client.tryGet('pods', 'default', 'x')).toBeUndefined();
  });
});
