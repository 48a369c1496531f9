// Models pkg/controller/deployment/sync.go (new RS, scaling, proportional scaling, cleanup, status).
import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KObject } from '../../types';
import { clone } from '../../util';
import type { SyncContext } from './context';
import { nowString, updateDeploymentStatus } from './context';
import { computeHash } from './hash';
import {
  HASH_LABEL, byRevision, bySizeNewer, bySizeOlder, desired, filterActive, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets,
  getCondition, getProportion, hasProgressDeadline, hasRevisionHistoryLimit, isRollingUpdate, isSaturated, maxRevision, maxSurge,
  maxUnavailable, newCondition, newRSNewReplicas, replicasOf, replicasAnnotationsNeedUpdate, setCondition, setDeploymentRevision,
  setNewReplicaSetAnnotations, setReplicasAnnotations, sumSpec, sumStatus,
} from './util';

/** RolloutSets are the deployment's new ReplicaSet (if any) and its old ones. */
export interface RolloutSets { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }

/** getAllReplicaSetsAndSyncRevision finds (or, with create, makes) the new RS and syncs revisions. */
export function getAllReplicaSetsAndSyncRevision(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[], create: boolean): RolloutSets {
  const { all } = findOldReplicaSets(d, rsList);
  return { newRS: getNewReplicaSet(ctx, d, rsList, all, create), oldRSs: all };
}

function getNewReplicaSet(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const ns = d.metadata?.namespace;
  if (existing) {
    const rsCopy = clone(existing) as ReplicaSet;
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReadyChanged = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyChanged) {
      rsCopy.spec = { ...rsCopy.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 };
      return ctx.client.update<KObject>('replicasets', ns, rsCopy as KObject) as ReplicaSet;
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      d.status ??= {};
      setCondition(d.status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rsCopy.metadata?.name}"`, nowString(ctx)));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(ctx, d);
    return rsCopy;
  }
  if (!create) return undefined;

  const template = clone(d.spec!.template) as NonNullable<Deployment['spec']>['template'];
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
  const selector = clone(d.spec!.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const name = `${d.metadata?.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name, namespace: ns, labels: { ...template.metadata.labels },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata?.name ?? '', uid: d.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec!.replicas = count;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = ctx.client.create<KObject>('replicasets', ns, newRS as KObject) as ReplicaSet;
  } catch (e) {
    const code = (e as { code?: number }).code;
    if (code === 409) {
      alreadyExists = true;
      const rs = ctx.client.get<KObject>('replicasets', ns, name) as ReplicaSet;
      const ref = rs.metadata?.ownerReferences?.find((r) => r.controller);
      if (!(ref && ref.uid === d.metadata?.uid && findNewReplicaSet(d, [rs]))) {
        // A hash collision: bump collisionCount and let the requeue try again with a new name.
        d.status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
        updateDeploymentStatus(ctx, d);
        throw e;
      }
      created = rs;
    } else {
      const msg = `Failed to create new replica set "${name}": ${(e as Error).message}`;
      if (hasProgressDeadline(d)) {
        d.status ??= {};
        setCondition(d.status, newCondition('Progressing', 'False', 'ReplicaSetCreateError', msg, nowString(ctx)));
        try { updateDeploymentStatus(ctx, d); } catch { /* the bigger issue is reported below */ }
      }
      ctx.recorder.event(d as KObject, 'Warning', 'ReplicaSetCreateError', msg);
      throw e;
    }
  }
  if (!alreadyExists && count > 0) {
    ctx.recorder.event(d as KObject, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata?.name} from 0 to ${count}`);
  }
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    d.status ??= {};
    setCondition(d.status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata?.name}"`, nowString(ctx)));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(ctx, d);
  return created;
}

