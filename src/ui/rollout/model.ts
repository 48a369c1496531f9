// Presentation arithmetic for the rollout panel: groups mirrored ReplicaSets and pods under their
// Deployment and resolves the rolling-update budget. No cluster logic: everything is read from the
// objects the controllers wrote.
import type { KObject } from '../../engine/protocol';
import type { ObjectMirror } from '../store';

/** REVISION_ANNOTATION is the annotation the deployment controller writes on ReplicaSets. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** RolloutPod is one pod of a ReplicaSet as the panel shows it. */
export interface RolloutPod { name: string; revision: string; obj: KObject }

/** RolloutReplicaSet is one ReplicaSet with its counts and pods. */
export interface RolloutReplicaSet {
  name: string;
  revision: string;
  /** image lists the pod template's container images, comma-separated. */
  image: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
  isNew: boolean;
  pods: RolloutPod[];
}

/** Budget is the rolling update's surge and unavailable budget resolved against spec.replicas. */
export interface Budget {
  strategy: string;
  replicas: number;
  maxSurge: number;
  maxUnavailable: number;
  /** maxPods is replicas + maxSurge; minAvailable is replicas − maxUnavailable (never below 0). */
  maxPods: number;
  minAvailable: number;
}

/** RolloutView is everything the panel shows for one Deployment. */
export interface RolloutView {
  namespace: string;
  name: string;
  paused: boolean;
  budget: Budget;
  /** pods is the number of pods the Deployment's ReplicaSets report (status.replicas summed). */
  pods: number;
  available: number;
  updated: number;
  complete: boolean;
  /** replicaSets are newest revision first; ReplicaSets scaled to 0 with no pods are dropped except the two newest. */
  replicaSets: RolloutReplicaSet[];
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const meta = (o: KObject): Obj => rec((o as unknown as Obj).metadata);
const spec = (o: KObject): Obj => rec((o as unknown as Obj).spec);
const status = (o: KObject): Obj => rec((o as unknown as Obj).status);
const nameOf = (o: KObject): string => String(meta(o).name ?? '');
const nsOf = (o: KObject): string => String(meta(o).namespace ?? '');
const uidOf = (o: KObject): string => String(meta(o).uid ?? '');
const labelsOf = (o: KObject): Record<string, string> => rec(meta(o).labels) as Record<string, string>;
const ownerUids = (o: KObject): string[] =>
  (Array.isArray(meta(o).ownerReferences) ? (meta(o).ownerReferences as unknown[]) : []).map((r) => String(rec(r).uid ?? ''));
const revisionOf = (rs: KObject): string => String(rec(meta(rs).annotations)[REVISION_ANNOTATION] ?? '');

/**
 * scaledValue resolves an int-or-percent against total the way apimachinery's
 * intstr.GetScaledValueFromIntOrPercent does (percentages round up or down as asked).
 */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+%$/.test(v)) {
    const scaled = (parseInt(v, 10) * total) / 100;
    return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
  }
  if (typeof v === 'string' && /^\d+$/.test(v)) return parseInt(v, 10);
  return 0;
}

