// Models pkg/controller/deployment/util/deployment_util.go (the helpers the sync loops share).
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { parseTime } from '../../util';
import { canonicalJson } from './hash';

/** REVISION_ANNOTATION is deployment.kubernetes.io/revision. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** REVISION_HISTORY_ANNOTATION lists the earlier revisions an RS held before a rollback reused it. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** DESIRED_REPLICAS_ANNOTATION is the deployment's replicas when the RS was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** MAX_REPLICAS_ANNOTATION is replicas + maxSurge when the RS was last scaled. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** HASH_LABEL is apps.DefaultDeploymentUniqueLabelKey. */
export const HASH_LABEL = 'pod-template-hash';
/** MAX_INT32 marks "no progress deadline" / "unlimited history", as upstream's math.MaxInt32. */
export const MAX_INT32 = 2147483647;
/** MAX_REV_HISTORY_LENGTH_IN_CHARS bounds the revision-history annotation. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, 'deprecated.deployment.rollback.to',
]);

/** replicasOf returns spec.replicas (defaulted to 1 by the API server; 0 when absent on an RS). */
export const replicasOf = (o: Deployment | ReplicaSet | undefined): number => o?.spec?.replicas ?? 0;
/** desired is the deployment's spec.replicas. */
export const desired = (d: Deployment): number => d.spec?.replicas ?? 1;

