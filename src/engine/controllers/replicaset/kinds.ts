import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KObject } from '../../types';
import { labelSelectorMatcher, matcherFromRequirements } from '../../api';
import type { LabelSelectorMatcher } from '../../api';

/** ReplicatedObject is a ReplicaSet or a ReplicationController as the controller reads it. */
export type ReplicatedObject = KObject & {
  spec?: { replicas?: number; minReadySeconds?: number; selector?: unknown; template?: PodTemplateSpec };
  status?: ReplicaStatus;
};

/** ReplicaStatus is the status both kinds share (apps/v1 ReplicaSetStatus, v1 ReplicationControllerStatus). */
export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
}

/** ReplicaCondition is a ReplicaSetCondition / ReplicationControllerCondition. */
export interface ReplicaCondition { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }

/** WorkloadKind describes one of the two kinds the controller manages. */
export interface WorkloadKind {
  /** resource is the client resource name. */
  resource: string;
  apiVersion: string;
  kind: string;
  /** component is the event source (the controller's name in kube-controller-manager). */
  component: string;
  /** selector converts the object's spec.selector into a matcher (throws on an invalid selector). */
  selector(obj: ReplicatedObject): LabelSelectorMatcher;
}

const matchers = new WeakMap<object, LabelSelectorMatcher>();

// Objects are frozen snapshots, so a compiled selector can be cached per snapshot.
function cached(obj: ReplicatedObject, build: () => LabelSelectorMatcher): LabelSelectorMatcher {
  let m = matchers.get(obj);
  if (!m) matchers.set(obj, (m = build()));
  return m;
}

/** REPLICA_SET models pkg/controller/replicaset for apps/v1 ReplicaSets. */
export const REPLICA_SET: WorkloadKind = {
  resource: 'replicasets',
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selector: (rs) => cached(rs, () => labelSelectorMatcher(rs.spec?.selector as LabelSelector | undefined)),
};

/**
 * REPLICATION_CONTROLLER models pkg/controller/replication, which converts a ReplicationController
 * into a ReplicaSet (plain map selector → matchLabels; an empty map selects everything) and reuses
 * the ReplicaSet controller.
 */
export const REPLICATION_CONTROLLER: WorkloadKind = {
  resource: 'replicationcontrollers',
  apiVersion: 'v1',
  kind: 'ReplicationController',
  component: 'replication-controller',
  selector: (rc) => cached(rc, () => matcherFromRequirements(
    Object.entries((rc.spec?.selector ?? {}) as Record<string, string>).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })),
  )),
};
