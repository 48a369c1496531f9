import { describe, it, expect } from 'vitest';
import { componentSchemas, openApiV3Document, openApiV3Index, refName, schemaFor, SCHEMA_SOURCE, servedKinds } from './index';
import type { JsonSchema } from './index';
import { BUILTIN_RESOURCES } from '../api/registry';

const S = (name: string): JsonSchema => {
  const s = componentSchemas()[name];
  if (!s) throw new Error(`missing schema ${name}`);
  return s;
};

describe('generated schemas (scripts/gen-schemas.mjs)', () => {
  it('come from the kubernetes-models package and cover every registered kind', () => {
    expect(SCHEMA_SOURCE.package).toBe('kubernetes-models');
    const kinds = new Set(servedKinds().map((k) => `${k.group}/${k.version}/${k.kind}`));
    for (const d of BUILTIN_RESOURCES) expect(kinds, d.kind).toContain(`${d.group}/${d.version}/${d.kind}`);
    expect(kinds).toContain('apps/v1/DeploymentList');
    expect(kinds).toContain('autoscaling/v1/Scale');
  });

  it('keep descriptions, required fields, enums, integer types and refs', () => {
    const pod = S('io.k8s.api.core.v1.Pod');
    expect(pod.description).toMatch(/^Pod is a collection of containers/);
    expect(pod['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(refName(pod.properties!.spec)).toBe('io.k8s.api.core.v1.PodSpec');
    expect(pod.properties!.apiVersion.description).toMatch(/^APIVersion defines the versioned schema/);
    const spec = S('io.k8s.api.core.v1.PodSpec');
    expect(spec.required).toEqual(['containers']);
    expect(spec.properties!.containers.items).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' });
    expect(spec.properties!.dnsPolicy.enum).toEqual(['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']);
    expect(spec.properties!.terminationGracePeriodSeconds).toMatchObject({ type: 'integer', format: 'int64' });
    expect(S('io.k8s.api.apps.v1.DeploymentSpec').properties!.replicas).toMatchObject({ type: 'integer', format: 'int32' });
    expect(S('io.k8s.api.apps.v1.Deployment')['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(S('io.k8s.apimachinery.pkg.apis.meta.v1.Time')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(S('io.k8s.apimachinery.pkg.util.intstr.IntOrString').type).toBeUndefined();
  });

  it('carry the strategic-merge extensions kubectl apply needs', () => {
    const spec = S('io.k8s.api.core.v1.PodSpec').properties!;
    expect(spec.containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(spec.containers['x-kubernetes-patch-strategy']).toBe('merge');
    expect(spec.volumes['x-kubernetes-patch-merge-key']).toBe('name');
    expect(spec.tolerations['x-kubernetes-patch-merge-key']).toBeUndefined();
    const container = S('io.k8s.api.core.v1.Container').properties!;
    expect(container.ports['x-kubernetes-patch-merge-key']).toBe('containerPort');
    expect(container.env['x-kubernetes-patch-merge-key']).toBe('name');
    expect(spec.containers['x-kubernetes-list-type']).toBe('map');
    expect(spec.containers['x-kubernetes-list-map-keys']).toEqual(['name']);
    expect(container.ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    expect(S('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta').properties!.finalizers['x-kubernetes-patch-strategy']).toBe('merge');
  });

  it('schemaFor returns a kind with the components its refs need', () => {
    const d = schemaFor('apps', 'v1', 'Deployment')!;
    expect(d.description).toMatch(/Deployment enables declarative updates/);
    expect(Object.keys(d.components.schemas)).toEqual(expect.arrayContaining([
      'io.k8s.api.apps.v1.Deployment', 'io.k8s.api.apps.v1.DeploymentSpec', 'io.k8s.api.core.v1.Container',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']));
    expect(d.components.schemas['io.k8s.api.core.v1.Node']).toBeUndefined();
    expect(schemaFor('apps', 'v1', 'Nope')).toBeUndefined();
  });
});

describe('OpenAPI v3 documents', () => {
  it('index lists each served group-version with a hashed URL', () => {
    const idx = openApiV3Index();
    expect(Object.keys(idx.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/autoscaling/v2']));
    expect(idx.paths['api/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    expect(openApiV3Index()).toEqual(idx);
  });

  it('per group-version documents have component schemas and PATCH operations with fieldValidation', () => {
    const doc = openApiV3Document('apis/apps/v1')!;
    expect(doc.openapi).toBe('3.0.0');
    expect(doc.components.schemas['io.k8s.api.apps.v1.Deployment']).toBeDefined();
    expect(doc.components.schemas['io.k8s.api.core.v1.Pod']).toBeUndefined();
    const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'] as Record<string, { parameters: { name: string }[]; 'x-kubernetes-group-version-kind': unknown }>;
    expect(item.patch.parameters.map((p) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(item.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale']).toBeDefined();
    expect(openApiV3Document('api/v1')!.paths['/api/v1/nodes/{name}']).toBeDefined();
    expect(openApiV3Document('apis/nope/v1')).toBeUndefined();
  });
});