/** isRollingUpdate reports whether the strategy is RollingUpdate (the default). */
export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** scaledValue is intstr.GetScaledValueFromIntOrPercent: ints as is, percentages of total rounded up or down. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean, dflt: string): number {
  const val = v ?? dflt;
  if (typeof val === 'number') return val;
  const m = /^(\d+)%$/.exec(val);
  if (!m) {
    const n = Number(val);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid value "${val}": strconv.Atoi: parsing "${val}": invalid syntax`);
  }
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** resolveFenceposts is ResolveFenceposts: surge rounds up, unavailable down; both zero means unavailable 1. */
export function resolveFenceposts(d: Deployment): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  const n = desired(d);
  const surge = scaledValue(ru?.maxSurge, n, true, '25%');
  let unavailable = scaledValue(ru?.maxUnavailable, n, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** maxSurge is MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d)[0] : 0;
}

/** maxUnavailable is MaxUnavailable: 0 unless RollingUpdate with replicas, capped at replicas. */
export function maxUnavailable(d: Deployment): number {
  const n = desired(d);
  if (!isRollingUpdate(d) || n === 0) return 0;
  return Math.min(resolveFenceposts(d)[1], n);
}

/** revisionOf parses an object's revision annotation (0 when absent or not a number). */
export function revisionOf(o: { metadata?: { annotations?: Record<string, string> } } | undefined): number {
  const v = o?.metadata?.annotations?.[REVISION_ANNOTATION];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

/** maxRevision is MaxRevision over rss. */
export const maxRevision = (rss: ReplicaSet[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);

// Store objects are frozen snapshots, so a template's key can be cached by identity.
const keyCache = new WeakMap<object, string>();

/** templateKey returns template's canonical JSON without the pod-template-hash label (EqualIgnoreHash's view). */
export function templateKey(t: PodTemplateSpec | undefined): string {
  if (!t) return computeTemplateKey(t);
  let k = keyCache.get(t);
  if (k === undefined) {
    k = computeTemplateKey(t);
    if (Object.isFrozen(t)) keyCache.set(t, k);
  }
  return k;
}

function computeTemplateKey(t: PodTemplateSpec | undefined): string {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  const meta = { ...(t?.metadata ?? {}), labels };
  if (!Object.keys(labels).length) delete (meta as { labels?: unknown }).labels;
  return canonicalJson({ ...(t ?? {}), metadata: meta });
}

/** equalIgnoreHash is EqualIgnoreHash: two pod templates equal apart from the pod-template-hash label. */
export const equalIgnoreHash = (a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean => templateKey(a) === templateKey(b);

const created = (rs: ReplicaSet) => parseTime(rs.metadata?.creationTimestamp ?? '') || 0;

/** byCreation is ReplicaSetsByCreationTimestamp (oldest first, then by name). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return created(a) - created(b) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

/** bySizeNewer is ReplicaSetsBySizeNewer: larger first, newer first among equals. */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number => replicasOf(b) - replicasOf(a) || byCreation(b, a);
/** bySizeOlder is ReplicaSetsBySizeOlder: larger first, older first among equals. */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number => replicasOf(b) - replicasOf(a) || byCreation(a, b);
/** byRevision is ReplicaSetsByRevision: lowest revision first, then by creation. */
export const byRevision = (a: ReplicaSet, b: ReplicaSet): number => revisionOf(a) - revisionOf(b) || byCreation(a, b);

/** findNewReplicaSet is FindNewReplicaSet: the oldest RS whose template equals the deployment's. */
export function findNewReplicaSet(d: Deployment, rss: ReplicaSet[]): ReplicaSet | undefined {
  const key = templateKey(d.spec?.template);
  return [...rss].sort(byCreation).find((rs) => templateKey(rs.spec?.template) === key);
}

/** findOldReplicaSets is FindOldReplicaSets: every other RS (all, and those with replicas). */
export function findOldReplicaSets(d: Deployment, rss: ReplicaSet[]): { all: ReplicaSet[]; required: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
  return { all, required: all.filter((rs) => replicasOf(rs) !== 0) };
}

/** filterActive is FilterActiveReplicaSets: RSs with spec.replicas > 0. */
export const filterActive = (rss: Array<ReplicaSet | undefined>): ReplicaSet[] => rss.filter((r): r is ReplicaSet => !!r && replicasOf(r) > 0);

/** sumSpec is GetReplicaCountForReplicaSets (spec.replicas). */
export const sumSpec = (rss: Array<ReplicaSet | undefined>): number => rss.reduce((n, r) => n + replicasOf(r), 0);
/** sumStatus sums one status counter over rss (GetActual/Ready/AvailableReplicaCountForReplicaSets). */
export const sumStatus = (rss: Array<ReplicaSet | undefined>, f: 'replicas' | 'readyReplicas' | 'availableReplicas'): number =>
  rss.reduce((n, r) => n + (r?.status?.[f] ?? 0), 0);

/** findActiveOrLatest is FindActiveOrLatest: the only active RS, or the newest when none is active. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && !oldRSs.length) return undefined;
  const old = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = filterActive([...old, newRS]);
  if (active.length === 0) return newRS ?? old[0];
  return active.length === 1 ? active[0] : undefined;
}

/** isSaturated is IsSaturated: the new RS runs the full count and has it available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const want = Number(rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  return replicasOf(rs) === desired(d) && want === desired(d) && (rs.status?.availableReplicas ?? 0) === desired(d);
}

/** hasProgressDeadline is HasProgressDeadline. */
export const hasProgressDeadline = (d: Deployment): boolean => d.spec?.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;
/** hasRevisionHistoryLimit is HasRevisionHistoryLimit. */
export const hasRevisionHistoryLimit = (d: Deployment): boolean => d.spec?.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;

/** getCondition returns the condition of type t. */
export const getCondition = (s: DeploymentStatus | undefined, t: string): DeploymentCondition | undefined => s?.conditions?.find((c) => c.type === t);

/** newCondition is NewDeploymentCondition stamped with now. */
export function newCondition(type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/** setCondition is SetDeploymentCondition: no-op for same status and reason; keeps lastTransitionTime for same status; moves it last. */
export function setCondition(s: DeploymentStatus, c: DeploymentCondition): void {
  const cur = getCondition(s, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
  s.conditions = [...(s.conditions ?? []).filter((x) => x.type !== c.type), c];
}

/** removeCondition is RemoveDeploymentCondition. */
export function removeCondition(s: DeploymentStatus, t: string): void {
  if (!s.conditions) return;
  s.conditions = s.conditions.filter((c) => c.type !== t);
  if (!s.conditions.length) delete s.conditions;
}

/** setReplicasAnnotations is SetReplicasAnnotations; returns whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, want: number, max: number): boolean {
  const a = (rs.metadata!.annotations ??= {});
  if (a[DESIRED_REPLICAS_ANNOTATION] === String(want) && a[MAX_REPLICAS_ANNOTATION] === String(max)) return false;
  a[DESIRED_REPLICAS_ANNOTATION] = String(want);
  a[MAX_REPLICAS_ANNOTATION] = String(max);
  return true;
}

/** replicasAnnotationsNeedUpdate is ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, want: number, max: number): boolean {
  const a = rs.metadata?.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(want) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** setNewReplicaSetAnnotations is SetNewReplicaSetAnnotations: copies the deployment's annotations, bumps revision, keeps revision-history. */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  const a = (rs.metadata!.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (SKIP_COPY.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  const oldInt = oldRevision === undefined || oldRevision === '' ? 0 : Number(oldRevision);
  if (!Number.isInteger(oldInt)) return false;
  if (oldInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined) {
      const hist = a[REVISION_HISTORY_ANNOTATION] ?? '';
      let old = hist ? hist.split(',') : [];
      let total = hist.length + oldRevision.length + 1;
      while (old.length && total > MAX_REV_HISTORY_LENGTH_IN_CHARS) { total -= old[0].length + 1; old = old.slice(1); }
      if (total <= MAX_REV_HISTORY_LENGTH_IN_CHARS) a[REVISION_HISTORY_ANNOTATION] = [...old, oldRevision].join(',');
    }
  }
  if (!exists && setReplicasAnnotations(rs, desired(d), desired(d) + maxSurge(d))) changed = true;
  return changed;
}

/** setDeploymentRevision is SetDeploymentRevision on the working copy; returns whether it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const a = (d.metadata!.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

/** newRSNewReplicas is NewRSNewReplicas: how far the new RS may grow under maxSurge (Recreate: all at once). */
export function newRSNewReplicas(d: Deployment, allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return desired(d);
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge, desired(d), true, '25%');
  const current = sumSpec(allRSs);
  const maxTotal = desired(d) + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, desired(d) - replicasOf(newRS));
}

/** getProportion is GetProportion: this RS's share of a scaling step, never beyond what is left. */
export function getProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number, statusReplicas: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (desired(d) === 0) fraction = -replicasOf(rs);
  else {
    const maxNow = desired(d) + maxSurge(d);
    let before = Number(rs.metadata?.annotations?.[MAX_REPLICAS_ANNOTATION]);
    if (!Number.isInteger(before) || before === 0) before = statusReplicas;
    // Go's math.Round: halves away from zero.
    const x = (replicasOf(rs) * maxNow) / before;
    fraction = Math.sign(x) * Math.round(Math.abs(x)) - replicasOf(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** deploymentComplete is DeploymentComplete. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus | undefined): boolean {
  const n = desired(d);
  return (s?.updatedReplicas ?? 0) === n && (s?.replicas ?? 0) === n && (s?.availableReplicas ?? 0) === n && (s?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

/** deploymentProgressing is DeploymentProgressing: any sign of progress since the last status. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld
    || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

/** deploymentTimedOut is DeploymentTimedOut: the Progressing condition is older than the deadline. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  return parseTime(c.lastUpdateTime ?? '') + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}
