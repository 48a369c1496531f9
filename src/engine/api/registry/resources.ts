import type { ResourceDef } from '../types';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

interface Opts { short?: string[]; cluster?: boolean; verbs?: string[]; all?: boolean; sub?: string[]; singular?: string; listKind?: string }

function def(group: string, version: string, kind: string, plural: string, o: Opts = {}): ResourceDef {
  return {
    group, version, kind,
    listKind: o.listKind ?? `${kind}List`,
    plural,
    singular: o.singular ?? kind.toLowerCase(),
    shortNames: o.short ?? [],
    namespaced: !o.cluster,
    verbs: o.verbs ?? ALL_VERBS,
    categories: o.all ? ['all'] : [],
    subresources: o.sub ?? [],
  };
}

/**
 * BUILTIN_RESOURCES are the served resources, as kube-apiserver v1.32 discovery lists them
 * (group/version, kind, names, scope, verbs, the `all` category, and the subresources this server serves).
 */
export const BUILTIN_RESOURCES: readonly ResourceDef[] = [
  def('', 'v1', 'Binding', 'bindings', { verbs: ['create'] }),
  def('', 'v1', 'ConfigMap', 'configmaps', { short: ['cm'] }),
  def('', 'v1', 'Endpoints', 'endpoints', { short: ['ep'], singular: 'endpoints', listKind: 'EndpointsList' }),
  def('', 'v1', 'Event', 'events', { short: ['ev'] }),
  def('', 'v1', 'LimitRange', 'limitranges', { short: ['limits'] }),
  def('', 'v1', 'Namespace', 'namespaces', { short: ['ns'], cluster: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], sub: ['finalize', 'status'] }),
  def('', 'v1', 'Node', 'nodes', { short: ['no'], cluster: true, sub: ['status'] }),
  def('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', { short: ['pvc'], sub: ['status'] }),
  def('', 'v1', 'PersistentVolume', 'persistentvolumes', { short: ['pv'], cluster: true, sub: ['status'] }),
  def('', 'v1', 'Pod', 'pods', { short: ['po'], all: true, sub: ['attach', 'binding', 'eviction', 'exec', 'log', 'portforward', 'status'] }),
  def('', 'v1', 'PodTemplate', 'podtemplates'),
  def('', 'v1', 'ReplicationController', 'replicationcontrollers', { short: ['rc'], all: true, sub: ['scale', 'status'] }),
  def('', 'v1', 'ResourceQuota', 'resourcequotas', { short: ['quota'], sub: ['status'] }),
  def('', 'v1', 'Secret', 'secrets'),
  def('', 'v1', 'ServiceAccount', 'serviceaccounts', { short: ['sa'] }),
  def('', 'v1', 'Service', 'services', { short: ['svc'], all: true, sub: ['status'] }),
  def('apps', 'v1', 'ControllerRevision', 'controllerrevisions'),
  def('apps', 'v1', 'DaemonSet', 'daemonsets', { short: ['ds'], all: true, sub: ['status'] }),
  def('apps', 'v1', 'Deployment', 'deployments', { short: ['deploy'], all: true, sub: ['scale', 'status'] }),
  def('apps', 'v1', 'ReplicaSet', 'replicasets', { short: ['rs'], all: true, sub: ['scale', 'status'] }),
  def('apps', 'v1', 'StatefulSet', 'statefulsets', { short: ['sts'], all: true, sub: ['scale', 'status'] }),
  def('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', { short: ['hpa'], all: true, sub: ['status'] }),
  def('batch', 'v1', 'CronJob', 'cronjobs', { short: ['cj'], all: true, sub: ['status'] }),
  def('batch', 'v1', 'Job', 'jobs', { all: true, sub: ['status'] }),
  def('coordination.k8s.io', 'v1', 'Lease', 'leases'),
  def('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices'),
  def('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', { cluster: true }),
  def('networking.k8s.io', 'v1', 'Ingress', 'ingresses', { short: ['ing'], sub: ['status'] }),
  def('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', { short: ['netpol'] }),
  def('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', { short: ['pdb'], sub: ['status'] }),
  def('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', { cluster: true }),
  def('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', { cluster: true }),
  def('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  def('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  def('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', { short: ['pc'], cluster: true }),
  def('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', { short: ['sc'], cluster: true }),
];

/** GROUP_ORDER is the order kube-apiserver lists API groups in discovery. */
export const GROUP_ORDER = [
  '', 'apps', 'events.k8s.io', 'autoscaling', 'batch', 'networking.k8s.io', 'policy',
  'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io',
];

/** SubresourceInfo is how discovery describes a subresource (kind, verbs, optional group/version). */
export interface SubresourceInfo { kind?: string; verbs: string[]; group?: string; version?: string }

/** subresourceInfo returns the discovery entry fields of `sub` on def, as kube-apiserver advertises them. */
export function subresourceInfo(def: ResourceDef, sub: string): SubresourceInfo {
  switch (sub) {
    case 'status': return { verbs: ['get', 'patch', 'update'] };
    case 'scale': return { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };
    case 'finalize': return { verbs: ['update'] };
    case 'log': return { verbs: ['get'] };
    case 'binding': return { kind: 'Binding', verbs: ['create'] };
    case 'eviction': return { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] };
    case 'exec': return { kind: 'PodExecOptions', verbs: ['create', 'get'] };
    case 'attach': return { kind: 'PodAttachOptions', verbs: ['create', 'get'] };
    case 'portforward': return { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] };
    default: return { kind: def.kind, verbs: ['get'] };
  }
}

/** ResourceBehaviour holds the registry strategy traits of a resource (not advertised by discovery). */
export interface ResourceBehaviour {
  /** tracksGeneration: metadata.generation starts at 1 and bumps on spec changes. */
  tracksGeneration: boolean;
  /** returnDeletedObject: DELETE answers with the object instead of a Status. */
  returnDeletedObject: boolean;
  /** allowCreateOnUpdate: PUT on a missing object creates it. */
  allowCreateOnUpdate: boolean;
}

const GENERATION = new Set(['apps/deployments', 'apps/replicasets', 'apps/daemonsets', 'apps/statefulsets', '/replicationcontrollers',
  'batch/jobs', 'batch/cronjobs', 'networking.k8s.io/ingresses', 'networking.k8s.io/networkpolicies', 'policy/poddisruptionbudgets',
  'autoscaling/horizontalpodautoscalers', 'discovery.k8s.io/endpointslices']);
const RETURN_DELETED = new Set(['/pods', '/services', '/namespaces', '/nodes', '/persistentvolumes', '/persistentvolumeclaims']);
const CREATE_ON_UPDATE = new Set(['/endpoints', '/events', 'coordination.k8s.io/leases']);

/** behaviourOf returns the strategy traits of def. */
export function behaviourOf(def: ResourceDef): ResourceBehaviour {
  const k = `${def.group}/${def.plural}`;
  return { tracksGeneration: GENERATION.has(k), returnDeletedObject: RETURN_DELETED.has(k), allowCreateOnUpdate: CREATE_ON_UPDATE.has(k) };
}
