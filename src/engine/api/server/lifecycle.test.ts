import { describe, it, expect } from 'vitest';
import type { Status, WatchEvent } from '../index';
import { newTestServer, podFixture } from './testutil';

describe('deletion', () => {
  it('deletes a bound pod gracefully and the kubelet finishes it with gracePeriodSeconds=0', () => {
    const { api, client, clock } = newTestServer();
    client.create('pods', 'default', podFixture('web', { nodeName: 'worker' }));
    const events: string[] = [];
    client.watch('pods', 'default', { resourceVersion: String(api.store.revision) }).onEvent((e) => events.push(e.type));
    const res = api.handle({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/web', body: { propagationPolicy: 'Background' } });
    expect(res.code).toBe(200);
    const pod = res.body as any;
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(pod.metadata.deletionTimestamp).toBe(new Date(clock.now() + 30_000).toISOString().replace('.000Z', 'Z'));
    // A second DELETE while graceful deletion is pending changes nothing.
    const again = api.handle({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/web' });
    expect((again.body as any).metadata.resourceVersion).toBe(pod.metadata.resourceVersion);
    expect(client.get('pods', 'default', 'web').metadata.deletionTimestamp).toBeTruthy();
    client.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 });
    expect(client.tryGet('pods', 'default', 'web')).toBeUndefined();
    expect(events).toEqual(['MODIFIED', 'DELETED']);
  });

  it('uses terminationGracePeriodSeconds and deletes unbound or finished pods at once', () => {
    const { client } = newTestServer();
    client.create('pods', 'default', podFixture('a', { nodeName: 'n', terminationGracePeriodSeconds: 5 }));
    expect((client.delete('pods', 'default', 'a') as any).metadata.deletionGracePeriodSeconds).toBe(5);
    client.create('pods', 'default', podFixture('b'));
    client.delete('pods', 'default', 'b');
    expect(client.tryGet('pods', 'default', 'b')).toBeUndefined();
  });

  it('keeps objects with finalizers until an update empties them', () => {
    const { client } = newTestServer();
    client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['example.com/x'] } });
    const pending = client.delete('configmaps', 'default', 'c') as any;
    expect(pending.metadata.deletionTimestamp).toBe('2025-03-10T09:00:00Z');
    expect(pending.metadata.deletionGracePeriodSeconds).toBe(0);
    const cur = client.get<any>('configmaps', 'default', 'c');
    client.update('configmaps', 'default', { ...cur, metadata: { ...cur.metadata, finalizers: [] } });
    expect(client.tryGet('configmaps', 'default', 'c')).toBeUndefined();
  });

  it('honours preconditions and dryRun on delete', () => {
    const { api, client } = newTestServer();
    client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const bad = api.handle({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/c', body: { preconditions: { uid: 'nope' } } });
    expect(bad.code).toBe(409);
    expect((bad.body as Status).message).toMatch(/^Operation cannot be fulfilled on configmaps "c": Precondition failed: UID in precondition: nope, UID in object meta: /);
    client.delete('configmaps', 'default', 'c', { dryRun: true });
    expect(client.tryGet('configmaps', 'default', 'c')).toBeDefined();
  });

  it('deletes a collection by label selector', () => {
    const { api, client } = newTestServer();
    for (const [n, app] of [['a', 'x'], ['b', 'y'], ['c', 'x']]) {
      client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n, labels: { app } } });
    }
    const res = api.handle({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps', query: { labelSelector: 'app=x' } });
    expect(res.code).toBe(200);
    expect(client.list('configmaps', 'default').map((o) => o.metadata.name)).toEqual(['b']);
  });

  it('orphans dependents with propagationPolicy=Orphan', () => {
    const { client } = newTestServer();
    const owner = client.create<any>('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dep', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid }] } });
    client.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Orphan' });
    expect(client.get('configmaps', 'default', 'dep').metadata.ownerReferences).toBeUndefined();
  });
});

