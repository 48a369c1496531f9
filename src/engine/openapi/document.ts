// Models kube-apiserver's /openapi/v3 endpoints (k8s.io/kube-openapi/pkg/handler3): an index of
// group-versions, and one OpenAPI 3.0 document per group-version with paths and component schemas.
// Simplified: only the operations and parameters kubectl looks at (no response headers, no
// parameter descriptions, no watch/proxy paths).
import type { ResourceDef } from '../api/types';
import { BUILTIN_RESOURCES } from '../api/registry';
import { documentHash } from './hash';
import { componentSchemas, definitionFor, reachableComponents, REF_PREFIX, servedKinds } from './schemas';
import type { JsonSchema, OpenApiV3Document, OpenApiV3Index } from './types';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const JSON_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

type Op = Record<string, unknown>;
type Param = { name: string; in: 'query' | 'path'; required?: boolean; schema: JsonSchema };

const q = (name: string, type = 'string'): Param => ({ name, in: 'query', schema: { type } });
const LIST_PARAMS = [q('allowWatchBookmarks', 'boolean'), q('continue'), q('fieldSelector'), q('labelSelector'), q('limit', 'integer'),
  q('resourceVersion'), q('resourceVersionMatch'), q('sendInitialEvents', 'boolean'), q('timeoutSeconds', 'integer'), q('watch', 'boolean')];
const WRITE_PARAMS = [q('dryRun'), q('fieldManager'), q('fieldValidation')];
const PATCH_PARAMS = [...WRITE_PARAMS, q('force', 'boolean')];
const DELETE_PARAMS = [q('dryRun'), q('gracePeriodSeconds', 'integer'), q('ignoreStoreReadErrorWithClusterBreakingPotential', 'boolean'),
  q('orphanDependents', 'boolean'), q('propagationPolicy')];

/** gvPath returns the /openapi/v3 key of a group/version: `api/v1` or `apis/apps/v1`. */
export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

function groupWord(group: string): string {
  if (!group) return 'Core';
  return group.replace(/\.k8s\.io$/, '').split('.').map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');
}

function ref(def: string): JsonSchema { return { $ref: REF_PREFIX + def }; }

function content(schema: JsonSchema, types = JSON_TYPES): Record<string, { schema: JsonSchema }> {
  return Object.fromEntries(types.map((t) => [t, { schema }]));
}

