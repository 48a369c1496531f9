// Models pkg/controller/deployment/progress.go (Progressing condition, deadline, stuck requeue).
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import { parseTime } from '../../util';
import type { SyncContext } from './context';
import { nowString, updateDeploymentStatus } from './context';
import { calculateStatus, sameStatus } from './sync';
import {
  deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition, hasProgressDeadline, newCondition, removeCondition, setCondition,
} from './util';

/** syncRolloutStatus is syncRolloutStatus: status plus the Progressing condition of the current rollout. */
export function syncRolloutStatus(ctx: SyncContext, allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined, d: Deployment): void {
  const s = calculateStatus(ctx, allRSs, newRS, d);
  if (!hasProgressDeadline(d)) removeCondition(s, 'Progressing');
  const cur = getCondition(d.status, 'Progressing');
  const complete = s.replicas === s.updatedReplicas && cur?.reason === 'NewReplicaSetAvailable';
  const now = nowString(ctx);
  const rsName = newRS?.metadata?.name;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, s)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata?.name}" has successfully progressed.`;
      setCondition(s, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', msg, now));
    } else if (deploymentProgressing(d, s)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata?.name}" is progressing.`;
      const c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', msg, now);
      if (cur) {
        if (cur.status === 'True') c.lastTransitionTime = cur.lastTransitionTime;
        removeCondition(s, 'Progressing');
      }
      setCondition(s, c);
    } else if (deploymentTimedOut(d, s, ctx.clock.now())) {
      const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata?.name}" has timed out progressing.`;
      setCondition(s, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', msg, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(s, failure);
  else removeCondition(s, 'ReplicaFailure');
  if (sameStatus(d.status, s)) {
    requeueStuckDeployment(ctx, d, s);
    return;
  }
  d.status = s;
  updateDeploymentStatus(ctx, d);
}

/** replicaFailure is getReplicaFailures: the new RS's (else an old RS's) ReplicaFailure condition. */
function replicaFailure(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): DeploymentCondition | undefined {
  const from = (rs: ReplicaSet | undefined) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const c = from(newRS) ?? allRSs.filter((r) => r && r !== newRS).map(from).find(Boolean);
  if (!c) return undefined;
  return { type: 'ReplicaFailure', status: c.status, reason: c.reason, message: c.message, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime };
}

/** requeueStuckDeployment re-syncs a rollout without progress when its deadline would pass (+1 s, as upstream). */
function requeueStuckDeployment(ctx: SyncContext, d: Deployment, s: DeploymentStatus): void {
  const cur = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cur) return;
  if (deploymentComplete(d, s) || cur.reason === 'ProgressDeadlineExceeded') return;
  const after = parseTime(cur.lastUpdateTime ?? '') + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - ctx.clock.now();
  if (Number.isNaN(after)) return;
  ctx.enqueueAfter(d, after < 1000 ? 1000 : after + 1000);
}
