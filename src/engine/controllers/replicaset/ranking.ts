import type { Pod } from 'kubernetes-types/core/v1';
import { isPodActive, isPodReady, maxContainerRestarts, podReadySince } from './pods';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const phaseOrdinal = (p: Pod) => PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;
const created = (p: Pod) => { const t = Date.parse(p.metadata?.creationTimestamp ?? ''); return Number.isNaN(t) ? 0 : t; };
const deletionCost = (p: Pod) => { const v = Number.parseInt(p.metadata?.annotations?.[DELETION_COST] ?? '0', 10); return Number.isNaN(v) ? 0 : v; };

// logarithmicRankDiff compares ages on a log2 scale of nanoseconds, as LogarithmicScaleDown (on by default) does.
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => { const d = (now - t) * 1e6; return d > 0 ? Math.floor(Math.log2(d)) : -1; };
  return rank(t1) - rank(t2);
}

// afterOrZero is upstream's helper: a zero time sorts first, otherwise the later time does.
function afterOrZero(t1: number, t2: number): boolean {
  if (!t1 || !t2) return !t1;
  return t1 > t2;
}

// compareTimes orders by "newer first" with the logarithmic bucketing and a uid tie-break.
function compareTimes(a: Pod, b: Pod, t1: number, t2: number, now: number): boolean {
  if (!now || !t1 || !t2) return afterOrZero(t1, t2);
  const diff = logarithmicRankDiff(t1, t2, now);
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

/**
 * lessForDeletion is controller.ActivePodsWithRanks.Less: true when pod a should be deleted before b.
 * Unscheduled < scheduled; Pending < Unknown < Running; not ready < ready; lower pod-deletion-cost first;
 * more co-located related pods (rank) first; ready more recently first; more restarts first; newer first.
 */
export function lessForDeletion(a: Pod, b: Pod, rankA: number, rankB: number, now: number): boolean {
  return lessRanked(rankedPod(a, rankA), rankedPod(b, rankB), now);
}

/** RankedPod caches what lessForDeletion reads from a pod, so a sort reads each pod once. */
interface RankedPod {
  pod: Pod; rank: number; node: string; phase: number; ready: boolean; cost: number;
  readySince: number; restarts: { regular: number; sidecar: number }; created: number;
}

function rankedPod(pod: Pod, rank: number): RankedPod {
  const ready = isPodReady(pod);
  return {
    pod, rank, node: pod.spec?.nodeName ?? '', phase: phaseOrdinal(pod), ready, cost: deletionCost(pod),
    readySince: ready ? podReadySince(pod) ?? 0 : 0, restarts: maxContainerRestarts(pod), created: created(pod),
  };
}

// lessRanked is lessForDeletion over cached fields (same order, without re-reading the pods on every comparison).
function lessRanked(a: RankedPod, b: RankedPod, now: number): boolean {
  if (a.node !== b.node && (!a.node || !b.node)) return !a.node;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readySince !== b.readySince) return compareTimes(a.pod, b.pod, a.readySince, b.readySince, now);
  if (a.restarts.regular !== b.restarts.regular) return a.restarts.regular > b.restarts.regular;
  if (a.restarts.sidecar !== b.restarts.sidecar) return a.restarts.sidecar > b.restarts.sidecar;
  if (a.created !== b.created) return compareTimes(a.pod, b.pod, a.created, b.created, now);
  return false;
}

/**
 * podsToDelete is getPodsToDelete: the first `diff` pods after ranking each by how many active related
 * pods (pods of ReplicaSets with the same controller) share its node.
 */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => rankedPod(pod, onNode.get(pod.spec?.nodeName ?? '') ?? 0));
  ranked.sort((x, y) => (lessRanked(x, y, now) ? -1 : lessRanked(y, x, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
