// kubectl describe: kubectl 1.32's describers ported to the sandbox's Client.
import type { ResourceDef } from '../../api/types';
import type { KObject } from '../../types';
import type { DescribeContext } from './common';
import { describeGeneric } from './generic';
import { describeNode } from './node';
import { describePod, describePodTemplate as describePodTemplateRaw } from './pod';
import { PrefixWriter } from './writer';
import type { GoTabWriter } from '../printers';
import { describeEndpoints, describeService } from './service';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './simple';
import { describeDeployment, describeReplicaSet, describeReplicationController } from './workloads';
import { describeCronJob, describeDaemonSet, describeJob, describeStatefulSet } from './batch';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import {
  describeEndpointSlice, describeLimitRange, describeNetworkPolicy, describePodDisruptionBudget, describePriorityClass,
  describeResourceQuota, describeRole, describeRoleBinding,
} from './policy';
import { describeHorizontalPodAutoscaler } from './hpa';
import { describeIngress, describeIngressClass } from './ingress';

export type { DescribeContext } from './common';
export { describeEvents, searchEvents } from './common';
export { describePodObject, computePodQOS } from './pod';
export { describeProbe } from './containers';
export { smartLabelFor, camelcaseSplit } from './generic';

type Describer = (obj: KObject, ctx: DescribeContext) => string;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  '/Secret': (o) => describeSecret(o),
  '/ServiceAccount': describeServiceAccount,
  '/ReplicationController': describeReplicationController,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/DaemonSet': describeDaemonSet,
  'apps/StatefulSet': describeStatefulSet,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/PersistentVolume': describePersistentVolume,
  'storage.k8s.io/StorageClass': describeStorageClass,
  '/ResourceQuota': (o) => describeResourceQuota(o),
  '/LimitRange': (o) => describeLimitRange(o),
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
  'rbac.authorization.k8s.io/Role': (o) => describeRole(o),
  'rbac.authorization.k8s.io/ClusterRole': (o) => describeRole(o),
  'rbac.authorization.k8s.io/RoleBinding': (o) => describeRoleBinding(o),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (o) => describeRoleBinding(o),
  'networking.k8s.io/NetworkPolicy': (o) => describeNetworkPolicy(o),
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
};

/**
 * describeObject renders `kubectl describe` output for one object, using kubectl 1.32's dedicated
 * describer for its kind or the generic describer otherwise (e.g. Event, CRDs).
 */
export function describeObject(obj: KObject, resource: ResourceDef, ctx: DescribeContext): string {
  const d = DESCRIBERS[`${resource.group}/${resource.kind}`] ?? describeGeneric;
  return d(obj, ctx);
}

/**
 * podTemplateText is `kubectl rollout history --revision`'s printTemplate: DescribePodTemplate written
 * through a prefix writer over a plain buffer, so the tabs stay as they are (no column alignment).
 */
export function podTemplateText(template: Record<string, unknown> | undefined): string {
  let out = '';
  const raw = { write: (s: string) => { out += s; }, flush: () => {}, result: () => out };
  describePodTemplateRaw(template as Parameters<typeof describePodTemplateRaw>[0], new PrefixWriter(raw as unknown as GoTabWriter));
  return out;
}
