// Models pkg/controller/deployment/rolling.go (scale the new RS up within maxSurge, old ones down within maxUnavailable).
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { SyncContext } from './context';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import { byCreation, deploymentComplete, desired, filterActive, maxUnavailable, newRSNewReplicas, replicasOf, sumSpec, sumStatus } from './util';

/** rolloutRolling is rolloutRolling: one step of a rolling update, then status. */
export function rolloutRolling(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  const rs = newRS as ReplicaSet;
  const allRSs = [...oldRSs, rs];
  if (reconcileNewReplicaSet(ctx, allRSs, rs, d)) return syncRolloutStatus(ctx, allRSs, rs, d);
  if (reconcileOldReplicaSets(ctx, allRSs, filterActive(oldRSs), rs, d)) return syncRolloutStatus(ctx, allRSs, rs, d);
  if (deploymentComplete(d, d.status)) cleanupDeployment(ctx, oldRSs, d);
  syncRolloutStatus(ctx, allRSs, rs, d);
}

function reconcileNewReplicaSet(ctx: SyncContext, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (replicasOf(newRS) === desired(d)) return false;
  if (replicasOf(newRS) > desired(d)) return scaleReplicaSetAndRecordEvent(ctx, newRS, desired(d), d).scaled;
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

function reconcileOldReplicaSets(ctx: SyncContext, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = desired(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpec(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const { rss, count: cleaned } = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...rss, newRS], rss, d);
  return cleaned + scaledDown > 0;
}

// Old RSs' unavailable pods go first: removing them cannot lower availability.
function cleanupUnhealthyReplicas(ctx: SyncContext, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): { rss: ReplicaSet[]; count: number } {
  const rss = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < rss.length && total < maxCleanup; i++) {
    const rs = rss[i];
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const n = Math.min(maxCleanup - total, replicasOf(rs) - available);
    rss[i] = scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - n, d).rs;
    total += n;
  }
  return { rss, count: total };
}

function scaleDownOldReplicaSetsForRollingUpdate(ctx: SyncContext, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = desired(d) - maxUnavailable(d);
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicasOf(rs) === 0) continue;
    const n = Math.min(replicasOf(rs), target - total);
    scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - n, d);
    total += n;
  }
  return total;
}
