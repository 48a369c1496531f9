import { describe, it, expect } from 'vitest';
import type { Client } from '../../api';
import { createApiServer, createClient } from '../../api';
import { createStore } from '../../store';
import type { KObject } from '../../types';
import { VirtualClock, createRng } from '../../util';
import { createEventRecorder } from '../../events';
import { createGarbageCollectorController } from './index';

function setup() {
  const clock = new VirtualClock();
  const api = createApiServer({ store: createStore(), clock, rng: createRng(3) });
  const client = createClient(api);
  client.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const rng = createRng(1);
  const gc = createGarbageCollectorController({ client, clock, rng, recorder: (component) => createEventRecorder({ client, clock, rng, component }) });
  gc.start();
  return { clock, client, gc };
}

const cm = (name: string, owners: KObject[] = [], block = true): KObject => ({
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name, ...(owners.length ? { ownerReferences: owners.map((o) => ({ apiVersion: o.apiVersion ?? 'v1', kind: o.kind ?? 'ConfigMap', name: o.metadata.name ?? '', uid: o.metadata.uid ?? '', blockOwnerDeletion: block, controller: false })) } : {}) },
  data: {},
});
const names = (client: Client) => client.list('configmaps', 'default').map((o) => o.metadata.name).sort();

describe('garbage collector', () => {
  it('deletes dependents whose owners are all gone and drops only the dangling reference otherwise', () => {
    const { clock, client } = setup();
    const owner = client.create('configmaps', 'default', cm('owner'));
    const other = client.create('configmaps', 'default', cm('other'));
    client.create('configmaps', 'default', cm('child', [owner]));
    client.create('configmaps', 'default', cm('shared', [owner, other]));
    client.create('configmaps', 'default', cm('grandchild', [client.get('configmaps', 'default', 'child')]));
    clock.runDue();
    client.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Background' });
    clock.runDue();
    expect(names(client)).toEqual(['other', 'shared']);
    expect(client.get('configmaps', 'default', 'shared').metadata.ownerReferences?.map((r) => r.name)).toEqual(['other']);
  });

  it('deletes a dependent created with a reference to an owner that does not exist', () => {
    const { clock, client } = setup();
    const ghost = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ghost', uid: '0000' } } as KObject;
    client.create('configmaps', 'default', cm('stray', [ghost]));
    clock.runDue();
    expect(names(client)).toEqual([]);
  });

  it('keeps a Foreground-deleted owner until its blocking dependents are gone', () => {
    const { clock, client } = setup();
    const owner = client.create('configmaps', 'default', cm('owner'));
    client.create('configmaps', 'default', cm('child', [owner]));
    client.create('configmaps', 'default', cm('loose', [owner], false));
    client.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Foreground' });
    const pending = client.get('configmaps', 'default', 'owner');
    expect(pending.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(pending.metadata.deletionTimestamp).toBeDefined();
    clock.runDue();
    expect(names(client)).toEqual([]);
  });

  it('orphans dependents of an owner that carries the orphan finalizer', () => {
    const { clock, client } = setup();
    const owner = client.create('configmaps', 'default', { ...cm('owner'), metadata: { name: 'owner', finalizers: ['orphan'] } });
    client.create('configmaps', 'default', cm('child', [owner]));
    client.delete('configmaps', 'default', 'owner');
    clock.runDue();
    expect(names(client)).toEqual(['child']);
    expect(client.get('configmaps', 'default', 'child').metadata.ownerReferences).toBeUndefined();
  });
});
