// Authentication and authorization for requests that reach kube-apiserver over the network (from pods
// or the nodes, not through kubectl's admin credentials). Models the ServiceAccount token authenticator
// (bound tokens die with their pod) and the RBAC authorizer with the bootstrap policy's discovery and
// public-info rules; ClusterRoles missing from the store fall back to the well-known defaults.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterRole, PolicyRule, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Client } from '../api/types';

/** Identity is an authenticated (or anonymous) user. */
export interface Identity { user: string; groups: string[] }

/** ANONYMOUS is who a request without credentials is. */
export const ANONYMOUS: Identity = { user: 'system:anonymous', groups: ['system:unauthenticated'] };

/** Attributes are RBAC's request attributes. */
export type Attributes =
  | { kind: 'resource'; verb: string; group: string; resource: string; subresource?: string; namespace?: string; name?: string }
  | { kind: 'path'; verb: string; path: string };

const TOKEN = /^bearer\s+(\S+)\s*$/i;

/**
 * identify authenticates a bearer token: the kubelet's projected ServiceAccount token names its pod
 * (payload = pod UID), so it is valid while that pod exists. 'invalid' → 401; undefined → anonymous.
 */
export function identify(client: Client, authorization: string | undefined): Identity | 'invalid' | undefined {
  if (!authorization) return undefined;
  const m = TOKEN.exec(authorization);
  if (!m) return 'invalid';
  const parts = m[1].split('.');
  if (parts.length !== 3 || !parts[1]) return 'invalid';
  const pod = (client.list('pods') as unknown as Pod[]).find((p) => p.metadata?.uid === parts[1]);
  if (!pod) return 'invalid';
  const ns = pod.metadata?.namespace ?? 'default';
  const sa = pod.spec?.serviceAccountName ?? 'default';
  return { user: `system:serviceaccount:${ns}:${sa}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'] };
}

const VERBS: Record<string, string> = { GET: 'get', HEAD: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** attributesOf derives RBAC attributes from an HTTP method, path and query (apiserver's RequestInfoFactory). */
export function attributesOf(method: string, path: string, query: Record<string, string>): Attributes {
  const base = VERBS[method.toUpperCase()] ?? method.toLowerCase();
  const seg = path.split('/').filter(Boolean);
  let rest: string[];
  let group = '';
  if (seg[0] === 'api' && seg.length >= 3) rest = seg.slice(2);
  else if (seg[0] === 'apis' && seg.length >= 4) { group = seg[1]; rest = seg.slice(3); }
  else return { kind: 'path', verb: base, path };
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) { namespace = rest[1]; rest = rest.slice(2); }
  else if (rest[0] === 'namespaces' && rest.length === 2) return finish(base, group, 'namespaces', undefined, rest[1], undefined, query);
  const [resource, name, subresource] = rest;
  return finish(base, group, resource, namespace, name, subresource, query);
}

function finish(base: string, group: string, resource: string, namespace: string | undefined, name: string | undefined, subresource: string | undefined, query: Record<string, string>): Attributes {
  let verb = base;
  if (base === 'get' && !name) verb = query.watch === 'true' || query.watch === '1' ? 'watch' : 'list';
  if (base === 'delete' && !name) verb = 'deletecollection';
  const a: Attributes = { kind: 'resource', verb, group, resource };
  if (namespace) a.namespace = namespace;
  if (name) a.name = name;
  if (subresource) a.subresource = subresource;
  return a;
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const WORKLOADS = ['pods', 'pods/log', 'pods/status', 'services', 'services/status', 'endpoints', 'configmaps', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale',
  'events', 'serviceaccounts', 'limitranges', 'resourcequotas', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale',
  'daemonsets', 'jobs', 'cronjobs', 'ingresses', 'networkpolicies', 'endpointslices', 'horizontalpodautoscalers', 'poddisruptionbudgets', 'leases'];
const GROUPS = ['', 'apps', 'batch', 'networking.k8s.io', 'autoscaling', 'policy', 'discovery.k8s.io', 'coordination.k8s.io', 'events.k8s.io'];

/** DEFAULT_CLUSTER_ROLES are the user-facing bootstrap ClusterRoles (approximated: no aggregation). */
export const DEFAULT_CLUSTER_ROLES: Record<string, PolicyRule[]> = {
  'cluster-admin': [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }],
  view: [{ apiGroups: GROUPS, resources: [...WORKLOADS, 'namespaces'], verbs: READ }],
  edit: [{ apiGroups: GROUPS, resources: [...WORKLOADS, 'secrets', 'pods/exec', 'pods/portforward', 'pods/attach', 'namespaces'], verbs: [...READ, ...WRITE] }],
  admin: [{ apiGroups: [...GROUPS, 'rbac.authorization.k8s.io'], resources: [...WORKLOADS, 'secrets', 'pods/exec', 'pods/portforward', 'pods/attach', 'namespaces', 'roles', 'rolebindings'], verbs: [...READ, ...WRITE] }],
};

// The bootstrap policy every cluster has: system:discovery / system:basic-user for authenticated
// users, system:public-info-viewer for everyone.
const PUBLIC_PATHS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];
const DISCOVERY_PATHS = ['/api', '/api/*', '/apis', '/apis/*', '/openapi', '/openapi/*', ...PUBLIC_PATHS];

const has = (xs: string[] | undefined, x: string) => !!xs && (xs.includes('*') || xs.includes(x));

function ruleAllows(r: PolicyRule, a: Attributes): boolean {
  if (!has(r.verbs, a.verb)) return false;
  if (a.kind === 'path') return (r.nonResourceURLs ?? []).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
  if (!has(r.apiGroups, a.group)) return false;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (!has(r.resources, res)) return false;
  return !r.resourceNames?.length || (!!a.name && r.resourceNames.includes(a.name));
}

/** authorize tells whether who may do a, from the bootstrap policy and the RBAC objects in the store. */
export function authorize(client: Client, who: Identity, a: Attributes): boolean {
  if (a.kind === 'path' && a.verb === 'get' && (PUBLIC_PATHS.includes(a.path) || (who.groups.includes('system:authenticated') && DISCOVERY_PATHS.some((p) => p === a.path || (p.endsWith('*') && a.path.startsWith(p.slice(0, -1))))))) return true;
  const subjectMatches = (b: RoleBinding) => (b.subjects ?? []).some((s) =>
    (s.kind === 'User' && s.name === who.user)
    || (s.kind === 'Group' && who.groups.includes(s.name))
    || (s.kind === 'ServiceAccount' && who.user === `system:serviceaccount:${s.namespace ?? ''}:${s.name}`));
  const clusterRole = (name: string) => (client.tryGet('clusterroles', undefined, name) as unknown as ClusterRole | undefined)?.rules ?? DEFAULT_CLUSTER_ROLES[name] ?? [];
  for (const b of client.list('clusterrolebindings') as unknown as RoleBinding[]) {
    if (subjectMatches(b) && clusterRole(b.roleRef.name).some((r) => ruleAllows(r, a))) return true;
  }
  if (a.kind === 'resource' && a.namespace) {
    for (const b of client.list('rolebindings', a.namespace) as unknown as RoleBinding[]) {
      if (!subjectMatches(b)) continue;
      const rules = b.roleRef.kind === 'ClusterRole' ? clusterRole(b.roleRef.name) : (client.tryGet('roles', a.namespace, b.roleRef.name) as unknown as ClusterRole | undefined)?.rules ?? [];
      if (rules.some((r) => ruleAllows(r, a))) return true;
    }
  }
  return false;
}

/** forbiddenMessage is the RBAC denial text kube-apiserver returns. */
export function forbiddenMessage(who: Identity, a: Attributes): string {
  if (a.kind === 'path') return `forbidden: User "${who.user}" cannot ${a.verb} path "${a.path}"`;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const what = a.name ? `${a.resource} "${a.name}"` : a.resource;
  const where = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `${what} is forbidden: User "${who.user}" cannot ${a.verb} resource "${res}" in API group "${a.group}" ${where}`;
}
