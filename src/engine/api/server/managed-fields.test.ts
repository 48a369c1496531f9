import { describe, it, expect } from 'vitest';
import { appliedFieldSet, difference, intersection, memberPaths, sortEntries, updateFieldSet, managerOrUserAgent } from './managed-fields';
import { conflictError, fromFieldsV1, toFieldsV1 } from './apply';
import type { KObject } from '../../types';

const pod = (): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { run: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }], dnsPolicy: 'ClusterFirst', securityContext: {} },
  status: { phase: 'Pending' },
} as KObject);

describe('managed fields', () => {
  it('an Update that creates owns every field, with `.` on newly added maps and list items only', () => {
    const { owned } = updateFieldSet('', 'v1', 'Pod', undefined, pod());
    expect(toFieldsV1(owned)).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:run': {} } },
      'f:spec': {
        'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } }, 'f:resources': {} } },
        'f:dnsPolicy': {}, 'f:securityContext': {},
      },
    });
  });

  it('a later Update owns only what it changed; an Apply owns what it applied (no `.` on declared fields)', () => {
    const next = pod();
    (next.spec as { containers: { image: string }[] }).containers[0].image = 'nginx:1.27';
    expect(memberPaths(updateFieldSet('', 'v1', 'Pod', pod(), next).owned)).toEqual(['.spec.containers[name="web"].image']);
    const applied = toFieldsV1(appliedFieldSet('', 'v1', 'Pod', pod()));
    expect(applied['f:metadata']).toEqual({ 'f:labels': { 'f:run': {} } });
    expect(applied['f:spec']['f:containers']['k:{"name":"web"}']['f:ports']).toEqual({ 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } });
    expect(applied['f:status']).toBeUndefined();
  });

  it('set algebra and FieldsV1 round trip', () => {
    const a = fromFieldsV1({ 'f:spec': { 'f:a': {}, 'f:b': {} } });
    const b = fromFieldsV1({ 'f:spec': { 'f:b': {} } });
    expect(toFieldsV1(difference(a, b))).toEqual({ 'f:spec': { 'f:a': {} } });
    expect(toFieldsV1(intersection(a, b))).toEqual({ 'f:spec': { 'f:b': {} } });
  });

  it('conflict errors read as kube-apiserver writes them', () => {
    const e = conflictError([{ manager: { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1', time: 't', fieldsType: 'FieldsV1', fieldsV1: {} }, path: '.spec.containers[name="web"].image' }]);
    expect(e.status).toMatchObject({ code: 409, reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="web"].image',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using v1', field: '.spec.containers[name="web"].image' }] } });
    const two = conflictError([
      { manager: { manager: 'b', operation: 'Apply', apiVersion: 'v1', time: 't', fieldsType: 'FieldsV1', fieldsV1: {} }, path: '.x' },
      { manager: { manager: 'a', operation: 'Update', apiVersion: 'v1', time: 't', fieldsType: 'FieldsV1', fieldsV1: {} }, path: '.y' },
    ]);
    expect(two.status.message).toBe('Apply failed with 2 conflicts: conflicts with "a" using v1:\n- .y\nconflicts with "b":\n- .x');
  });

  it('orders entries Apply first, then by time and manager; manager names come from the User-Agent', () => {
    const e = (manager: string, operation: 'Apply' | 'Update', time: string) => ({ manager, operation, time, apiVersion: 'v1', fieldsType: 'FieldsV1' as const, fieldsV1: {} });
    expect(sortEntries([e('z', 'Update', '2025-01-01T00:00:00Z'), e('b', 'Apply', '2025-01-02T00:00:00Z'), e('a', 'Update', '2025-01-01T00:00:00Z')]).map((x) => x.manager)).toEqual(['b', 'a', 'z']);
    expect(managerOrUserAgent(undefined, 'kubectl/v1.32.4 (linux/amd64) kubernetes/abc')).toBe('kubectl');
    expect(managerOrUserAgent('kubectl-edit', 'kubectl/v1.32.4')).toBe('kubectl-edit');
  });
});
