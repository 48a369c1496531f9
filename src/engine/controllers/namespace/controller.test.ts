import { describe, it, expect } from 'vitest';
import type { KObject } from '../../types';
import { VirtualClock, clone, rfc3339 } from '../../util';
import { createFakeClient } from '../runtime';
import { createNamespaceController } from './index';

describe('namespace controller', () => {
  it('deletes everything in a terminating namespace, waits for pods, then finalizes it', () => {
    const clock = new VirtualClock();
    const client = createFakeClient(clock);
    client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' }, spec: { finalizers: ['kubernetes'] } });
    client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'keep' }, spec: { finalizers: ['kubernetes'] } });
    client.create('configmaps', 'demo', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    client.create('configmaps', 'keep', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    client.create('pods', 'demo', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: {} });
    // Pods terminate gracefully: deleting only marks them, as the API server does for a running pod.
    const realDelete = client.delete.bind(client);
    client.delete = (r, ns, name, o) => {
      if (r !== 'pods') return realDelete(r, ns, name, o);
      const p = clone(client.get(r, ns, name));
      (p.metadata as Record<string, unknown>).deletionTimestamp = rfc3339(clock.now());
      return client.update('pods', ns, p);
    };
    const ctrl = createNamespaceController({ client, clock });
    ctrl.start();
    client.delete('namespaces', undefined, 'demo');
    clock.advance(1);
    expect(client.tryGet('configmaps', 'demo', 'cm')).toBeUndefined();
    expect(client.tryGet('configmaps', 'keep', 'cm')).toBeDefined();
    const ns = client.get('namespaces', undefined, 'demo') as KObject & { status: { phase: string; conditions: Array<{ type: string; status: string; message: string }> } };
    expect(ns.status.phase).toBe('Terminating');
    expect(ns.status.conditions.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({ status: 'True', message: 'Some resources are remaining: pods. has 1 resource instances' });
    realDelete('pods', 'demo', 'web');
    clock.advance(5000);
    expect(client.tryGet('namespaces', undefined, 'demo')).toBeUndefined();
    expect(client.tryGet('namespaces', undefined, 'keep')).toBeDefined();
  });
});