describe('namespaces', () => {
  it('terminates, refuses new content, and goes away after finalize + delete', () => {
    const { api, client } = newTestServer();
    const ns = client.create<any>('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } });
    expect(ns.spec.finalizers).toEqual(['kubernetes']);
    expect(ns.status.phase).toBe('Active');
    const del = client.delete('namespaces', undefined, 'foo') as any;
    expect(del.status.phase).toBe('Terminating');
    expect(del.metadata.deletionTimestamp).toBeTruthy();
    const res = api.handle({ method: 'POST', path: '/api/v1/namespaces/foo/pods', body: podFixture('x') });
    expect(res.code).toBe(403);
    expect((res.body as Status).message).toBe('pods "x" is forbidden: unable to create new content in namespace foo because it is being terminated');
    const cur = client.get<any>('namespaces', undefined, 'foo');
    client.update('namespaces', undefined, { ...cur, spec: { finalizers: [] } }, { subresource: 'finalize' });
    expect(client.get<any>('namespaces', undefined, 'foo').spec.finalizers).toBeUndefined();
    client.delete('namespaces', undefined, 'foo');
    expect(client.tryGet('namespaces', undefined, 'foo')).toBeUndefined();
  });

  it('refuses to delete the default namespace', () => {
    const { api } = newTestServer();
    const res = api.handle({ method: 'DELETE', path: '/api/v1/namespaces/default' });
    expect(res.code).toBe(403);
    expect((res.body as Status).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('watch', () => {
  it('starts with ADDED for current objects when resourceVersion is unset, then streams changes', () => {
    const { client } = newTestServer();
    client.create('pods', 'default', podFixture('a'));
    const got: string[] = [];
    const w = client.watch('pods', 'default');
    w.onEvent((e) => got.push(`${e.type} ${e.object.metadata.name}`));
    client.create('pods', 'default', podFixture('b'));
    client.delete('pods', 'default', 'a');
    expect(got).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
    w.close();
    client.create('pods', 'default', podFixture('c'));
    expect(got).toHaveLength(3);
  });

  it('filters by field selector and turns selector transitions into ADDED/DELETED', () => {
    const { client } = newTestServer();
    const got: string[] = [];
    client.watch('pods', 'default', { fieldSelector: 'spec.nodeName=n1', resourceVersion: '1' }).onEvent((e) => got.push(`${e.type} ${e.object.metadata.name}`));
    client.create('pods', 'default', podFixture('a'));
    client.post('pods', 'default', 'a', 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'a' }, target: { kind: 'Node', name: 'n1' } });
    client.create('pods', 'default', podFixture('b', { nodeName: 'n2' }));
    expect(got).toEqual(['ADDED a']);
  });

  it('closes the stream after timeoutSeconds of virtual time', () => {
    const { client, clock } = newTestServer();
    const w = client.watch('pods', 'default', { timeoutSeconds: 5 });
    let closed = false;
    w.onClose(() => { closed = true; });
    clock.advance(4999);
    expect(closed).toBe(false);
    clock.advance(1);
    expect(closed).toBe(true);
  });

  it('answers a compacted resourceVersion with an ERROR event (410 Expired)', () => {
    const { client, store } = newTestServer();
    client.create('pods', 'default', podFixture('a'));
    client.create('pods', 'default', podFixture('b'));
    store.compact(2);
    const evs: WatchEvent[] = [];
    let closed = false;
    const w = client.watch('pods', 'default', { resourceVersion: '1' });
    w.onEvent((e) => evs.push(e));
    w.onClose(() => { closed = true; });
    expect(evs).toHaveLength(1);
    expect(evs[0].type).toBe('ERROR');
    expect(evs[0].object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (2)' });
    expect(closed).toBe(true);
  });

  it('sends one-row Tables when asked for Tables', () => {
    const { api, client } = newTestServer();
    const res = api.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods', query: { watch: 'true' }, headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } });
    const got: any[] = [];
    res.watch!.onEvent((e) => got.push(e));
    client.create('pods', 'default', podFixture('a'));
    expect(got).toHaveLength(1);
    expect(got[0].object.kind).toBe('Table');
    expect(got[0].object.rows).toHaveLength(1);
    expect(got[0].object.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'a' } });
  });
});

describe('re-entrant writes from watch handlers', () => {
  it('lets a handler write through the API and still delivers every event in order', () => {
    const { client } = newTestServer();
    const seen: string[] = [];
    client.watch('pods', 'default', { resourceVersion: '1' }).onEvent((e) => {
      seen.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`);
      if (e.type === 'ADDED' && !e.object.metadata.name!.endsWith('-child')) {
        client.create('pods', 'default', podFixture(`${e.object.metadata.name}-child`));
      }
    });
    client.create('pods', 'default', podFixture('a'));
    client.create('pods', 'default', podFixture('b'));
    expect(seen).toEqual(['ADDED a 2', 'ADDED a-child 3', 'ADDED b 4', 'ADDED b-child 5']);
  });
});