/** resourcePaths returns the path items kube-apiserver installs for one resource. */
function resourcePaths(d: ResourceDef): Record<string, Record<string, unknown>> {
  const prefix = d.group ? `/apis/${d.group}/${d.version}` : `/api/${d.version}`;
  const gvk = { group: d.group, kind: d.kind, version: d.version };
  const def = definitionFor(d.group, d.version, d.kind);
  const listDef = definitionFor(d.group, d.version, d.listKind);
  const objSchema = def ? ref(def) : { type: 'object' };
  const listSchema = listDef ? ref(listDef) : { type: 'object' };
  const ns = d.namespaced ? 'Namespaced' : '';
  const word = `${groupWord(d.group)}${d.version.charAt(0).toUpperCase()}${d.version.slice(1)}`;
  const tag = `${groupWord(d.group).charAt(0).toLowerCase()}${groupWord(d.group).slice(1)}_${d.version}`;
  const op = (verb: string, action: string, params: Param[], response: JsonSchema, extra: Op = {}): Op => ({
    tags: [tag],
    operationId: `${verb}${word}${ns}${d.kind}`,
    parameters: params,
    ...extra,
    responses: { '200': { description: 'OK', content: content(response) }, '401': { description: 'Unauthorized' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  });
  const has = (v: string): boolean => d.verbs.includes(v);
  const base = d.namespaced ? `${prefix}/namespaces/{namespace}/${d.plural}` : `${prefix}/${d.plural}`;
  const pathParams: Param[] = [
    ...(d.namespaced ? [{ name: 'namespace', in: 'path' as const, required: true, schema: { type: 'string' } }] : []),
    q('pretty'),
  ];
  const named: Param[] = [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }, ...pathParams];
  const body = (schema: JsonSchema, types = JSON_TYPES): Op => ({ requestBody: { content: content(schema, types), required: true } });
  const out: Record<string, Record<string, unknown>> = {};

  const collection: Record<string, unknown> = { parameters: pathParams };
  if (has('list')) collection.get = op('list', 'list', LIST_PARAMS, listSchema);
  if (has('create')) collection.post = op('create', 'post', WRITE_PARAMS, objSchema, body(objSchema));
  if (has('deletecollection')) collection.delete = op('deletecollection', 'deletecollection', [...DELETE_PARAMS, ...LIST_PARAMS], ref(`${META}Status`));
  if (Object.keys(collection).length > 1) out[base] = collection;

  const item: Record<string, unknown> = { parameters: named };
  if (has('get')) item.get = op('read', 'get', [], objSchema);
  if (has('update')) item.put = op('replace', 'put', WRITE_PARAMS, objSchema, body(objSchema));
  if (has('patch')) item.patch = op('patch', 'patch', PATCH_PARAMS, objSchema, body({ type: 'object' }, PATCH_TYPES));
  if (has('delete')) item.delete = op('delete', 'delete', DELETE_PARAMS, objSchema);
  if (Object.keys(item).length > 1) out[`${base}/{name}`] = item;

  if (d.namespaced && has('list')) {
    out[`${prefix}/${d.plural}`] = { parameters: [q('pretty')], get: { ...op('list', 'list', LIST_PARAMS, listSchema), operationId: `list${word}${d.kind}ForAllNamespaces` } };
  }
  for (const sub of d.subresources) {
    if (sub !== 'status' && sub !== 'scale') continue;
    const subDef = sub === 'scale' ? definitionFor('autoscaling', 'v1', 'Scale') : def;
    const subSchema = subDef ? ref(subDef) : objSchema;
    const Sub = sub.charAt(0).toUpperCase() + sub.slice(1);
    const subGvk = sub === 'scale' ? { group: 'autoscaling', kind: 'Scale', version: 'v1' } : gvk;
    const mk = (o: Op, verb: string): Op => ({ ...o, operationId: `${verb}${word}${ns}${d.kind}${Sub}`, 'x-kubernetes-group-version-kind': subGvk });
    out[`${base}/{name}/${sub}`] = {
      parameters: named,
      get: mk(op('read', 'get', [], subSchema), 'read'),
      put: mk(op('replace', 'put', WRITE_PARAMS, subSchema, body(subSchema)), 'replace'),
      patch: mk(op('patch', 'patch', PATCH_PARAMS, subSchema, body({ type: 'object' }, PATCH_TYPES)), 'patch'),
    };
  }
  return out;
}

function groupVersions(resources: readonly ResourceDef[]): Map<string, ResourceDef[]> {
  const out = new Map<string, ResourceDef[]>();
  for (const d of resources) {
    if (d.plural.includes('/')) continue;
    const key = gvPath(d.group, d.version);
    out.set(key, [...(out.get(key) ?? []), d]);
  }
  return out;
}

const docCache = new Map<string, { doc: OpenApiV3Document; hash: string }>();

function signature(defs: readonly ResourceDef[]): string {
  return defs.map((d) => `${d.kind}:${d.plural}:${d.namespaced}:${d.verbs.join(',')}:${d.subresources.join(',')}`).join(';');
}

function cached(resources: readonly ResourceDef[], path: string): { doc: OpenApiV3Document; hash: string } | undefined {
  const defs = groupVersions(resources).get(path);
  if (!defs) return undefined;
  const key = `${path}|${signature(defs)}`;
  let hit = docCache.get(key);
  if (!hit) {
    const doc = buildDocument(defs);
    hit = { doc, hash: documentHash(JSON.stringify(doc)) };
    docCache.set(key, hit);
  }
  return hit;
}

function buildDocument(defs: ResourceDef[]): OpenApiV3Document {
  const { group, version } = defs[0];
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of [...defs].sort((a, b) => (a.plural < b.plural ? -1 : 1))) Object.assign(paths, resourcePaths(d));
  const roots = servedKinds().filter((k) => k.group === group && k.version === version).map((k) => k.definition);
  roots.push(`${META}Status`, `${META}DeleteOptions`);
  if (defs.some((d) => d.subresources.includes('scale'))) roots.push(definitionFor('autoscaling', 'v1', 'Scale') ?? '');
  const all = componentSchemas();
  const schemas = Object.fromEntries(reachableComponents(roots).map((n) => [n, all[n]]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: Object.fromEntries(Object.keys(paths).sort().map((k) => [k, paths[k]])),
    components: { schemas, securitySchemes: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } } },
  };
}

/** openApiV3Index returns the body of GET /openapi/v3 for the served resources (default: the built-in ones). */
export function openApiV3Index(resources: readonly ResourceDef[] = BUILTIN_RESOURCES): OpenApiV3Index {
  const paths: OpenApiV3Index['paths'] = {};
  for (const key of [...groupVersions(resources).keys()].sort()) {
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${cached(resources, key)!.hash}` };
  }
  return { paths };
}

/**
 * openApiV3Document returns the OpenAPI v3 document of one group-version path (`api/v1`,
 * `apis/apps/v1`), or undefined when no served resource lives there.
 */
export function openApiV3Document(groupVersion: string, resources: readonly ResourceDef[] = BUILTIN_RESOURCES): OpenApiV3Document | undefined {
  return cached(resources, groupVersion.replace(/^\/+|\/+$/g, ''))?.doc;
}
