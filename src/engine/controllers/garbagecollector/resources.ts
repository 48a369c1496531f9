/** MonitoredResource is one API resource whose objects the garbage collector tracks as owners and dependents. */
export interface MonitoredResource {
  /** resource is the client resource name. */
  resource: string;
  group: string;
  kind: string;
  namespaced: boolean;
}

const r = (resource: string, group: string, kind: string, namespaced = true): MonitoredResource => ({ resource, group, kind, namespaced });

/**
 * MONITORED_RESOURCES are the resources the collector watches. Upstream monitors every resource that
 * supports list, watch and delete; this list holds the ones owner references appear on in practice.
 */
export const MONITORED_RESOURCES: MonitoredResource[] = [
  r('pods', '', 'Pod'),
  r('replicationcontrollers', '', 'ReplicationController'),
  r('services', '', 'Service'),
  r('configmaps', '', 'ConfigMap'),
  r('secrets', '', 'Secret'),
  r('serviceaccounts', '', 'ServiceAccount'),
  r('persistentvolumeclaims', '', 'PersistentVolumeClaim'),
  r('nodes', '', 'Node', false),
  r('replicasets', 'apps', 'ReplicaSet'),
  r('deployments', 'apps', 'Deployment'),
  r('daemonsets', 'apps', 'DaemonSet'),
  r('statefulsets', 'apps', 'StatefulSet'),
  r('controllerrevisions', 'apps', 'ControllerRevision'),
  r('jobs', 'batch', 'Job'),
  r('cronjobs', 'batch', 'CronJob'),
  r('endpointslices', 'discovery.k8s.io', 'EndpointSlice'),
];

/** groupOf returns the API group of an apiVersion (`apps/v1` → `apps`, `v1` → ''). */
export function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
}

/** resourceForRef maps an ownerReference's apiVersion and kind to a monitored resource (the RESTMapper's job). */
export function resourceForRef(ref: { apiVersion: string; kind: string }): MonitoredResource | undefined {
  const g = groupOf(ref.apiVersion);
  return MONITORED_RESOURCES.find((m) => m.kind === ref.kind && m.group === g);
}