/** scaleReplicaSet is scaleReplicaSet: sets size and replica annotations, records ScalingReplicaSet. */
export function scaleReplicaSet(ctx: SyncContext, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  const sizeNeedsUpdate = replicasOf(rs) !== newScale;
  const max = desired(d) + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired(d), max)) return { scaled: false, rs };
  const oldScale = replicasOf(rs);
  const copy = clone(rs) as ReplicaSet;
  copy.spec = { ...copy.spec!, replicas: newScale };
  setReplicasAnnotations(copy, desired(d), max);
  const updated = ctx.client.update<KObject>('replicasets', rs.metadata?.namespace, copy as KObject) as ReplicaSet;
  if (sizeNeedsUpdate) {
    const op = oldScale < newScale ? 'up' : 'down';
    ctx.recorder.event(d as KObject, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata?.name} from ${oldScale} to ${newScale}`);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

/** scaleReplicaSetAndRecordEvent is scaleReplicaSetAndRecordEvent: no-op when already at newScale. */
export function scaleReplicaSetAndRecordEvent(ctx: SyncContext, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, d);
}

/** scale is DeploymentController.scale: full size for a lone active RS, otherwise proportional scaling. */
export function scale(ctx: SyncContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const lone = findActiveOrLatest(newRS, oldRSs);
  if (lone) {
    if (replicasOf(lone) !== desired(d)) scaleReplicaSetAndRecordEvent(ctx, lone, desired(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = filterActive([...oldRSs, newRS]);
  const allowed = desired(d) > 0 ? desired(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpec(all);
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = new Map<ReplicaSet, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added, d.status?.replicas ?? 0);
      sizes.set(rs, replicasOf(rs) + p);
      added += p;
    } else sizes.set(rs, replicasOf(rs));
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) sizes.set(rs, Math.max(0, (sizes.get(rs) ?? 0) + toAdd - added));
    scaleReplicaSet(ctx, rs, sizes.get(rs) ?? 0, d);
  });
}

/** cleanupDeployment deletes the oldest fully scaled-down RSs beyond revisionHistoryLimit. */
export function cleanupDeployment(ctx: SyncContext, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp).sort(byRevision);
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    try { ctx.client.delete('replicasets', rs.metadata?.namespace, rs.metadata?.name ?? ''); } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
    }
  }
}

/** calculateStatus is calculateStatus: counts from the RSs plus the Available condition. */
export function calculateStatus(ctx: SyncContext, allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined, d: Deployment): DeploymentStatus {
  const available = sumStatus(allRSs, 'availableReplicas');
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: sumStatus([newRS], 'replicas'),
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpec(allRSs) - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  const now = nowString(ctx);
  if (available >= desired(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

/** syncDeploymentStatus writes calculateStatus when it differs (sync.go). */
export function syncDeploymentStatus(ctx: SyncContext, allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined, d: Deployment): void {
  const s = calculateStatus(ctx, allRSs, newRS, d);
  if (sameStatus(d.status, s)) return;
  d.status = s;
  updateDeploymentStatus(ctx, d);
}

/** sameStatus compares two statuses as reflect.DeepEqual would (absent counters read as 0). */
export function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return normStatus(a) === normStatus(b);
}

const COUNTERS = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const;

// normStatus is the text sameStatus compares: the counters (absent as 0), collisionCount and the conditions' fields.
function normStatus(s: DeploymentStatus | undefined): string {
  const out: Record<string, unknown> = {};
  for (const k of COUNTERS) out[k] = s?.[k] ?? 0;
  out.collisionCount = s?.collisionCount ?? null;
  const conds = s?.conditions ?? [];
  const rows: unknown[] = [];
  for (const c of conds) rows.push([c.type, c.status, c.reason, c.message, c.lastUpdateTime, c.lastTransitionTime]);
  out.conditions = rows;
  return JSON.stringify(out);
}

/** sync is DeploymentController.sync: scaling and status for paused deployments and scaling events. */
export function sync(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  scale(ctx, d, newRS, oldRSs);
  if (d.spec?.paused) cleanupDeployment(ctx, oldRSs, d);
  // As upstream, the status pass sees the RSs as they were before scale() wrote them.
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d);
}

/** isScalingEvent is isScalingEvent: an active RS's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  for (const rs of filterActive([...oldRSs, newRS])) {
    const v = rs.metadata?.annotations?.['deployment.kubernetes.io/desired-replicas'];
    if (v !== undefined && Number(v) !== desired(d)) return true;
  }
  return false;
}