/** budgetOf resolves a Deployment's strategy like deploymentutil.ResolveFenceposts (surge up, unavailable down, never both 0). */
export function budgetOf(deploy: KObject): Budget {
  const replicas = spec(deploy).replicas === undefined ? 1 : num(spec(deploy).replicas);
  const strat = rec(spec(deploy).strategy);
  const type = String(strat.type ?? 'RollingUpdate');
  if (type === 'Recreate') return { strategy: type, replicas, maxSurge: 0, maxUnavailable: replicas, maxPods: replicas, minAvailable: 0 };
  const ru = rec(strat.rollingUpdate);
  let maxSurge = scaledValue(ru.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  if (maxSurge < 0) maxSurge = 0;
  return { strategy: type, replicas, maxSurge, maxUnavailable, maxPods: replicas + maxSurge, minAvailable: Math.max(0, replicas - maxUnavailable) };
}

/** podsOf returns the pods a ReplicaSet owns (by ownerReferences uid, else by its pod-template-hash label). */
function podsOf(rs: KObject, pods: KObject[]): KObject[] {
  const uid = uidOf(rs);
  const hash = labelsOf(rs)['pod-template-hash'];
  return pods.filter((p) => (uid && ownerUids(p).includes(uid)) ||
    (ownerUids(p).length === 0 && hash !== undefined && labelsOf(p)['pod-template-hash'] === hash));
}

function imagesOf(rs: KObject): string {
  const containers = rec(rec(spec(rs).template).spec).containers;
  return (Array.isArray(containers) ? containers : []).map((c) => String(rec(c).image ?? '')).join(', ');
}

/** rolloutView builds the panel's view of one Deployment from the mirror (withPods false skips the pod lists). */
export function rolloutView(deploy: KObject, objects: ObjectMirror, withPods = true): RolloutView {
  const ns = nsOf(deploy);
  const duid = uidOf(deploy);
  const inNs = (o: KObject) => nsOf(o) === ns;
  const allRs = Object.values(objects.ReplicaSet ?? {}).filter((rs) => inNs(rs) && duid !== '' && ownerUids(rs).includes(duid));
  const pods = withPods ? Object.values(objects.Pod ?? {}).filter(inNs) : [];
  allRs.sort((a, b) => Number(revisionOf(b) || 0) - Number(revisionOf(a) || 0) || nameOf(a).localeCompare(nameOf(b)));
  const newest = allRs[0];
  const rows: RolloutReplicaSet[] = allRs.map((rs) => {
    const revision = revisionOf(rs);
    const st = status(rs);
    const owned = podsOf(rs, pods).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    return {
      name: nameOf(rs), revision, image: imagesOf(rs), isNew: rs === newest,
      desired: num(spec(rs).replicas), current: num(st.replicas), ready: num(st.readyReplicas), available: num(st.availableReplicas),
      pods: owned.map((p) => ({ name: nameOf(p), revision, obj: p })),
    };
  });
  const shown = rows.filter((r, i) => i < 2 || r.desired > 0 || r.current > 0 || r.pods.length > 0);
  const budget = budgetOf(deploy);
  const dst = status(deploy);
  const podsTotal = rows.reduce((s, r) => s + r.current, 0);
  const available = rows.reduce((s, r) => s + r.available, 0);
  const newRow = rows[0];
  // Like `kubectl rollout status`: terminating pods of old ReplicaSets no longer count.
  const oldActive = rows.slice(1).some((r) => r.desired > 0 || r.current > 0);
  const complete = newRow !== undefined && !oldActive && newRow.desired === budget.replicas &&
    newRow.current === budget.replicas && newRow.available === budget.replicas &&
    num(dst.observedGeneration) >= num(meta(deploy).generation);
  return {
    namespace: ns, name: nameOf(deploy), paused: spec(deploy).paused === true, budget,
    pods: podsTotal, available, updated: num(dst.updatedReplicas), complete, replicaSets: shown,
  };
}

/** DeploymentEntry is one Deployment in the panel's picker. */
export interface DeploymentEntry { id: string; namespace: string; name: string; complete: boolean }

/** deploymentEntries lists the mirrored Deployments (namespace/name order) and whether each rollout is complete. */
export function deploymentEntries(objects: ObjectMirror): DeploymentEntry[] {
  return Object.entries(objects.Deployment ?? {})
    .map(([id, d]) => ({ id, namespace: nsOf(d), name: nameOf(d), complete: rolloutView(d, objects, false).complete }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * autoSelect picks the Deployment to show: the learner's choice while it exists, else the first one
 * still rolling, else the last one shown, else the first outside kube-system, else the first.
 */
export function autoSelect(entries: DeploymentEntry[], chosen: string | null, last: string | null): string | null {
  const has = (id: string | null) => id !== null && entries.some((e) => e.id === id);
  if (has(chosen)) return chosen;
  const rolling = entries.find((e) => !e.complete);
  if (rolling) return rolling.id;
  if (has(last)) return last;
  return (entries.find((e) => e.namespace !== 'kube-system') ?? entries[0])?.id ?? null;
}
