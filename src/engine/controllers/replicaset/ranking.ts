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
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (!na || !nb)) return !na;
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) < deletionCost(b);
  if (rankA !== rankB) return rankA > rankB;
  if (isPodReady(a) && isPodReady(b)) {
    const ra = podReadySince(a) ?? 0;
    const rb = podReadySince(b) ?? 0;
    if (ra !== rb) return compareTimes(a, b, ra, rb, now);
  }
  const ma = maxContainerRestarts(a);
  const mb = maxContainerRestarts(b);
  if (ma.regular !== mb.regular) return ma.regular > mb.regular;
  if (ma.sidecar !== mb.sidecar) return ma.sidecar > mb.sidecar;
  const ca = created(a);
  const cb = created(b);
  if (ca !== cb) return compareTimes(a, b, ca, cb, now);
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
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => (lessForDeletion(x.pod, y.pod, x.rank, y.rank, now) ? -1 : lessForDeletion(y.pod, x.pod, y.rank, x.rank, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
