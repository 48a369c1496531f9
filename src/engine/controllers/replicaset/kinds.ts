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

const rsMatchers = new WeakMap<object, LabelSelectorMatcher>();
const rcMatchers = new WeakMap<object, LabelSelectorMatcher>();

// Objects are frozen snapshots, so a compiled selector can be cached per snapshot; a frozen spec.selector
// is shared by the object's later snapshots (status writes keep it), so it is the longer-lived key.
function cached(matchers: WeakMap<object, LabelSelectorMatcher>, obj: ReplicatedObject, build: () => LabelSelectorMatcher): LabelSelectorMatcher {
  const sel = obj.spec?.selector;
  const key = sel !== null && typeof sel === 'object' && Object.isFrozen(sel) ? sel : obj;
  let m = matchers.get(key);
  if (!m) matchers.set(key, (m = build()));
  return m;
}

const labelMatches = new WeakMap<LabelSelectorMatcher, WeakMap<object, boolean>>();

/**
 * matchesLabels is matcher.matches(labels), remembered per frozen label set (pods keep their labels
 * object across status writes, so a sync over many pods tests each label set once per selector).
 */
export function matchesLabels(matcher: LabelSelectorMatcher, labels: Record<string, string> | undefined): boolean {
  if (!labels || !Object.isFrozen(labels)) return matcher.matches(labels);
  let memo = labelMatches.get(matcher);
  if (!memo) labelMatches.set(matcher, (memo = new WeakMap()));
  let v = memo.get(labels);
  if (v === undefined) memo.set(labels, (v = matcher.matches(labels)));
  return v;
}

/** REPLICA_SET models pkg/controller/replicaset for apps/v1 ReplicaSets. */
export const REPLICA_SET: WorkloadKind = {
  resource: 'replicasets',
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selector: (rs) => cached(rsMatchers, rs, () => labelSelectorMatcher(rs.spec?.selector as LabelSelector | undefined)),
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
  selector: (rc) => cached(rcMatchers, rc, () => matcherFromRequirements(
    Object.entries((rc.spec?.selector ?? {}) as Record<string, string>).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })),
  )),
};
