import { describe, it, expect } from 'vitest';
import type { Status } from '../index';
import { newTestServer, podFixture } from './testutil';

const UA = { 'User-Agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/abc' };
const APPLY = { ...UA, 'Content-Type': 'application/apply-patch+yaml' };
const path = '/api/v1/namespaces/default/pods/web';

describe('server-side apply and managedFields', () => {
  it('creates through PATCH (201) with an Apply entry, then merges and owns what it applies', () => {
    const { api, clock } = newTestServer();
    const created = api.handle({ method: 'PATCH', path, query: { fieldManager: 'kubectl', force: 'false' }, headers: APPLY, body: podFixture('web', {}) });
    expect(created.code).toBe(201);
    const obj = created.body as any;
    expect(obj.spec.restartPolicy).toBe('Always');
    expect(obj.metadata.managedFields).toEqual([{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2025-03-10T09:00:00Z', fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } }]);
    clock.advance(5000);
    const labelled = api.handle({ method: 'PATCH', path, query: { fieldManager: 'kubectl-label' }, headers: { ...UA, 'Content-Type': 'application/merge-patch+json' }, body: { metadata: { labels: { a: 'b' } } } });
    expect((labelled.body as any).metadata.managedFields.map((e: any) => [e.manager, e.operation, JSON.stringify(e.fieldsV1)])).toEqual([
      ['kubectl', 'Apply', '{"f:spec":{"f:containers":{"k:{\\"name\\":\\"web\\"}":{".":{},"f:image":{},"f:name":{}}}}}'],
      ['kubectl-label', 'Update', '{"f:metadata":{"f:labels":{".":{},"f:a":{}}}}'],
    ]);
  });

  it('reports a conflict with another manager as 409, and --force-conflicts takes the field over', () => {
    const { api } = newTestServer();
    api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', query: { fieldManager: 'kubectl-client-side-apply' }, headers: UA, body: podFixture('web') });
    const next = podFixture('web');
    (next.spec as any).containers[0].image = 'nginx:1.27';
    const clash = api.handle({ method: 'PATCH', path, query: { fieldManager: 'kubectl', force: 'false' }, headers: APPLY, body: next });
    expect(clash.code).toBe(409);
    expect((clash.body as Status).message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="web"].image');
    // Applying the same value is no conflict: ownership is shared.
    expect(api.handle({ method: 'PATCH', path, query: { fieldManager: 'other' }, headers: APPLY, body: podFixture('web') }).code).toBe(200);
    const forced = api.handle({ method: 'PATCH', path, query: { fieldManager: 'kubectl', force: 'true' }, headers: APPLY, body: next });
    expect(forced.code).toBe(200);
    expect((forced.body as any).spec.containers[0].image).toBe('nginx:1.27');
    const csa = (forced.body as any).metadata.managedFields.find((e: any) => e.manager === 'kubectl-client-side-apply');
    expect(csa.fieldsV1['f:spec']['f:containers']['k:{"name":"web"}']['f:image']).toBeUndefined();
  });

  it('field validation: Strict rejects, Warn warns, unknown fields in an apply are a typed-patch error', () => {
    const { api } = newTestServer();
    const bad = podFixture('web', { foo: 1 });
    const strict = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', query: { fieldValidation: 'Strict' }, headers: UA, body: bad });
    expect(strict.code).toBe(400);
    expect((strict.body as Status).message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"');
    const warn = api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', query: { fieldValidation: 'Warn' }, headers: UA, body: bad });
    expect(warn.code).toBe(201);
    expect(warn.warnings).toEqual(['unknown field "spec.foo"']);
    const smp = api.handle({ method: 'PATCH', path, query: { fieldValidation: 'Strict' }, headers: { ...UA, 'Content-Type': 'application/strategic-merge-patch+json' }, body: { spec: { bar: 2 } } });
    expect(smp.code).toBe(422);
    expect((smp.body as Status).message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[bar:2]]": strict decoding error: unknown field "spec.bar"');
    const ssa = api.handle({ method: 'PATCH', path: '/api/v1/namespaces/default/pods/x', query: { fieldManager: 'kubectl' }, headers: APPLY, body: podFixture('x', { foo: 1 }) });
    expect(ssa.code).toBe(500);
    expect((ssa.body as Status).message).toBe('failed to create typed patch object (/v1, Kind=Pod): .spec.foo: field not declared in schema');
  });

  it('in-process writes record no managedFields and keep the ones already there', () => {
    const { api, client } = newTestServer();
    client.create('pods', 'default', podFixture('plain'));
    expect((client.get('pods', 'default', 'plain') as any).metadata.managedFields).toBeUndefined();
    api.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', query: { fieldManager: 'kubectl-run' }, headers: UA, body: podFixture('web') });
    const got = client.get('pods', 'default', 'web') as any;
    const updated = client.update('pods', 'default', { ...got, metadata: { ...got.metadata, managedFields: undefined, labels: { x: 'y' } } }) as any;
    expect(updated.metadata.managedFields.map((e: any) => e.manager)).toEqual(['kubectl-run']);
  });
});
