import type { Pod } from 'kubernetes-types/core/v1';
import { matcherFromRequirements } from '../../api';
import type { LabelSelectorMatcher } from '../../api';
import { matchesLabels } from './kinds';
import type { PodCounts } from './summary';
import { rfc3339 } from '../../util';
import type { ReplicaCondition, ReplicaStatus, ReplicatedObject } from './kinds';
import { isPodAvailable, isPodReady } from '../runtime';

const REPLICA_FAILURE = 'ReplicaFailure';

const templateMatchers = new WeakMap<object, LabelSelectorMatcher>();
const buildTemplateMatcher = (labels: Record<string, string>) =>
  matcherFromRequirements(Object.entries(labels).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })));

/** templateMatcher selects the template's labels exactly; compiled once per frozen label set. */
export function templateMatcher(labels: Record<string, string> | undefined): LabelSelectorMatcher {
  if (!labels || !Object.isFrozen(labels)) return buildTemplateMatcher(labels ?? {});
  let m = templateMatchers.get(labels);
  if (!m) templateMatchers.set(labels, (m = buildTemplateMatcher(labels)));
  return m;
}

/** countPods counts the claimed active pods as calculateStatus does. */
export function countPods(rs: ReplicatedObject, pods: Pod[], now: number): PodCounts {
  const template = templateMatcher(rs.spec?.template?.metadata?.labels);
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fully = 0, ready = 0, available = 0;
  for (const p of pods) {
    if (matchesLabels(template, p.metadata?.labels)) fully++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
  }
  return { replicas: pods.length, fullyLabeled: fully, ready, available };
}

/**
 * calculateStatus models replica_set_utils.go calculateStatus: counts of the claimed active pods, and the
 * ReplicaFailure condition set (FailedCreate / FailedDelete with the error text) or cleared.
 */
export function calculateStatus(rs: ReplicatedObject, pods: Pod[], manageErr: unknown, now: number): ReplicaStatus {
  return statusFromCounts(rs, countPods(rs, pods, now), manageErr, now);
}

/** statusFromCounts is calculateStatus over already counted pods. */
export function statusFromCounts(rs: ReplicatedObject, counts: PodCounts, manageErr: unknown, now: number): ReplicaStatus {
  const prev = rs.status ?? { replicas: 0 };
  let conditions = prev.conditions ? [...prev.conditions] : undefined;
  const failure = conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageErr && !failure) {
    const diff = counts.replicas - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: ReplicaCondition = { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: errorText(manageErr) };
    conditions = [...(conditions ?? []), cond];
  } else if (!manageErr && failure) {
    conditions = conditions?.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const out: ReplicaStatus = { ...prev, replicas: counts.replicas, fullyLabeledReplicas: counts.fullyLabeled, readyReplicas: counts.ready, availableReplicas: counts.available };
  if (conditions?.length) out.conditions = conditions; else delete out.conditions;
  // The omitempty int32 fields vanish at zero when the object is serialized.
  for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const) if (!out[k]) delete out[k];
  return out;
}

/** errorText is err.Error(): the message of an Error or ApiError, or the value as text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** statusUnchanged is updateReplicaSetStatus's early return: nothing to write. */
export function statusUnchanged(rs: ReplicatedObject, next: ReplicaStatus): boolean {
  const cur = rs.status ?? { replicas: 0 };
  return (cur.replicas ?? 0) === next.replicas
    && (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0)
    && (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0)
    && (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0)
    && (rs.metadata.generation ?? 0) === (cur.observedGeneration ?? 0)
    && JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? []);
}
