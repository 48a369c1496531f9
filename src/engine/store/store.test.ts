import { describe, it, expect } from 'vitest';
import { Store, StoreError, objectKey } from './index';
import type { KObject } from '../types';

const pod = (name: string, ns = 'default'): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns } });
const PODS = { group: '', plural: 'pods', namespaced: true };

describe('keys', () => {
  it('uses kube-apiserver etcd prefixes', () => {
    expect(objectKey(PODS, 'default', 'web')).toBe('/registry/pods/default/web');
    expect(objectKey({ group: '', plural: 'nodes', namespaced: false }, undefined, 'n1')).toBe('/registry/minions/n1');
    expect(objectKey({ group: '', plural: 'services', namespaced: true }, 'default', 'kubernetes')).toBe('/registry/services/specs/default/kubernetes');
    expect(objectKey({ group: '', plural: 'endpoints', namespaced: true }, 'default', 'x')).toBe('/registry/services/endpoints/default/x');
    expect(objectKey({ group: 'networking.k8s.io', plural: 'ingresses', namespaced: true }, 'a', 'b')).toBe('/registry/ingress/a/b');
  });
});

describe('Store', () => {
  it('stamps increasing revisions as resourceVersion and freezes objects', () => {
    const s = new Store();
    const a = s.create('/registry/pods/default/a', pod('a'));
    const b = s.create('/registry/pods/default/b', pod('b'));
    expect(a.metadata.resourceVersion).toBe('1');
    expect(b.metadata.resourceVersion).toBe('2');
    expect(Object.isFrozen(a.metadata)).toBe(true);
    expect(s.get('/registry/pods/default/a')).toBe(a);
    const a2 = s.update('/registry/pods/default/a', { ...a, metadata: { ...a.metadata, labels: { x: 'y' } } });
    expect(a2.metadata.resourceVersion).toBe('3');
    expect(s.entry('/registry/pods/default/a')).toMatchObject({ createRevision: 1, modRevision: 3 });
  });

  it('rejects duplicate creates and stale compare-and-swap', () => {
    const s = new Store();
    s.create('/registry/pods/default/a', pod('a'));
    expect(() => s.create('/registry/pods/default/a', pod('a'))).toThrow(StoreError);
    s.update('/registry/pods/default/a', pod('a'), 1);
    try { s.update('/registry/pods/default/a', pod('a'), 1); expect.unreachable(); } catch (e) { expect((e as StoreError).code).toBe('Conflict'); }
    try { s.delete('/registry/pods/default/zz'); expect.unreachable(); } catch (e) { expect((e as StoreError).code).toBe('NotFound'); }
  });

  it('lists by prefix in key order across namespaces', () => {
    const s = new Store();
    s.create('/registry/pods/b/x', pod('x', 'b'));
    s.create('/registry/pods/a/y', pod('y', 'a'));
    s.create('/registry/pods/a/c', pod('c', 'a'));
    s.create('/registry/minions/n1', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    expect(s.list('/registry/pods/').items.map((o) => o.metadata.name)).toEqual(['c', 'y', 'x']);
    expect(s.list('/registry/pods/a/').items.map((o) => o.metadata.name)).toEqual(['c', 'y']);
    expect(s.keys('/')).toEqual(['/registry/minions/n1', '/registry/pods/a/c', '/registry/pods/a/y', '/registry/pods/b/x']);
    expect(s.list('/registry/pods/').revision).toBe(4);
  });

  it('lists 5,000 pods in key order (speed is measured by npm run bench)', () => {
    const s = new Store();
    for (let i = 0; i < 5000; i++) s.create(`/registry/pods/default/p${String(i).padStart(4, '0')}`, pod(`p${i}`));
    const items = s.list('/registry/pods/').items;
    expect(items.length).toBe(5000);
    expect(items[0].metadata.name).toBe('p0');
    expect(items[4999].metadata.name).toBe('p4999');
  });

  it('watches from a revision and carries the deletion revision on DELETED', () => {
    const s = new Store();
    s.create('/registry/pods/default/a', pod('a'));
    s.create('/registry/configmaps/default/c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } });
    s.delete('/registry/pods/default/a');
    const seen: string[] = [];
    s.watch('/registry/pods/', 0, (ev) => seen.push(`${ev.type} ${ev.object.metadata.name} ${ev.object.metadata.resourceVersion}`));
    expect(seen).toEqual(['ADDED a 1', 'DELETED a 3']);
    s.create('/registry/pods/default/b', pod('b'));
    expect(seen).toEqual(['ADDED a 1', 'DELETED a 3', 'ADDED b 4']);
  });

  it('fails a watch from a compacted revision with the apiserver message', () => {
    const s = new Store({ historySize: 3 });
    for (let i = 0; i < 6; i++) s.create(`/registry/pods/default/p${i}`, pod(`p${i}`));
    expect(() => s.watch('/registry/pods/', 1, () => {})).toThrow('too old resource version: 1 (3)');
    const got: number[] = [];
    s.watch('/registry/pods/', 3, (ev) => got.push(ev.revision));
    expect(got).toEqual([4, 5, 6]);
  });

  it('delivers events written by a handler after the current one, in revision order, to every watcher', () => {
    const s = new Store();
    const log: string[] = [];
    s.watch('/registry/', 0, (ev) => {
      log.push(`A${ev.revision}`);
      if (ev.revision === 1) s.create('/registry/pods/default/from-handler', pod('from-handler'));
    });
    s.watch('/registry/', 0, (ev) => log.push(`B${ev.revision}`));
    s.create('/registry/pods/default/a', pod('a'));
    expect(log).toEqual(['A1', 'B1', 'A2', 'B2']);
  });

  it('catches up a watcher registered inside a handler before it sees later events', () => {
    const s = new Store();
    s.create('/registry/pods/default/a', pod('a'));
    const log: string[] = [];
    s.watch('/registry/', 1, (ev) => {
      log.push(`A${ev.revision}`);
      if (ev.revision === 2) {
        s.watch('/registry/', 0, (e2) => log.push(`C${e2.revision}`));
        s.create('/registry/pods/default/c', pod('c'));
      }
    });
    s.create('/registry/pods/default/b', pod('b'));
    expect(log).toEqual(['A2', 'C1', 'C2', 'A3', 'C3']);
  });

  it('keeps delivering when a handler throws', () => {
    const s = new Store();
    const got: number[] = [];
    s.watch('/', 0, () => { throw new Error('boom'); });
    s.watch('/', 0, (ev) => got.push(ev.revision));
    s.create('/registry/pods/default/a', pod('a'));
    expect(got).toEqual([1]);
    expect(s.handlerErrors).toHaveLength(1);
  });
  it('delivers to resource, namespace and wildcard watchers in registration order, and catches up a late watcher of another resource', () => {
    const s = new Store();
    const log: string[] = [];
    s.watch('/registry/pods/', 0, (ev) => log.push(`pods:${ev.key}`));
    s.watch('/', 0, (ev) => log.push(`all:${ev.revision}`));
    s.watch('/registry/pods/kube-system/', 0, (ev) => log.push(`ks:${ev.key}`));
    s.watch('/registry/services/specs/', 0, (ev) => log.push(`svc:${ev.key}`));
    s.create('/registry/pods/default/a', pod('a'));
    s.create('/registry/pods/kube-system/b', pod('b'));
    s.create('/registry/services/specs/default/s', pod('s'));
    s.create('/registry/services/endpoints/default/s', pod('s'));
    // A watcher added later from revision 0 replays the retained history (its own resource only) first.
    s.watch('/registry/services/', 0, (ev) => log.push(`late:${ev.key}`));
    s.create('/registry/pods/default/c', pod('c'));
    expect(log).toEqual([
      'pods:/registry/pods/default/a', 'all:1',
      'pods:/registry/pods/kube-system/b', 'all:2', 'ks:/registry/pods/kube-system/b',
      'all:3', 'svc:/registry/services/specs/default/s',
      'all:4',
      'late:/registry/services/specs/default/s', 'late:/registry/services/endpoints/default/s',
      'pods:/registry/pods/default/c', 'all:5',
    ]);
  });

  it('offers a triggered watch only the events whose object or previous state has its trigger value', () => {
    const s = new Store();
    const onNode = (name: string, node?: string) => ({ ...pod(name), spec: node ? { nodeName: node } : {} }) as KObject;
    const key = (o: KObject) => String((o.spec as { nodeName?: string } | undefined)?.nodeName ?? '');
    const seen: string[] = [];
    s.watch('/registry/pods/', 0, (ev) => seen.push(`${ev.type} ${ev.object.metadata.name}`), undefined, { key, value: 'w1' });
    s.create('/registry/pods/default/a', onNode('a'));
    s.update('/registry/pods/default/a', onNode('a', 'w1'));
    s.create('/registry/pods/default/b', onNode('b', 'w2'));
    s.update('/registry/pods/default/a', onNode('a', 'w2'));
    s.update('/registry/pods/default/a', onNode('a', 'w3'));
    s.delete('/registry/pods/default/b');
    expect(seen).toEqual(['MODIFIED a', 'MODIFIED a']);
  });
});
