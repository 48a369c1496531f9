// applyDefaults: the API server's defaulting step (scheme defaulters + create-time strategy fields).
import type { KObject } from '../../types';
import { defaultPod, defaultPodTemplate, ensure, setIfUnset, type Obj } from './pod';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultReplicationController, defaultStatefulSet } from './workloads';
import { defaultEndpointSlice, defaultEndpoints, defaultLimitRange, defaultNamespace, defaultNode, defaultPV, defaultPVC, defaultService, defaultStorageClass } from './core';

export { imagePullPolicyFor, podQOSClass } from './pod';
export { generateJobSelector } from './workloads';

const DEFAULTERS: Record<string, (o: Obj) => void> = {
  pods: defaultPod,
  podtemplates: (o) => defaultPodTemplate(o.template),
  services: defaultService,
  namespaces: defaultNamespace,
  secrets: (o) => setIfUnset(o, 'type', 'Opaque'),
  persistentvolumeclaims: defaultPVC,
  persistentvolumes: defaultPV,
  nodes: defaultNode,
  endpoints: defaultEndpoints,
  endpointslices: defaultEndpointSlice,
  limitranges: defaultLimitRange,
  storageclasses: defaultStorageClass,
  deployments: defaultDeployment,
  replicasets: defaultReplicaSet,
  replicationcontrollers: defaultReplicationController,
  daemonsets: defaultDaemonSet,
  statefulsets: defaultStatefulSet,
  jobs: defaultJob,
  cronjobs: defaultCronJob,
  resourcequotas: (o) => { ensure(o, 'spec'); },
  // IngressStatus.loadBalancer is a non-pointer struct: the API always serializes `loadBalancer: {}`.
  ingresses: (o) => setIfUnset(ensure(o, 'status'), 'loadBalancer', {}),
};

/**
 * applyDefaults fills in the fields the API server defaults for `resource` (plural), in place.
 * Pods also get status {phase: Pending, qosClass} when status.phase is empty. A Job's generated
 * selector needs metadata.uid: see generateJobSelector.
 */
export function applyDefaults(resource: string, obj: KObject): void {
  const plural = resource.split('.')[0];
  DEFAULTERS[plural]?.(obj as Obj);
}
